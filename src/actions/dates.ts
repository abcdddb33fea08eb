/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings (calendar dates, no time zone). Pure; used to resolve
 * due dates ("in N months"), forward-plan target months and the RAG's 14-day window.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** True for a real calendar date written 'YYYY-MM-DD' (so 2026-02-30 is false). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** True for a month written 'YYYY-MM'. */
export function isIsoMonth(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_MONTH.exec(s);
  return !!m && Number(m[1]) >= 1900 && Number(m[1]) <= 2200 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: string): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The same day N months later, clamped to the end of a shorter month: 31 January + 1 month is
 * 28 February (29 in a leap year); 30 November + 3 months is 28 or 29 February.
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  parts(date);
  return date.slice(0, 7);
}

/** The month N months after 'YYYY-MM'. */
export function addMonthsToMonth(month: string, months: number): string {
  return monthOf(addMonths(`${month}-01`, months));
}

export function firstDayOfMonth(month: string): string {
  if (!isIsoMonth(month)) throw new RangeError(`Not a month: ${month}`);
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): string {
  if (!isIsoMonth(month)) throw new RangeError(`Not a month: ${month}`);
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return iso(y, m, daysInMonth(y, m));
}

/** "November 2018" for '2018-11'. */
export function formatMonth(month: string): string {
  if (!isIsoMonth(month)) return '';
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}
