/**
 * Streaming SSDA903 CSV reader (shared/reference/ssda903-rules.md §0.2).
 *
 * - UTF-8 only. A leading BOM is ignored. Invalid UTF-8 (UTF-16 for instance) or a NUL character is an error
 *   naming the file.
 * - Lines end with LF, CRLF or a lone CR. Line numbers count physical lines, header = line 1; a record whose
 *   quoted cell spans lines has the line it starts on.
 * - Lines that are empty or hold only spaces/tabs are skipped (not rows). The header is the first
 *   non-blank line.
 * - Standard `"` quoting, as pandas' C tokenizer: a quote opens a quoted cell only at the start of a cell,
 *   `""` inside is a literal quote, text after the closing quote is appended; a quote inside an unquoted
 *   cell is literal. End of file inside a quoted cell is an error.
 * - A row with too few fields gets nulls for the missing ones; a row with too many is an error naming the
 *   file and line (pandas refuses the upload too, or mis-parses when it is the first data row).
 * - Cells are kept verbatim (no trimming; `NA`, `NULL`, `" "` are values), then upper-cased. An exactly
 *   empty cell is null. Column names are neither trimmed nor upper-cased.
 * - The table is recognised by its exact set of column names (`recogniseTable`); an unknown set is an
 *   error naming the closest table and its missing/unexpected columns. A repeated column name is an error.
 * - A 0-byte file (or one with only blank lines) is an error "file is empty"; a header-only file is an
 *   empty table.
 *
 * The content is decoded and split chunk by chunk; only the current chunk and the unfinished line are held
 * as strings, never the whole file.
 */
import { FileReadError } from './issues.js';
import { TABLE_COLUMNS, TABLE_ORDER, recogniseTable, type Row, type TableName } from './tables.js';

/** One uploaded file. `size` (bytes), when known, lets a progress bar show a total for streams. */
export interface InputFile {
  readonly name: string;
  readonly content: Uint8Array | AsyncIterable<Uint8Array>;
  readonly size?: number;
}

export interface ParsedFile {
  readonly name: string;
  readonly table: TableName;
  /** Column names in file order. */
  readonly columns: readonly string[];
  readonly rows: Row<TableName>[];
}

export interface ReadOptions {
  /** Called after each chunk with the bytes read so far in this file. */
  readonly onBytes?: (bytes: number) => void;
}

const BUFFER_CHUNK = 1 << 20;

async function* chunksOf(content: Uint8Array | AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  if (content instanceof Uint8Array) {
    for (let i = 0; i < content.length; i += BUFFER_CHUNK) yield content.subarray(i, i + BUFFER_CHUNK);
    return;
  }
  for await (const chunk of content) {
    if (typeof chunk === 'string') throw new TypeError('file content must be bytes (Buffer), not strings');
    yield chunk;
  }
}

/**
 * Parses one quoted record (pandas' tokenizer states). Returns the fields, or null when the text ends
 * inside a quoted cell (the record continues on the next physical line).
 */
export function parseQuotedRecord(text: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  // 0 start of field, 1 in unquoted field, 2 in quoted field, 3 quote seen inside quoted field
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    switch (state) {
      case 0:
        if (c === '"') state = 2;
        else if (c === ',') fields.push('');
        else {
          field = c;
          state = 1;
        }
        break;
      case 1:
        if (c === ',') {
          fields.push(field);
          field = '';
          state = 0;
        } else field += c;
        break;
      case 2:
        if (c === '"') state = 3;
        else field += c;
        break;
      default:
        if (c === '"') {
          field += '"';
          state = 2;
        } else if (c === ',') {
          fields.push(field);
          field = '';
          state = 0;
        } else {
          field += c;
          state = 1;
        }
    }
  }
  if (state === 2) return null;
  fields.push(field);
  return fields;
}

