/**
 * Domain commands for measures, targets, comparators and commentary. Each takes (tx, actor, input),
 * validates, writes and records the audit; a refused input throws MeasureInputError (field → message)
 * or CsvRefusedError (every problem), and nothing is written.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { recordAudit, type Actor } from '../../platform/audit.js';
import type { Database } from '../../platform/database/types.js';
import type { FieldErrors } from '../../platform/http/types.js';
import { INDICATORS } from '../dashboard/contract.js';
import { readCsv, readNumber, type CsvProblem } from './csv.js';
import { FREQUENCIES, parsePeriod, periodError, type Frequency } from './periods.js';
import * as q from './queries.js';
import { POLARITIES } from './rag.js';
import type { SubjectKind } from './schema.js';

type Tx = Transaction<Database>;

export const UNITS = ['count', 'percent', 'rate', 'number'] as const;
export type MeasureUnit = (typeof UNITS)[number];
export const COMPARATOR_KINDS = ['england', 'region', 'statistical-neighbours'] as const;
export const COMPARATOR_LABELS: Record<(typeof COMPARATOR_KINDS)[number], string> = {
  england: 'England',
  region: 'Region',
  'statistical-neighbours': 'Statistical neighbours',
};

export class MeasureInputError extends Error {
  constructor(public readonly errors: FieldErrors) {
    super(Object.values(errors)[0] ?? 'Check the form');
  }
}
export class CsvRefusedError extends Error {
  constructor(public readonly problems: CsvProblem[]) {
    super(`The file was not imported: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`);
  }
}
export class CommentaryConflictError extends Error {
  constructor(public readonly current: q.CommentaryRow) {
    super('Someone else changed this commentary while you were editing it. Your text has not been saved: it is kept below. Check the latest version, then save again.');
  }
}

// ------------------------------------------------------------------ measures

export const measureSchema = z.object({
  key: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Enter a key of lower-case letters, numbers and hyphens, like fostering-enquiries'),
  name: z.string().trim().min(1, 'Enter the name of the measure').max(200, 'Name must be 200 characters or fewer'),
  definition: z.string().trim().min(1, 'Enter the definition: what is counted, and from where').max(5000, 'Definition must be 5,000 characters or fewer'),
  unit: z.enum(UNITS, { error: 'Select the unit' }),
  polarity: z.enum(POLARITIES, { error: 'Select whether higher or lower is better' }),
  frequency: z.enum(FREQUENCIES, { error: 'Select how often the measure is reported' }),
  priority: z.string().trim().max(100).optional().transform((v) => (v ? v : null)),
});
export type MeasureInput = z.infer<typeof measureSchema>;

const INDICATOR_KEYS = new Set(INDICATORS.map((i) => i.key));

export async function createMeasure(tx: Tx, actor: Actor, input: MeasureInput): Promise<void> {
  if (INDICATOR_KEYS.has(input.key)) throw new MeasureInputError({ key: 'That key is an SSDA903 indicator’s key: choose another' });
  if (await q.findMeasure(tx, input.key)) throw new MeasureInputError({ key: 'A measure with that key already exists' });
  await q.insertMeasure(tx, input);
  await recordAudit(tx, actor, 'create', 'perf_measure', input.key, null, input);
}

/** Checks a value against a measure's unit; the message, or null when it is fine. */
export function valueError(unit: MeasureUnit, value: number | null): string | null {
  if (value === null) return 'Enter the value as a number, like 42 or 87.5';
  if (unit === 'count' && (!Number.isInteger(value) || value < 0)) return 'A count must be a whole number, 0 or more';
  if (unit === 'percent' && (value < 0 || value > 100)) return 'A percentage must be between 0 and 100';
  if (unit === 'rate' && value < 0) return 'A rate must be 0 or more';
  return null;
}

export async function recordMeasureValue(tx: Tx, actor: Actor, key: string, input: { period: string; value: string }): Promise<void> {
  const m = await q.findMeasure(tx, key);
  if (!m) throw new MeasureInputError({ period: 'This measure no longer exists' });
  const errors: FieldErrors = {};
  const pErr = periodError(m.frequency, input.period);
  if (pErr) errors.period = pErr;
  const value = readNumber(input.value);
  const vErr = valueError(m.unit, value);
  if (vErr) errors.value = vErr;
  if (Object.keys(errors).length) throw new MeasureInputError(errors);
  const period = parsePeriod(m.frequency, input.period)!;
  const before = await q.measureValue(tx, key, period);
  await q.upsertMeasureValue(tx, key, period, value!);
  await recordAudit(tx, actor, before === null ? 'create' : 'update', 'perf_measure_value', `${key}/${period}`, before === null ? null : { value: before }, { value });
}

