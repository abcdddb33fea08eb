/** Loads what the dashboard pages show: stored figures, targets, comparators, as series of Points. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/types.js';
import { annualPeriod, periodLabel } from '../measures/periods.js';
import * as mq from '../measures/queries.js';
import type { SubjectKind } from '../measures/schema.js';
import { indicatorValues, suppressCount, type IndicatorDef } from './contract.js';
import { headline, indexValues, type Point, type ValueIndex, type Viewer } from './presenters.js';

type Db = Kysely<Database>;

export interface Context {
  targets: Map<string, { target: number; tolerance: number }>;
  comparators: Map<string, Point['comparators']>;
}

const tkey = (kind: SubjectKind, subject: string, period: string) => `${kind}|${subject}|${period}`;

export async function loadContext(db: Db, kind?: SubjectKind, subject?: string): Promise<Context> {
  const [ts, cs] = await Promise.all([mq.targets(db, kind, subject), mq.comparators(db, kind, subject)]);
  const targets = new Map(ts.map((t) => [tkey(t.subject_kind, t.subject, t.period), { target: t.target, tolerance: t.tolerance }]));
  const comparators = new Map<string, Point['comparators']>();
  for (const c of cs) {
    const k = tkey(c.subject_kind, c.subject, c.period);
    comparators.set(k, { ...comparators.get(k), [c.kind]: c.value });
  }
  return { targets, comparators };
}

export async function loadIndex(db: Db, indicator?: number): Promise<{ index: ValueIndex; years: number[] }> {
  // indicator 1 is needed too: the rate's suppression depends on the count of children looked after
  const rows = indicator === undefined || indicator === 1
    ? await indicatorValues(db, indicator === undefined ? {} : { indicator })
    : (await Promise.all([indicatorValues(db, { indicator }), indicatorValues(db, { indicator: 1 })])).flat();
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return { index: indexValues(rows), years };
}

export function indicatorPoints(def: IndicatorDef, index: ValueIndex, years: readonly number[], ctx: Context, viewer: Viewer): Point[] {
  const held = years.filter((y) => index.get(def.number)?.has(y));
  return held.map((y) => {
    const period = annualPeriod(y);
    const h = headline(def, index, y, viewer);
    return {
      period,
      label: period,
      exact: h.exact,
      shown: h.shown,
      target: ctx.targets.get(tkey('indicator', def.key, period)) ?? null,
      comparators: ctx.comparators.get(tkey('indicator', def.key, period)) ?? {},
      rag: null,
    };
  });
}

export function measurePoints(m: mq.MeasureRow, values: readonly mq.PeriodValue[], ctx: Context, viewer: Viewer): Point[] {
  return values.map((v) => ({
    period: v.period,
    label: periodLabel(v.period, m.frequency),
    exact: v.value,
    // counts of people are small-number suppressed for members; percentages and rates of a measure are
    // entered without their numerator, so they are shown as entered
    shown: viewer.exact || m.unit !== 'count' ? v.value : suppressCount(v.value),
    target: ctx.targets.get(tkey('measure', m.key, v.period)) ?? null,
    comparators: ctx.comparators.get(tkey('measure', m.key, v.period)) ?? {},
    rag: null,
  }));
}

/**
 * A fingerprint of every stored figure the dashboard shows (one cheap round trip): computed indicator
 * values, measure values, targets, comparators and commentary. Presented pages are kept per
 * fingerprint, so a page only reads the figures again after something changed.
 */
export async function dataVersion(db: Db): Promise<string> {
  const r = await sql<{ v: string }>`
    select concat_ws('|',
      (select count(*) || '/' || coalesce(max(computed_at)::text, '') from perf_indicator_value),
      (select count(*) || '/' || coalesce(max(updated_at)::text, '') from perf_measure_value),
      (select count(*) || '/' || coalesce(max(updated_at)::text, '') from perf_target),
      (select count(*) || '/' || coalesce(max(updated_at)::text, '') from perf_comparator),
      (select count(*) || '/' || coalesce(max(updated_at)::text, '') from perf_commentary),
      (select count(*) || '/' || coalesce(max(updated_at)::text, '') from perf_measure),
      (select count(*) from perf_import),
      (select count(*) from strategy_priority)
    ) as v`.execute(db);
  return r.rows[0]?.v ?? '';
}

/** Presented data kept per data version (cleared whenever the version moves). */
export class PageMemo {
  private version = '';
  private readonly entries = new Map<string, Promise<unknown>>();
  async get<T>(version: string, key: string, make: () => Promise<T>): Promise<T> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    let p = this.entries.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make();
      this.entries.set(key, p);
      p.catch(() => this.entries.delete(key));
      if (this.entries.size > 500) this.entries.delete(this.entries.keys().next().value!);
    }
    return p;
  }
}
