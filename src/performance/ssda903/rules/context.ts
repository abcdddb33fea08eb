/**
 * RuleContext implementation: read-only table views with memoised parsed dates, CHILD groups and sorts, so
 * that 32 rules over 1.5 million episodes parse each date column once and sort each table once per key.
 */
import { MAX_DAY, MIN_DAY, collectionPeriod, dayNumber, daysInMonth, parseDate903 } from '../dates.js';
import type { ColumnOf, FileSet, Row, TableName } from '../tables.js';
import type { ChildIndex, RuleContext, TableView } from './types.js';

/** Compares strings by Unicode code point (Python's order), not by UTF-16 code unit. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (D800–DFFF) encode code points above FFFF: move them above E000–FFFF.
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

const HIGH = /[\uD800-\uFFFF]/;

/**
 * Sorts strings in place by code point: in plain UTF-16 order (faster) unless a string holds a surrogate
 * or a character above it, where the two orders can differ.
 */
export function sortCodePoints(list: string[]): string[] {
  return list.sort(list.some((c) => HIGH.test(c)) ? compareCodePoints : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Sorts row indices stably by a date array, missing (NaN) last. */
export function sortByDate(indices: number[], d: Float64Array): number[] {
  if (indices.length < 2) return indices;
  return indices.sort((i, j) => {
    const a = d[i];
    const b = d[j];
    if (a !== a) return b !== b ? 0 : 1;
    if (b !== b) return -1;
    return a - b;
  });
}

/** Two ASCII digits at i as a number, or a large negative number when either is not an ASCII digit. */
function digit2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1000;
}

/**
 * parseDate903, with the common `dd/mm/yyyy` form decoded from its character codes (the same result for it:
 * ASCII digits, a real calendar date, within the valid range); anything else goes to parseDate903.
 */
export function parseDateFast(s: string | null | undefined): number | null {
  if (s != null && s.length === 10 && s.charCodeAt(2) === 47 && s.charCodeAt(5) === 47) {
    const d = digit2(s, 0);
    const m = digit2(s, 3);
    const y1 = digit2(s, 6);
    const y2 = digit2(s, 8);
    const y = y1 * 100 + y2;
    if (d >= 1 && m >= 1 && m <= 12 && y1 >= 0 && y2 >= 0 && d <= daysInMonth(y, m)) {
      const dn = dayNumber(y, m, d);
      if (dn >= MIN_DAY && dn <= MAX_DAY) return dn;
    }
  }
  return parseDate903(s);
}

/** dateOrNaN through parseDateFast. */
function fastDate(s: string | null): number {
  const v = parseDateFast(s);
  return v === null ? NaN : v;
}

class View<T extends TableName> implements TableView<T> {
  private readonly dateCache = new Map<string, Float64Array>();
  private readonly sortCache = new Map<string, Int32Array>();
  private childIndex: ChildIndex | undefined;

  constructor(readonly name: T, readonly rows: readonly Row<T>[]) {}

  dates(column: ColumnOf<T>): Float64Array {
    let d = this.dateCache.get(column);
    if (!d) {
      d = new Float64Array(this.rows.length);
      const rows = this.rows as readonly Record<string, string | null>[];
      for (let i = 0; i < rows.length; i++) d[i] = fastDate(rows[i][column]);
      this.dateCache.set(column, d);
    }
    return d;
  }

  byChild(): ChildIndex {
    if (!this.childIndex) {
      const groups = new Map<string, number[]>();
      const nullRows: number[] = [];
      const rows = this.rows as readonly Record<string, string | null>[];
      for (let i = 0; i < rows.length; i++) {
        const c = rows[i].CHILD;
        if (c === null) nullRows.push(i);
        else {
          const g = groups.get(c);
          if (g) g.push(i);
          else groups.set(c, [i]);
        }
      }
      const children = [...groups.keys()];
      sortCodePoints(children);
      this.childIndex = { children, groups, nullRows };
    }
    return this.childIndex;
  }

  sortedByChild(column: ColumnOf<T>): Int32Array {
    let out = this.sortCache.get(column);
    if (!out) {
      const d = this.dates(column);
      const { children, groups, nullRows } = this.byChild();
      out = new Int32Array(this.rows.length);
      let k = 0;
      for (const c of children) {
        const g = groups.get(c) as number[];
        if (g.length > 16) {
          for (const i of sortByDate([...g], d)) out[k++] = i;
          continue;
        }
        // Insertion sort in place (stable; missing dates last): children have few rows.
        const from = k;
        for (const i of g) {
          const v = d[i];
          let j = k++;
          while (j > from && (v !== v ? false : !(d[out[j - 1]] <= v))) {
            out[j] = out[j - 1];
            j--;
          }
          out[j] = i;
        }
      }
      for (const i of sortByDate([...nullRows], d)) out[k++] = i;
      this.sortCache.set(column, out);
    }
    return out;
  }

  hasChild(child: string | null): boolean {
    const idx = this.byChild();
    return child === null ? idx.nullRows.length > 0 : idx.groups.has(child);
  }
}

export class Context implements RuleContext {
  readonly year: number;
  readonly collectionStart: number;
  readonly collectionEnd: number;
  private readonly views = new Map<string, TableView>();

  /**
   * `period` overrides CS/CE (the validator's tests pass arbitrary metadata, e.g. CE = 01/04/2002); by
   * default they are 1 April Y-1 and 31 March Y.
   */
  constructor(private readonly fileSet: FileSet, period?: { readonly start: number; readonly end: number }) {
    this.year = fileSet.year;
    const p = period ?? collectionPeriod(fileSet.year);
    this.collectionStart = p.start;
    this.collectionEnd = p.end;
  }

  private view<T extends TableName>(key: string, name: T, rows: readonly Row<T>[] | undefined): TableView<T> | undefined {
    if (!rows) return undefined;
    let v = this.views.get(key);
    if (!v) {
      v = new View(name, rows) as unknown as TableView;
      this.views.set(key, v);
    }
    return v as unknown as TableView<T>;
  }

  table<T extends TableName>(name: T): TableView<T> | undefined {
    return this.view(name, name, this.fileSet.tables[name] as readonly Row<T>[] | undefined);
  }

  last<T extends TableName>(name: T): TableView<T> | undefined {
    return this.view(`${name}_last`, name, this.fileSet.last?.[name] as readonly Row<T>[] | undefined);
  }
}