/** Imports `measure,period,value` rows: all of them, or none when any row is wrong. */
export async function importMeasureValues(tx: Tx, actor: Actor, csv: string): Promise<{ count: number }> {
  const { rows, problems } = readCsv(csv, ['measure', 'period', 'value']);
  const measures = new Map((await q.listMeasures(tx)).map((m) => [m.key, m]));
  const seen = new Map<string, number>();
  const good: { key: string; period: string; value: number }[] = [];
  for (const { line, cells } of rows) {
    const m = measures.get(cells.measure!.toLowerCase());
    if (!m) {
      problems.push({ line, field: 'measure', message: cells.measure ? `“${cells.measure}” is not a measure in the catalogue` : 'Enter the measure key' });
      continue;
    }
    const period = parsePeriod(m.frequency, cells.period!);
    if (!period) problems.push({ line, field: 'period', message: `“${cells.period}” is not ${m.frequency === 'annual' ? 'an' : 'a'} ${m.frequency} period: enter ${periodHint(m.frequency)}` });
    const value = readNumber(cells.value!);
    const vErr = valueError(m.unit, value);
    if (vErr) problems.push({ line, field: 'value', message: `${vErr} (found “${cells.value}”)` });
    if (period && !vErr) {
      const id = `${m.key}/${period}`;
      if (seen.has(id)) problems.push({ line, field: 'period', message: `${m.key} ${period} is already given on line ${seen.get(id)}` });
      else seen.set(id, line);
      good.push({ key: m.key, period, value: value! });
    }
  }
  if (problems.length) throw new CsvRefusedError(problems.sort((a, b) => a.line - b.line));
  for (const g of good) await q.upsertMeasureValue(tx, g.key, g.period, g.value);
  await recordAudit(tx, actor, 'create', 'perf_measure_value_import', new Date().toISOString(), null, { rows: good.length, measures: [...new Set(good.map((g) => g.key))] });
  return { count: good.length };
}

function periodHint(f: Frequency): string {
  return f === 'monthly' ? 'YYYY-MM' : f === 'quarterly' ? 'YYYY-Qn' : 'YYYY-YY';
}

// ------------------------------------------------------------------ subjects (indicator or measure)

export interface Subject {
  kind: SubjectKind;
  key: string;
  name: string;
  frequency: Frequency;
}
/** An indicator key or a measure key, as a subject (indicators are annual). */
export async function findSubject(tx: Tx | Parameters<typeof q.findMeasure>[0], key: string): Promise<Subject | null> {
  const ind = INDICATORS.find((i) => i.key === key);
  if (ind) return { kind: 'indicator', key, name: ind.title, frequency: 'annual' };
  const m = await q.findMeasure(tx, key);
  return m ? { kind: 'measure', key, name: m.name, frequency: m.frequency } : null;
}

// ------------------------------------------------------------------ targets

export async function setTarget(tx: Tx, actor: Actor, subject: Subject, input: { period: string; target: string; tolerance: string }): Promise<void> {
  const errors: FieldErrors = {};
  const pErr = periodError(subject.frequency, input.period);
  if (pErr) errors.period = pErr;
  const target = readNumber(input.target);
  if (target === null) errors.target = 'Enter the target as a number, like 65';
  const tolerance = input.tolerance.trim() === '' ? 0 : readNumber(input.tolerance);
  if (tolerance === null || tolerance < 0) errors.tolerance = 'Enter the tolerance as a number, 0 or more, like 5';
  if (Object.keys(errors).length) throw new MeasureInputError(errors);
  const row = { subject_kind: subject.kind, subject: subject.key, period: parsePeriod(subject.frequency, input.period)!, target: target!, tolerance: tolerance! };
  const before = await q.upsertTarget(tx, row);
  await recordAudit(tx, actor, before ? 'update' : 'create', 'perf_target', `${subject.key}/${row.period}`, before ? { ...before } : null, { ...row });
}

// ------------------------------------------------------------------ comparators

