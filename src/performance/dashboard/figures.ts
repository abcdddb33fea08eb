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
 * The version of everything the dashboard pages show, in one trivial round trip that reads no table:
 * the database's current transaction snapshot (`xmin:xmax:xip-list`). Every write transaction that
 * ends anywhere in the database — committed or rolled back, through the app or through SQL from outside
 * it — changes the snapshot, and a read does not; so a page presented under one version stays exact
 * for as long as the version stands: imported and recomputed figures, measure values, targets,
 * comparators, commentary, measures, strategy priorities and imports alike, with no list of tables to
 * keep up to date. The price is that unrelated writes (a sign-in, an audit row) move the version too,
 * and the next request presents its page afresh. (Before a write commits its transaction id is at or
 * beyond xmax, or listed as in progress; after it, it is below xmax and not listed: the text differs.)
 */
export function dataVersion(db: Db): Promise<string> {
  // Requests that ask at about the same time share one query (under load, many requests are read from
  // their sockets in one turn of the event loop, and the embedded database answers one query at a time).
  // A caller only ever joins a query that has not been sent yet: it is sent once the current turn's
  // callbacks have run (setImmediate), so it starts after every caller that shares it asked, and sees
  // every write committed before any of them asked — as exact as a query of one's own.
  let next = unsent.get(db);
  if (!next) {
    next = new Promise<string>((resolve, reject) => {
      setImmediate(() => {
        unsent.delete(db);
        readVersion(db).then(resolve, reject);
      });
    });
    unsent.set(db, next);
  }
  return next;
}

/** The version query about to be sent, per database, which callers may still join. */
const unsent = new WeakMap<Db, Promise<string>>();

async function readVersion(db: Db): Promise<string> {
  const r = await sql<{ v: string }>`select pg_current_snapshot()::text as v`.execute(db);
  const v = r.rows[0]?.v;
  if (!v) throw new Error('The database gave no transaction snapshot');
  return v;
}

/**
 * Presented data and rendered page bodies, kept per data version: everything is dropped when the
 * version moves. An entry is made by a request that read the version first, so it never holds less
 * than that version shows. Keys name the audience (exact figures or suppressed, may edit or not), so
 * one audience's entry is never served to another.
 */
export class PageMemo {
  private version = '';
  private readonly entries = new Map<string, Promise<unknown>>();
  constructor(private readonly max = 500) {}
  async get<T>(version: string, key: readonly (string | number | boolean)[], make: () => Promise<T>): Promise<T> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const k = JSON.stringify(key);
    let p = this.entries.get(k) as Promise<T> | undefined;
    if (!p) {
      p = make();
      this.entries.set(k, p);
      p.catch(() => {
        if (this.entries.get(k) === p) this.entries.delete(k);
      });
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    return p;
  }
}
