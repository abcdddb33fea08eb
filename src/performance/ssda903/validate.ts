/**
 * ERRORS: the checks that refuse a file set, whole (shared/reference/indicators.md "Validation before
 * import"). Everything else that breaks a DfE rule is a WARNING and comes from the rules (rules/).
 *
 * Errors found here (file-level errors — encoding, columns, field counts, empty file — come from reader.ts):
 * - `child-blank`        CHILD is blank, in any table;
 * - `date`               a non-blank cell of a date column (DATE_COLUMNS) is not a valid dd/mm/yyyy date
 *                        (ssda903-rules.md §0.3: two-digit years, ISO dates, surrounding spaces are invalid);
 * - `decom-blank`        an episode has no DECOM (its span [DECOM, DEC] cannot be placed; every indicator and
 *                        the multi-year history need it) — a reading of "a date does not parse";
 * - `dec-before-decom`   DEC is before DECOM;
 * - `child-not-in-header` an Episodes CHILD has no Header row;
 * - `no-header`          episodes were supplied without a Header table (instead of one error per episode);
 * - `no-episodes`        no Episodes table in the file set;
 * - `no-episode-in-year` no episode overlaps the year [1 April Y-1, 31 March Y].
 * Only this year's tables are validated; last year's are read for rules 502 and 1001 only.
 */
import { collectionPeriod, formatDate903 } from './dates.js';
import { parseDateFast as parseDate903 } from './rules/context.js';
import type { Issue } from './issues.js';
import { TABLE_ORDER, type FileSet, type Row, type TableName } from './tables.js';

/** The date columns of each table, validated as dd/mm/yyyy when not blank. */
export const DATE_COLUMNS: { readonly [T in TableName]: readonly string[] } = {
  Header: ['DOB', 'MC_DOB'],
  Episodes: ['DECOM', 'DEC'],
  Reviews: ['DOB', 'REVIEW'],
  UASC: ['DOB', 'DUC'],
  OC2: ['DOB'],
  OC3: ['DOB'],
  AD1: ['DOB', 'DATE_INT', 'DATE_MATCH'],
  PlacedAdoption: ['DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED'],
  PrevPerm: ['DOB', 'DATE_PERM'],
  Missing: ['DOB', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['DOB', 'SW_DECOM', 'SW_DEC'],
  DoLo: ['DOB', 'DOLO_START', 'DOLO_END'],
};

export interface ValidateOptions {
  /**
   * At most this many errors of one kind are listed (default 10,000); beyond it one summary error says how
   * many more there are, so that a file in the wrong date format does not produce millions of lines.
   */
  readonly maxPerRule?: number;
}

export const FILE_SET = '(file set)';

function show(v: string): string {
  return JSON.stringify(v);
}

/** The content errors of a file set (empty when it may be imported). */
export function validateFileSet(fileSet: FileSet, opts: ValidateOptions = {}): Issue[] {
  const max = opts.maxPerRule ?? 10_000;
  const out: Issue[] = [];
  const counts = new Map<string, { n: number; file: string; table: TableName | null }>();
  const add = (issue: Issue): void => {
    const c = counts.get(issue.rule);
    if (!c) counts.set(issue.rule, { n: 1, file: issue.file, table: issue.table });
    else c.n++;
    if (!c || c.n <= max) out.push(issue);
  };

  for (const table of TABLE_ORDER) {
    const rows = fileSet.tables[table] as readonly Record<string, string | number | null>[] | undefined;
    if (!rows) continue;
    const file = fileSet.files[table] ?? table;
    const dateCols = DATE_COLUMNS[table];
    for (const row of rows) {
      const line = row.line as number;
      if (row.CHILD === null) {
        add({ file, table, line, column: 'CHILD', rule: 'child-blank', message: `${file}, line ${line}: CHILD is blank` });
      }
      for (const col of dateCols) {
        const v = row[col] as string | null;
        if (v !== null && parseDate903(v) === null) {
          add({
            file, table, line, column: col, rule: 'date',
            message: `${file}, line ${line}, ${col}: ${show(v)} is not a valid date in the form dd/mm/yyyy`,
          });
        }
      }
    }
  }

  const { start, end } = collectionPeriod(fileSet.year);
  const episodes = fileSet.tables.Episodes as readonly Row<'Episodes'>[] | undefined;
  if (!episodes) {
    add({ file: FILE_SET, table: 'Episodes', line: null, column: null, rule: 'no-episodes', message: 'The file set has no Episodes file' });
  } else {
    const file = fileSet.files.Episodes ?? 'Episodes';
    const header = fileSet.tables.Header as readonly Row<'Header'>[] | undefined;
    const headerChildren = header ? new Set(header.map((h) => h.CHILD)) : undefined;
    if (!header && episodes.length > 0) {
      add({
        file: FILE_SET, table: 'Header', line: null, column: null, rule: 'no-header',
        message: `The file set has episodes (${file}) but no Header file, so no episode's child is in Header`,
      });
    }
    let inYear = false;
    for (const e of episodes) {
      const s = parseDate903(e.DECOM);
      const d = parseDate903(e.DEC);
      if (e.DECOM === null) {
        add({ file, table: 'Episodes', line: e.line, column: 'DECOM', rule: 'decom-blank', message: `${file}, line ${e.line}: DECOM (date episode began) is blank` });
      }
      if (s !== null && d !== null && d < s) {
        add({
          file, table: 'Episodes', line: e.line, column: 'DEC', rule: 'dec-before-decom',
          message: `${file}, line ${e.line}: DEC ${e.DEC} is before DECOM ${e.DECOM}`,
        });
      }
      if (headerChildren && e.CHILD !== null && !headerChildren.has(e.CHILD)) {
        add({
          file, table: 'Episodes', line: e.line, column: 'CHILD', rule: 'child-not-in-header',
          message: `${file}, line ${e.line}: child ${show(e.CHILD)} has episodes but no row in the Header file (${fileSet.files.Header ?? 'Header'})`,
        });
      }
      if (s !== null && s <= end && (e.DEC === null || (d !== null && d >= start))) inYear = true;
    }
    if (!inYear) {
      add({
        file, table: 'Episodes', line: null, column: null, rule: 'no-episode-in-year',
        message: `${file}: no episode overlaps the collection year ${fileSet.year - 1}-${String(fileSet.year % 100).padStart(2, '0')} ` +
          `(${formatDate903(start)} to ${formatDate903(end)}); is this the right file for the year?`,
      });
    }
  }

  for (const [rule, c] of counts) {
    if (c.n > max) {
      out.push({
        file: c.file, table: c.table, line: null, column: null, rule,
        message: `…and ${c.n - max} more errors of this kind (${c.n} in all; the first ${max} are listed)`,
      });
    }
  }
  return out;
}