function describeColumns(name: string, columns: readonly string[]): { message: string; column: string | null } {
  let best: { table: TableName; missing: string[]; unexpected: string[] } | undefined;
  const have = new Set(columns);
  for (const t of TABLE_ORDER) {
    const want = TABLE_COLUMNS[t] as readonly string[];
    const wantSet = new Set(want);
    const missing = want.filter((c) => !have.has(c));
    const unexpected = columns.filter((c) => !wantSet.has(c));
    if (!best || missing.length + unexpected.length < best.missing.length + best.unexpected.length) {
      best = { table: t, missing, unexpected };
    }
  }
  const b = best as { table: TableName; missing: string[]; unexpected: string[] };
  const parts = [`${name}: the columns are not recognised as any SSDA903 table; the closest is ${b.table}`];
  if (b.missing.length) parts.push(`required column${b.missing.length > 1 ? 's' : ''} missing: ${b.missing.join(', ')}`);
  if (b.unexpected.length) {
    parts.push(`unexpected column${b.unexpected.length > 1 ? 's' : ''}: ${b.unexpected.map((c) => JSON.stringify(c)).join(', ')}`);
  }
  return {
    message: `${parts.join('; ')} (column names must match exactly, including case and spaces)`,
    column: b.missing[0] ?? b.unexpected[0] ?? null,
  };
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (for the error message; a
 * sequence cut by the end of the chunk counts as well-formed). Returns 0 when none is found here (the
 * fault was a sequence begun in the previous chunk).
 */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return 0;
      const x = b[i + k];
      const lo = k === 1 && c === 0xe0 ? 0xa0 : k === 1 && c === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && c === 0xed ? 0x9f : k === 1 && c === 0xf4 ? 0x8f : 0xbf;
      if (x < lo || x > hi) return i;
    }
    i += n + 1;
  }
  return 0;
}

type RowFactory = (fields: readonly string[], line: number) => Row<TableName>;

const rowFactories = new Map<string, RowFactory>();

/**
 * A function making one row from a record's fields: `{ line, <contract column>: cell, ... }` as one object
 * literal, so every row of a table has the same compact shape (the properties in contract order). A cell
 * is the field upper-cased, null when exactly empty or missing. `position[k]` is the field index of the
 * contract column `order[k]`. The column names are the fixed contract's (tables.ts), never the file's.
 */
function rowFactory(order: readonly string[], position: readonly number[]): RowFactory {
  const key = `${order.join(',')}|${position.join(',')}`;
  let f = rowFactories.get(key);
  if (!f) {
    const props = order.map((c, k) => `${JSON.stringify(c)}: cell(fields[${position[k]}])`).join(', ');
    f = new Function('cell', `return (fields, line) => ({ line, ${props} });`)(cell) as RowFactory;
    rowFactories.set(key, f);
  }
  return f;
}

function cell(v: string | undefined): string | null {
  return v === undefined || v === '' ? null : v.toUpperCase();
}