export async function setComparator(tx: Tx, actor: Actor, subject: Subject, input: { period: string; kind: string; value: string }): Promise<void> {
  const errors: FieldErrors = {};
  const pErr = periodError(subject.frequency, input.period);
  if (pErr) errors.period = pErr;
  if (!(COMPARATOR_KINDS as readonly string[]).includes(input.kind)) errors.kind = 'Select England, region or statistical neighbours';
  const value = readNumber(input.value);
  if (value === null) errors.value = 'Enter the comparator as a number, like 70';
  if (Object.keys(errors).length) throw new MeasureInputError(errors);
  const row = { subject_kind: subject.kind, subject: subject.key, period: parsePeriod(subject.frequency, input.period)!, kind: input.kind as q.ComparatorKind, value: value! };
  const before = await q.upsertComparator(tx, row);
  await recordAudit(tx, actor, before === null ? 'create' : 'update', 'perf_comparator', `${subject.key}/${row.period}/${row.kind}`, before === null ? null : { value: before }, row);
}

/** Imports `subject,period,kind,value` rows (subject: an indicator or measure key): all, or none. */
export async function importComparators(tx: Tx, actor: Actor, csv: string): Promise<{ count: number }> {
  const { rows, problems } = readCsv(csv, ['subject', 'period', 'kind', 'value']);
  const good: q.ComparatorRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const subject = cells.subject ? await findSubject(tx, cells.subject.toLowerCase()) : null;
    if (!subject) {
      problems.push({ line, field: 'subject', message: cells.subject ? `“${cells.subject}” is not an indicator or measure key` : 'Enter the indicator or measure key' });
      continue;
    }
    const period = parsePeriod(subject.frequency, cells.period!);
    if (!period) problems.push({ line, field: 'period', message: `“${cells.period}” is not a ${subject.frequency} period: enter ${periodHint(subject.frequency)}` });
    const kind = cells.kind!.toLowerCase();
    if (!(COMPARATOR_KINDS as readonly string[]).includes(kind)) problems.push({ line, field: 'kind', message: `“${cells.kind}” is not england, region or statistical-neighbours` });
    const value = readNumber(cells.value!);
    if (value === null) problems.push({ line, field: 'value', message: `“${cells.value}” is not a number` });
    if (period && value !== null && (COMPARATOR_KINDS as readonly string[]).includes(kind)) {
      const id = `${subject.key}/${period}/${kind}`;
      if (seen.has(id)) problems.push({ line, field: 'kind', message: `${id} is already given on line ${seen.get(id)}` });
      else seen.set(id, line);
      good.push({ subject_kind: subject.kind, subject: subject.key, period, kind: kind as q.ComparatorKind, value });
    }
  }
  if (problems.length) throw new CsvRefusedError(problems.sort((a, b) => a.line - b.line));
  for (const g of good) await q.upsertComparator(tx, g);
  await recordAudit(tx, actor, 'create', 'perf_comparator_import', new Date().toISOString(), null, { rows: good.length });
  return { count: good.length };
}

// ------------------------------------------------------------------ commentary

/**
 * Saves the commentary on a subject for a period. `version` is the version the writer loaded (null
 * when there was none): if someone saved in between, CommentaryConflictError and nothing is written.
 */
export async function saveCommentary(tx: Tx, actor: Actor, author: string, subject: Subject, input: { period: string; text: string; version: number | null }): Promise<void> {
  const errors: FieldErrors = {};
  const pErr = periodError(subject.frequency, input.period);
  if (pErr) errors.period = pErr;
  const text = input.text.trim();
  if (!text) errors.text = 'Enter the commentary';
  else if (text.length > 10000) errors.text = 'Commentary must be 10,000 characters or fewer';
  if (Object.keys(errors).length) throw new MeasureInputError(errors);
  const period = parsePeriod(subject.frequency, input.period)!;
  const existing = await q.findCommentary(tx, subject.kind, subject.key, period);
  if (!existing) {
    const id = await q.insertCommentary(tx, { subject_kind: subject.kind, subject: subject.key, period, text, author_id: actor.id, author_name: author });
    await recordAudit(tx, actor, 'create', 'perf_commentary', id, null, { subject: subject.key, period, text });
    return;
  }
  if (input.version !== existing.version) throw new CommentaryConflictError(existing);
  const changed = await q.updateCommentaryIfVersion(tx, existing.id, existing.version, { text, author_id: actor.id, author_name: author });
  if (changed === 0) throw new CommentaryConflictError((await q.findCommentary(tx, subject.kind, subject.key, period))!);
  await recordAudit(tx, actor, 'update', 'perf_commentary', existing.id, { text: existing.text }, { text });
}
