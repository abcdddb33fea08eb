/**
 * SSDA903 dates (shared/reference/ssda903-rules.md §0.3) as whole days since 1 January 1970, UTC.
 *
 * A string is a valid date when the whole string is `D/M/YYYY` with
 *   D = `3[01]` | `[12]\d` | `0[1-9]` | `[1-9]` | ` [1-9]` (a space then a digit),
 *   M = `1[0-2]` | `0[1-9]` | `[1-9]`,
 *   YYYY exactly four digits,
 * the date exists in the (proleptic Gregorian) calendar, and it lies between 22/09/1677 and 11/04/2262
 * inclusive (pandas' Timestamp range). Day first, always; two-digit years, ISO dates and surrounding
 * spaces are invalid. `\d` is Python's, so any Unicode decimal digit (category Nd) counts as a digit.
 *
 * Day numbers are plain integers, so arithmetic and comparison are exact and cheap; no Date objects and no
 * time zone are involved (the test suite runs with TZ=Europe/London).
 */

/** Day number of a civil date (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number (H. Hinnant's civil_from_days). */
export function civil(dn: number): { y: number; m: number; d: number } {
  const z = dn + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

/** Earliest and latest valid dates (pandas nanosecond Timestamp range, whole days). */
export const MIN_DAY = dayNumber(1677, 9, 22);
export const MAX_DAY = dayNumber(2262, 4, 11);

// ASCII fast path: the whole grammar as one regular expression.
const ASCII_DATE = /^(3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9])\/(1[0-2]|0[1-9]|[1-9])\/([0-9]{4})$/;
// General path (Python's \d = any Unicode decimal digit).
const UNICODE_DATE = /^(3[01]|[12]\p{Nd}|0[1-9]|[1-9]| [1-9])\/(1[0-2]|0[1-9]|[1-9])\/(\p{Nd}{4})$/u;
const IS_ND = /^\p{Nd}$/u;

/** Value 0–9 of a Unicode decimal digit: Nd digits come in runs of ten starting at zero. */
function digitValue(ch: string): number {
  const cp = ch.codePointAt(0) as number;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  let start = cp;
  while (IS_ND.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

function digitsValue(s: string): number {
  let v = 0;
  for (const ch of s) v = v * 10 + digitValue(ch);
  return v;
}

function fromParts(y: number, m: number, d: number): number | null {
  if (d > daysInMonth(y, m)) return null;
  const dn = dayNumber(y, m, d);
  return dn < MIN_DAY || dn > MAX_DAY ? null : dn;
}

/**
 * Parses an SSDA903 date (§0.3). Returns the day number (days since 1970-01-01, UTC), or null when the
 * value is null or not a valid date. An invalid value therefore behaves exactly like a blank.
 */
export function parseDate903(s: string | null | undefined): number | null {
  if (s == null) return null;
  const a = ASCII_DATE.exec(s);
  if (a) {
    const d = a[1].charCodeAt(0) === 32 ? +a[1].slice(1) : +a[1];
    return fromParts(+a[3], +a[2], d);
  }
  if (s.length > 40 || !/[^\x00-\x7f]/.test(s)) return null;
  const u = UNICODE_DATE.exec(s);
  if (!u) return null;
  const d = u[1].charCodeAt(0) === 32 ? +u[1].slice(1) : digitsValue(u[1]);
  return fromParts(digitsValue(u[3]), +u[2], d);
}

/** parseDate903 as a number, NaN for missing: every comparison with NaN is false, `!==` true (§0.3). */
export function dateOrNaN(s: string | null | undefined): number {
  const v = parseDate903(s);
  return v === null ? NaN : v;
}

/** True when the value is a valid SSDA903 date. */
export function isValidDate903(s: string | null | undefined): boolean {
  return parseDate903(s) !== null;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** dd/mm/yyyy, the return's own format. */
export function formatDate903(dn: number): string {
  const { y, m, d } = civil(dn);
  return `${pad2(d)}/${pad2(m)}/${String(y).padStart(4, '0')}`;
}

/** yyyy-mm-dd (ISO 8601, e.g. for a database DATE column). */
export function formatIsoDate(dn: number): string {
  const { y, m, d } = civil(dn);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** The same calendar day `n` years later (or earlier); 29 February becomes 28 February in a common year. */
export function addYears(dn: number, n: number): number {
  const { y, m, d } = civil(dn);
  const ty = y + n;
  return dayNumber(ty, m, m === 2 && d === 29 && !isLeapYear(ty) ? 28 : d);
}

/** Whole years completed from `dob` to `on` (age at a date). */
export function ageOn(dob: number, on: number): number {
  const a = civil(dob);
  const b = civil(on);
  let age = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) age--;
  return age;
}

/** Collection year Y: start S = 1 April Y-1 and end E = 31 March Y, as day numbers (§0.1). */
export function collectionPeriod(year: number): { start: number; end: number } {
  return { start: dayNumber(year - 1, 4, 1), end: dayNumber(year, 3, 31) };
}
