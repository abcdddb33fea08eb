/**
 * Test helpers for rule modules: build rows the way the validator's `test_validate` fixtures are written
 * (cells given raw: lower case, "" and all; missing columns null) and run one rule over them.
 * Row label r (0-based, as in ssda903-rules.md) is line r + 2 (header = line 1).
 */
import { parseDate903 } from '../dates.js';
import { TABLE_COLUMNS, type FileSet, type Row, type TableName } from '../tables.js';
import { Context } from './context.js';
import { runRules } from './index.js';
import type { Rule } from './types.js';

export type Cells = Record<string, string | number | null | undefined>;

export function makeRows<T extends TableName>(table: T, data: readonly Cells[]): Row<T>[] {
  return data.map((d, i) => {
    const row: Record<string, string | number | null> = { line: i + 2 };
    for (const c of TABLE_COLUMNS[table]) {
      const v = d[c];
      row[c] = v === undefined || v === null ? null : String(v);
    }
    return row as unknown as Row<T>;
  });
}

/** Lines of 0-based row labels. */
export function lines(...labels: number[]): number[] {
  return labels.map((r) => r + 2);
}

export interface Fixture {
  readonly tables: { readonly [T in TableName]?: readonly Cells[] };
  readonly last?: { readonly [T in TableName]?: readonly Cells[] };
  readonly year?: number;
  /** CS and CE as dd/mm/yyyy (the validator's metadata strings). */
  readonly start?: string;
  readonly end?: string;
}

export function fileSetOf(f: Fixture): FileSet {
  const conv = (t: { readonly [T in TableName]?: readonly Cells[] }) =>
    Object.fromEntries(Object.entries(t).map(([k, v]) => [k, makeRows(k as TableName, v as Cells[])]));
  return {
    year: f.year ?? 2026,
    tables: conv(f.tables),
    files: Object.fromEntries(Object.keys(f.tables).map((k) => [k, `${k.toLowerCase()}.csv`])),
    ...(f.last ? { last: conv(f.last) } : {}),
  };
}

/** Runs one rule as the registry does; returns flagged lines per table and the status. */
export function check(rule: Rule, f: Fixture): { status: string; flagged: { [T in TableName]?: number[] } } {
  const fs = fileSetOf(f);
  const period = f.start || f.end
    ? { start: parseDate903(f.start ?? '01/04/2025') as number, end: parseDate903(f.end ?? '31/03/2026') as number }
    : undefined;
  const [res] = runRules(fs, [rule], new Context(fs, period));
  const flagged: { [T in TableName]?: number[] } = {};
  for (const fl of res.flags) (flagged[fl.table] ??= []).push(fl.line);
  return { status: res.status, flagged };
}

/**
 * Runs one rule and returns the 0-based row labels it flagged in `table` (the numbering ssda903-rules.md's
 * examples use). Throws when the rule did not run (skipped or failed), so a test cannot pass vacuously.
 */
export function flaggedRows(rule: Rule, f: Fixture, table: TableName): number[] {
  const r = check(rule, f);
  if (r.status !== 'ran') throw new Error(`rule ${rule.code} ${r.status}`);
  return (r.flagged[table] ?? []).map((l) => l - 2);
}
