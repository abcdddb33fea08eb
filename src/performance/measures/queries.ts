/** All SQL of measures, targets, comparators and commentary. Numerics come back as numbers. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/database/types.js';
import type { SubjectKind } from './schema.js';
import './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
const num = (v: string | number): number => Number(v);

export interface MeasureRow {
  key: string;
  name: string;
  definition: string;
  unit: 'count' | 'percent' | 'rate' | 'number';
  polarity: 'higher' | 'lower' | 'none';
  frequency: 'monthly' | 'quarterly' | 'annual';
  priority: string | null;
  version: number;
}

export function listMeasures(db: Db): Promise<MeasureRow[]> {
  return db.selectFrom('perf_measure').select(['key', 'name', 'definition', 'unit', 'polarity', 'frequency', 'priority', 'version']).orderBy('name').execute();
}
export function findMeasure(db: Db, key: string): Promise<MeasureRow | undefined> {
  return db.selectFrom('perf_measure').select(['key', 'name', 'definition', 'unit', 'polarity', 'frequency', 'priority', 'version']).where('key', '=', key).executeTakeFirst();
}
export async function insertMeasure(db: Db, m: Omit<MeasureRow, 'version'>): Promise<void> {
  await db.insertInto('perf_measure').values(m).execute();
}

export interface PeriodValue { period: string; value: number }
export async function measureValues(db: Db, key: string): Promise<PeriodValue[]> {
  const rows = await db.selectFrom('perf_measure_value').select(['period', 'value']).where('measure_key', '=', key).orderBy('period').execute();
  return rows.map((r) => ({ period: r.period, value: num(r.value) }));
}
/** The last `n` values of every measure (for tiles), oldest first within each measure. */
export async function recentMeasureValues(db: Db, n: number): Promise<Map<string, PeriodValue[]>> {
  const rows = await db.selectFrom('perf_measure_value').select(['measure_key', 'period', 'value']).orderBy('measure_key').orderBy('period', 'desc').execute();
  const out = new Map<string, PeriodValue[]>();
  for (const r of rows) {
    const list = out.get(r.measure_key) ?? [];
    if (list.length < n) list.push({ period: r.period, value: num(r.value) });
    out.set(r.measure_key, list);
  }
  for (const list of out.values()) list.reverse();
  return out;
}
export async function measureValue(db: Db, key: string, period: string): Promise<number | null> {
  const r = await db.selectFrom('perf_measure_value').select('value').where('measure_key', '=', key).where('period', '=', period).executeTakeFirst();
  return r ? num(r.value) : null;
}
export async function upsertMeasureValue(db: Db, key: string, period: string, value: number): Promise<void> {
  await db.insertInto('perf_measure_value').values({ measure_key: key, period, value, updated_at: new Date() })
    .onConflict((oc) => oc.columns(['measure_key', 'period']).doUpdateSet({ value, updated_at: new Date() })).execute();
}

export interface TargetRow { subject_kind: SubjectKind; subject: string; period: string; target: number; tolerance: number }
export async function targets(db: Db, kind?: SubjectKind, subject?: string): Promise<TargetRow[]> {
  let q = db.selectFrom('perf_target').select(['subject_kind', 'subject', 'period', 'target', 'tolerance']);
  if (kind) q = q.where('subject_kind', '=', kind);
  if (subject) q = q.where('subject', '=', subject);
  const rows = await q.orderBy('subject_kind').orderBy('subject').orderBy('period').execute();
  return rows.map((r) => ({ ...r, target: num(r.target), tolerance: num(r.tolerance) }));
}
export async function upsertTarget(db: Db, t: TargetRow): Promise<TargetRow | undefined> {
  const before = await db.selectFrom('perf_target').select(['subject_kind', 'subject', 'period', 'target', 'tolerance'])
    .where('subject_kind', '=', t.subject_kind).where('subject', '=', t.subject).where('period', '=', t.period).executeTakeFirst();
  await db.insertInto('perf_target').values({ ...t, updated_at: new Date() })
    .onConflict((oc) => oc.columns(['subject_kind', 'subject', 'period']).doUpdateSet({ target: t.target, tolerance: t.tolerance, updated_at: new Date() })).execute();
  return before ? { ...before, target: num(before.target), tolerance: num(before.tolerance) } : undefined;
}

export type ComparatorKind = 'england' | 'region' | 'statistical-neighbours';
export interface ComparatorRow { subject_kind: SubjectKind; subject: string; period: string; kind: ComparatorKind; value: number }
export async function comparators(db: Db, kind?: SubjectKind, subject?: string): Promise<ComparatorRow[]> {
  let q = db.selectFrom('perf_comparator').select(['subject_kind', 'subject', 'period', 'kind', 'value']);
  if (kind) q = q.where('subject_kind', '=', kind);
  if (subject) q = q.where('subject', '=', subject);
  const rows = await q.orderBy('subject').orderBy('period').orderBy('kind').execute();
  return rows.map((r) => ({ ...r, value: num(r.value) }));
}
export async function upsertComparator(db: Db, c: ComparatorRow): Promise<number | null> {
  const before = await db.selectFrom('perf_comparator').select('value')
    .where('subject_kind', '=', c.subject_kind).where('subject', '=', c.subject).where('period', '=', c.period).where('kind', '=', c.kind).executeTakeFirst();
  await db.insertInto('perf_comparator').values({ ...c, updated_at: new Date() })
    .onConflict((oc) => oc.columns(['subject_kind', 'subject', 'period', 'kind']).doUpdateSet({ value: c.value, updated_at: new Date() })).execute();
  return before ? num(before.value) : null;
}

export interface CommentaryRow { id: number; subject_kind: SubjectKind; subject: string; period: string; text: string; author_name: string; version: number; updated_at: Date }
export function commentaries(db: Db, kind: SubjectKind, subject: string): Promise<CommentaryRow[]> {
  return db.selectFrom('perf_commentary').select(['id', 'subject_kind', 'subject', 'period', 'text', 'author_name', 'version', 'updated_at'])
    .where('subject_kind', '=', kind).where('subject', '=', subject).orderBy('period', 'desc').execute();
}
export function findCommentary(db: Db, kind: SubjectKind, subject: string, period: string): Promise<CommentaryRow | undefined> {
  return db.selectFrom('perf_commentary').select(['id', 'subject_kind', 'subject', 'period', 'text', 'author_name', 'version', 'updated_at'])
    .where('subject_kind', '=', kind).where('subject', '=', subject).where('period', '=', period).executeTakeFirst();
}
export async function insertCommentary(db: Db, c: { subject_kind: SubjectKind; subject: string; period: string; text: string; author_id: string | null; author_name: string }): Promise<number> {
  const r = await db.insertInto('perf_commentary').values({ ...c, updated_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}
/** Updates the text if nobody has changed it since `version`; the number of rows changed (0 or 1). */
export async function updateCommentaryIfVersion(db: Db, id: number, version: number, c: { text: string; author_id: string | null; author_name: string }): Promise<number> {
  const r = await db.updateTable('perf_commentary').set({ ...c, version: version + 1, updated_at: new Date() })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
