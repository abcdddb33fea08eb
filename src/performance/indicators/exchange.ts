/**
 * The exchange format (indicators.md "Exchange format"): the exact, unsuppressed figures for one year as
 * CSV with the header `year,indicator,measure,value`, one row per figure. Lines end in LF, the file ends
 * with one; a null value is an empty cell; numbers are printed plainly (12, 4.5 — never an exponent); a
 * measure containing a comma, a double quote, CR or LF is quoted per RFC 4180 (quotes doubled).
 */
import type { Figure } from './types.js';

/** A number as plain decimal digits: integers without a point, no exponent whatever the size. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`figure is not a finite number: ${n}`);
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Exponent form (|n| ≥ 1e21 or < 1e-6): expand the shortest round-trip digits by hand.
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) throw new RangeError(`cannot print ${s}`);
  const [, sign, lead, frac = '', expText] = m;
  const digits = lead + frac;
  const point = 1 + Number(expText); // position of the decimal point within digits
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** One CSV cell per RFC 4180: quoted when it holds a comma, a double quote, CR or LF. */
export function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The exchange CSV for `year`, figures in the order given (computeIndicators already sorts them). */
export function exchangeCsv(figures: readonly Figure[], year: number): string {
  let out = 'year,indicator,measure,value\n';
  for (const f of figures) {
    out += `${year},${f.indicator},${csvCell(f.measure)},${f.value === null ? '' : plainNumber(f.value)}\n`;
  }
  return out;
}
