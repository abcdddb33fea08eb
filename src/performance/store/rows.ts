/**
 * Child-level rows in and out of the `perf_*` tables. Writes are multi-row `insert ... select * from
 * unnest($1::int[], $2::text[], ...)` in large batches: one statement per batch whatever its size, the
 * same SQL on PGlite and PostgreSQL. Reads give rows back in the shape the reader produced (Row<T>:
 * upper-cased column names, codes as text, dates as 'dd/mm/yyyy').
 *
 * On the embedded database, given its PGlite instance, rows go in and out with COPY (text format, through
 * a Blob), which is several times faster there than parameters or result rows; a COPY issued on the
 * PGlite instance runs in the transaction open on its one session, so it commits or rolls back with it.
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql, type RawBuilder } from 'kysely';
import type { Row, TableName } from '../ssda903/tables.js';
import type { Db } from './db.js';
import { STORED, toIsoDate, type StoredTable } from './tables.js';

/** Any table's row (Row<T> for some T). */
export type AnyRow = { readonly line: number };

/** Rows per insert statement. */
export const BATCH_ROWS = 20_000;

function columnArrays(s: StoredTable, year: number, rows: readonly AnyRow[]): RawBuilder<unknown>[] {
  const n = rows.length;
  const years = new Array<number>(n).fill(year);
  const lines = new Array<number>(n);
  const cols = s.columns.map(() => new Array<string | null>(n));
  for (let i = 0; i < n; i++) {
    const r = rows[i] as unknown as Record<string, string | number | null>;
    lines[i] = r.line as number;
    for (let k = 0; k < s.columns.length; k++) {
      const c = s.columns[k];
      const v = r[c] as string | null;
      cols[k][i] = s.dates.has(c) ? toIsoDate(v) : v;
    }
  }
  return [
    sql`${years}::integer[]`,
    sql`${lines}::integer[]`,
    ...s.columns.map((c, k) => (s.dates.has(c) ? sql`${cols[k]}::date[]` : sql`${cols[k]}::text[]`)),
  ];
}

const COPY_ESCAPE = /[\\\t\n\r]/;

