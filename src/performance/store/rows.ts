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
  const make = rowMaker(keys, dates) as (f: readonly string[]) => T;
  const out: T[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    out.push(make(text.slice(start, end).split('\t')));
    start = end + 1;
  }
  return out;
}

/** A cell of COPY output that is an ISO date → 'dd/mm/yyyy' (null stays null). */
function uncopyDate(s: string): string | null {
  return fromIsoDate(uncopyCell(s));
}

const makers = new Map<string, (f: readonly string[]) => unknown>();

/**
 * A function making one row object from the fields of a COPY output line, as one object literal (every row
 * the same compact shape, the keys in order): `line` a number, the others through uncopyCell, dates
 * through fromIsoDate. The keys are our own column names (tables.ts), never data.
 */
function rowMaker(keys: readonly string[], dates: ReadonlySet<string>): (f: readonly string[]) => unknown {
  const id = `${keys.join(',')}|${[...dates].join(',')}`;
  let f = makers.get(id);
  if (!f) {
    const props = keys.slice(1).map((k, i) => `${JSON.stringify(k)}: ${dates.has(k) ? 'date' : 'cell'}(f[${i + 1}])`);
    f = new Function('cell', 'date', `return (f) => ({ ${JSON.stringify(keys[0])}: Number(f[0]), ${props.join(', ')} });`)(uncopyCell, uncopyDate) as (f: readonly string[]) => unknown;
    makers.set(id, f);
  }
  return f;
}

const FAST_ISO = /^\d\d\/\d\d\/\d{4}$/;

const encoder = new TextEncoder();

/**
 * COPY text written straight into bytes (UTF-8), without a string per line or per cell: the rows of one
 * COPY batch. Characters below U+0080 other than backslash, tab, LF and CR (nearly every cell) are copied
 * byte for byte; any other cell goes through copyCell and TextEncoder.
 */
class CopyBytes {
  buf: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 20);
  pos = 0;

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  /** A whole number (year, line). */
  int(n: number): void {
    this.ascii(String(n));
  }

  private ascii(v: string): void {
    this.room(v.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < v.length; i++) buf[p++] = v.charCodeAt(i);
    this.pos = p;
  }

  /** A text cell (copyCell). */
  text(v: string | null): void {
    if (v === null) {
      this.ascii('\\N');
      return;
    }
    const n = v.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c >= 0x80 || c === 92 || c === 9 || c === 10 || c === 13) {
        this.slow(copyCell(v));
        return;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  private slow(v: string): void {
    this.room(v.length * 3);
    this.pos += encoder.encodeInto(v, this.buf.subarray(this.pos)).written;
  }

  /** A validated date as an ISO date cell (toIsoDate; `\N` for null), 'dd/mm/yyyy' moved byte by byte. */
  date(v: string | null): void {
    if (v === null) {
      this.ascii('\\N');
      return;
    }
    if (v.length === 10 && FAST_ISO.test(v)) {
      this.room(10);
      const buf = this.buf;
      const p = this.pos;
      buf[p] = v.charCodeAt(6);
      buf[p + 1] = v.charCodeAt(7);
      buf[p + 2] = v.charCodeAt(8);
      buf[p + 3] = v.charCodeAt(9);
      buf[p + 4] = 45;
      buf[p + 5] = v.charCodeAt(3);
      buf[p + 6] = v.charCodeAt(4);
      buf[p + 7] = 45;
      buf[p + 8] = v.charCodeAt(0);
      buf[p + 9] = v.charCodeAt(1);
      this.pos = p + 10;
      return;
    }
    this.ascii(toIsoDate(v) as string);
  }

  bytes(): Uint8Array<ArrayBuffer> {
    return this.buf.subarray(0, this.pos);
  }
}

/** Rows [from, to) of a stored table as COPY text: year, line, then each column (dates as ISO). */
export function copyText(s: StoredTable, year: number, rows: readonly AnyRow[], from = 0, to = rows.length): Uint8Array<ArrayBuffer> {
  const out = new CopyBytes();
  const cols = s.columns;
  const isDate = cols.map((c) => s.dates.has(c));
  for (let j = from; j < to; j++) {
    const r = rows[j] as unknown as Record<string, string | null>;
    out.int(year);
    out.byte(9);
    out.int(r.line as unknown as number);
    for (let k = 0; k < cols.length; k++) {
      out.byte(9);
      if (isDate[k]) out.date(r[cols[k]]);
      else out.text(r[cols[k]]);
    }
    out.byte(10);
  }
  return out.bytes();
}

const COPY_ROWS = 100_000;

/** A table's rows as COPY text in chunks of COPY_ROWS rows (what the read worker hands over). */
export interface CopyChunk {
  bytes: Uint8Array<ArrayBuffer>;
  rows: number;
}

/** Rows of a stored table as COPY chunks (see copyText). */
export function copyChunks(s: StoredTable, year: number, rows: readonly AnyRow[]): CopyChunk[] {
  return [...lazyChunks(s, year, rows)];
}

/** COPY chunks into a stored table, in the transaction open on the PGlite session. */
export async function copyInChunks(pglite: PGlite, s: StoredTable, chunks: Iterable<CopyChunk>, onRows?: (n: number) => void): Promise<void> {
  const cols = `year, line, ${s.columns.map((c) => c.toLowerCase()).join(', ')}`;
  for (const c of chunks) {
    await pglite.query(`copy ${s.sqlName} (${cols}) from '/dev/blob'`, [], { blob: new Blob([c.bytes]) });
    onRows?.(c.rows);
  }
}

function* lazyChunks(s: StoredTable, year: number, rows: readonly AnyRow[]): Generator<CopyChunk> {
  for (let i = 0; i < rows.length; i += COPY_ROWS) {
    const end = Math.min(rows.length, i + COPY_ROWS);
    yield { bytes: copyText(s, year, rows, i, end), rows: end - i };
  }
}

async function copyIn(pglite: PGlite, s: StoredTable, year: number, rows: readonly AnyRow[], onRows?: (n: number) => void): Promise<void> {
  // One chunk's text at a time: made as it is sent.
  return copyInChunks(pglite, s, lazyChunks(s, year, rows), onRows);
}

/** The new episodes' (CHILD, DECOM) pairs as COPY text `child\tyyyy-mm-dd` (for the merge's delete). */
export function episodeKeyBytes(rows: readonly Row<'Episodes'>[]): Uint8Array<ArrayBuffer> {
  const out = new CopyBytes();
  for (const r of rows) {
    out.text(r.CHILD);
    out.byte(9);
    out.date(r.DECOM);
    out.byte(10);
  }
  return out.bytes();
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