/** Reads and parses one file. Throws FileReadError (carrying an error Issue) when it cannot be read. */
export async function readTableFile(file: InputFile, opts: ReadOptions = {}): Promise<ParsedFile> {
  const name = file.name;
  const fail = (line: number | null, rule: string, message: string, table: TableName | null = null, column: string | null = null): never => {
    throw new FileReadError({ file: name, table, line, column, rule, message });
  };

  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let bytes = 0;
  let carry = '';
  let lineNo = 0; // physical lines completed so far

  let table: TableName | undefined;
  let columns: string[] | undefined;
  let nCols = 0;
  let makeRow: RowFactory = () => {
    throw new Error('no header');
  };
  const rows: Row<TableName>[] = [];

  let pending: string | null = null; // a quoted record spanning lines
  let pendingLine = 0;

  const setHeader = (fields: string[], line: number): void => {
    const seen = new Set<string>();
    for (const f of fields) {
      if (seen.has(f)) fail(line, 'columns', `${name}, line ${line}: column ${JSON.stringify(f)} appears twice in the header`, null, f);
      seen.add(f);
    }
    const t = recogniseTable(fields);
    if (!t) {
      const d = describeColumns(name, fields);
      fail(line, 'columns', d.message, null, d.column);
    }
    table = t as TableName;
    columns = fields;
    nCols = fields.length;
    const order = TABLE_COLUMNS[table] as readonly string[];
    makeRow = rowFactory(order, order.map((c) => fields.indexOf(c)));
  };

  const addRecord = (fields: string[], line: number): void => {
    if (!columns) {
      setHeader(fields, line);
      return;
    }
    if (fields.length > nCols) {
      fail(
        line, 'fields',
        `${name}, line ${line}: ${fields.length} fields where the header has ${nCols}; a cell holding a comma must be in "quotes"`,
        table ?? null,
      );
    }
    rows.push(makeRow(fields, line));
  };

  const handleLine = (text: string, terminator: string): void => {
    lineNo++;
    if (pending !== null) {
      const joined: string = pending + text;
      const rec = parseQuotedRecord(joined);
      if (rec === null) pending = joined + terminator;
      else {
        pending = null;
        addRecord(rec, pendingLine);
      }
      return;
    }
    if (text.length === 0) return;
    if (text.indexOf('"') < 0) {
      // Only a line starting with a space or a tab can be blank (the regular expression is the slow part).
      const c0 = text.charCodeAt(0);
      if ((c0 === 32 || c0 === 9) && /^[ \t]*$/.test(text)) return;
      addRecord(text.split(','), lineNo);
      return;
    }
    if (/^[ \t]*$/.test(text)) return;
    const rec = parseQuotedRecord(text);
    if (rec === null) {
      pending = text + terminator;
      pendingLine = lineNo;
    } else addRecord(rec, lineNo);
  };

  const SPLIT = /(\r\n|\r|\n)/;
  const consume = (text: string, final: boolean): void => {
    let s = carry + text;
    let hold = '';
    // A CR at the end of a chunk may be the first half of a CRLF: keep it for the next chunk.
    if (!final && s.endsWith('\r')) {
      hold = '\r';
      s = s.slice(0, -1);
    }
    const parts = s.split(SPLIT);
    // parts = [line, sep, line, sep, ..., rest]
    const last = parts.length - 1;
    for (let i = 0; i < last; i += 2) handleLine(parts[i], parts[i + 1]);
    if (final) {
      if (parts[last].length > 0) handleLine(parts[last], '');
      carry = '';
    } else carry = parts[last] + hold;
  };

  const checkText = (text: string): void => {
    if (text.indexOf('\u0000') >= 0) {
      fail(null, 'encoding', `${name}: the file contains NUL characters, so it is not UTF-8 text (it may be UTF-16); save it as "CSV UTF-8"`);
    }
  };

  for await (const chunk of chunksOf(file.content)) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const utf16 = bytes === 0 && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
      const at = firstInvalidUtf8(chunk);
      let line = lineNo + 1;
      for (let k = 0; k < at; k++) if (chunk[k] === 0x0a) line++;
      fail(
        null, 'encoding',
        `${name}: the file is not valid UTF-8 text${utf16 ? ' (it is UTF-16)' : ` (an invalid byte at byte ${bytes + at + 1}, on line ${line})`}; save it as "CSV UTF-8"`,
      );
      return undefined as never;
    }
    bytes += chunk.length;
    checkText(text);
    consume(text, false);
    opts.onBytes?.(bytes);
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    fail(null, 'encoding', `${name}: the file is not valid UTF-8 text (it ends in the middle of a character); save it as "CSV UTF-8"`);
    return undefined as never;
  }
  checkText(tail);
  consume(tail, true);
  if (pending !== null) {
    fail(pendingLine, 'fields', `${name}, line ${pendingLine}: a "quoted" cell is never closed before the end of the file`, table ?? null);
  }
  if (!columns || !table) {
    fail(null, 'empty', `${name}: the file is empty (${bytes === 0 ? '0 bytes' : 'only blank lines'}); every file needs at least a header line`);
  }
  return { name, table: table as TableName, columns: columns as string[], rows };
}