/** One cell in COPY text format. */
export function copyCell(v: string | number | null): string {
  if (v === null) return '\\N';
  const s = String(v);
  if (!COPY_ESCAPE.test(s)) return s;
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const UNESCAPE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** One field of COPY text output (`\N` is null). */
export function uncopyCell(s: string): string | null {
  if (s === '\\N') return null;
  return s.indexOf('\\') < 0 ? s : s.replace(/\\(.)/g, (_, c: string) => UNESCAPE[c] ?? c);
}

/** 'yyyy-mm-dd' (a date column as COPY writes it) → 'dd/mm/yyyy'; null stays null. */
function fromIsoDate(v: string | null): string | null {
  return v === null ? null : `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
}

/**
 * Rows of COPY text output as objects with the given keys (the first, `line`, is a number); the fields
 * whose key is in `dates` are ISO dates, given back as 'dd/mm/yyyy'.
 */
export function parseCopy<T>(text: string, keys: readonly string[], dates: ReadonlySet<string> = new Set()): T[] {
  const out: T[] = [];
  const isDate = keys.map((k) => dates.has(k));
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const fields = text.slice(start, end).split('\t');
    const row: Record<string, string | number | null> = { line: Number(fields[0]) };
    for (let k = 1; k < keys.length; k++) {
      const v = uncopyCell(fields[k]);
      row[keys[k]] = isDate[k] ? fromIsoDate(v) : v;
    }
    out.push(row as T);
    start = end + 1;
  }
  return out;
}

const COPY_ROWS = 100_000;

async function copyIn(pglite: PGlite, s: StoredTable, year: number, rows: readonly AnyRow[], onRows?: (n: number) => void): Promise<void> {
  const cols = `year, line, ${s.columns.map((c) => c.toLowerCase()).join(', ')}`;
  const isDate = s.columns.map((c) => s.dates.has(c));
  const n = s.columns.length;
  for (let i = 0; i < rows.length; i += COPY_ROWS) {
    const end = Math.min(rows.length, i + COPY_ROWS);
    const lines: string[] = new Array(end - i);
    for (let j = i; j < end; j++) {
      const r = rows[j] as unknown as Record<string, string | null>;
      let line = `${year}\t${r.line}`;
      for (let k = 0; k < n; k++) {
        const v = r[s.columns[k]];
        line += v === null ? '\t\\N' : `\t${isDate[k] ? toIsoDate(v) : copyCell(v)}`;
      }
      lines[j - i] = line;
    }
    await pglite.query(`copy ${s.sqlName} (${cols}) from '/dev/blob'`, [], { blob: new Blob([lines.join('\n'), '\n']) });
    onRows?.(end - i);
  }
}

async function copyOut<T>(pglite: PGlite, s: StoredTable, from: string): Promise<T[]> {
  // Dates leave as ISO text (cheaper than to_char) and are turned into 'dd/mm/yyyy' here.
  const r = await pglite.query(`copy (select line, ${s.columns.map((c) => c.toLowerCase()).join(', ')} ${from}) to '/dev/blob'`);
  return r.blob ? parseCopy<T>(await r.blob.text(), ['line', ...s.columns], s.dates) : [];
}

/**
 * Inserts rows of one table as coming from collection year `year` (with COPY when `pglite` is given: it
 * must be the instance behind `db`).
 */
export async function insertRows(
  db: Db, table: TableName, year: number, rows: readonly AnyRow[], onRows?: (n: number) => void, pglite?: PGlite,
): Promise<void> {
  const s = STORED[table];
  if (pglite) return copyIn(pglite, s, year, rows, onRows);
  const target = sql.raw(`${s.sqlName} (year, line, ${s.columns.map((c) => c.toLowerCase()).join(', ')})`);
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const batch = rows.slice(i, i + BATCH_ROWS);
    await sql`insert into ${target} select * from unnest(${sql.join(columnArrays(s, year, batch))})`.execute(db);
    onRows?.(batch.length);
  }
}

function selectList(s: StoredTable): string {
  const cols = s.columns.map((c) => {
    const lc = c.toLowerCase();
    return s.dates.has(c) ? `to_char(${lc}, 'DD/MM/YYYY') as "${c}"` : `${lc} as "${c}"`;
  });
  return `line, ${cols.join(', ')}`;
}

/** One year's rows of a per-year table, in file order. */
export async function loadYear<T extends TableName>(db: Db, table: T, year: number, pglite?: PGlite): Promise<Row<T>[]> {
  const s = STORED[table];
  if (pglite) return copyOut<Row<T>>(pglite, s, `from ${s.sqlName} where year = ${Number(year)} order by line`);
  const { rows } = await sql<Row<T>>`select ${sql.raw(selectList(s))} from ${sql.raw(s.sqlName)} where year = ${year} order by line`.execute(db);
  return rows;
}

/**
 * The latest held Header row of every child (from the latest year that has one), by CHILD in code-point
 * order.
 */
export async function loadLatestHeader(db: Db, pglite?: PGlite): Promise<Row<'Header'>[]> {
  const s = STORED.Header;
  if (pglite) {
    return copyOut(pglite, s, `from (select distinct on (child collate "C") * from perf_header order by child collate "C", year desc, line desc) h`);
  }
  const { rows } = await sql<Row<'Header'>>`
    select ${sql.raw(selectList(s))} from (
      select distinct on (child collate "C") * from perf_header order by child collate "C", year desc, line desc
    ) h`.execute(db);
  return rows;
}

/** The whole episode history, canonical order: CHILD by code point, DECOM, then line. */
export async function loadHistory(db: Db, pglite?: PGlite): Promise<Row<'Episodes'>[]> {
  const s = STORED.Episodes;
  if (pglite) return copyOut(pglite, s, `from perf_episode order by child collate "C", decom, year, line`);
  const { rows } = await sql<Row<'Episodes'>>`
    select ${sql.raw(selectList(s))} from perf_episode order by child collate "C", decom, year, line`.execute(db);
  return rows;
}
