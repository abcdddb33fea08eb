/**
 * CSV uploads of measure values (`measure,period,value`) and comparators (`subject,period,kind,value`):
 * read every row, and refuse the whole file when any row is wrong, naming the row and the field.
 */
import { parse } from 'csv-parse/sync';

export interface CsvProblem {
  /** The line in the file (the header is line 1). */
  line: number;
  field: string;
  message: string;
}
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** The rows of a CSV with exactly these columns (any order, header names case-insensitive), or the problems. */
export function readCsv(text: string, columns: readonly string[]): { rows: CsvRow[]; problems: CsvProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as never;
  } catch (err) {
    return { rows: [], problems: [{ line: Number((err as { lines?: number }).lines ?? 1), field: 'file', message: `The file is not a CSV file that can be read: ${(err as Error).message}` }] };
  }
  if (records.length === 0) return { rows: [], problems: [{ line: 1, field: 'file', message: `The file is empty: it needs a header row ${columns.join(',')} and at least one row` }] };
  const header = records[0]!.record.map((h) => h.toLowerCase());
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length) return { rows: [], problems: [{ line: 1, field: 'header', message: `The header row must be ${columns.join(',')}; missing: ${missing.join(', ')}` }] };
  const problems: CsvProblem[] = [];
  const rows: CsvRow[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length) {
      problems.push({ line: info.lines, field: 'row', message: `Row has ${record.length} fields; the header has ${header.length}` });
      continue;
    }
    rows.push({ line: info.lines, cells: Object.fromEntries(columns.map((c) => [c, record[header.indexOf(c)] ?? ''])) });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 1, field: 'file', message: 'The file has a header row but no rows of figures' });
  return { rows, problems };
}

/** A plain decimal number ('12', '-3.5'), or null. */
export function readNumber(s: string): number | null {
  const t = s.trim().replace(/,/g, '');
  return /^-?\d{1,12}(\.\d{1,6})?$/.test(t) ? Number(t) : null;
}

export function problemText(p: CsvProblem): string {
  return `Line ${p.line}, ${p.field}: ${p.message}`;
}
