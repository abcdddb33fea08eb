/**
 * Dates as whole days since 1 January 1970 (UTC), which keeps the generator's arithmetic exact and fast,
 * and formatting to the return's dd/mm/yyyy.
 */
import { addYears, ageOn, civil, collectionPeriod, dayNumber } from '../ssda903/dates.js';

/** The return's own date arithmetic (ssda903/dates.ts), under the generator's short names. */
export const day = dayNumber;
export const parts = civil;
export const ageAt = ageOn;
export { addYears };

/** The same day of the month `n` months later (clamped to the month's last day). */
export function addMonths(dn: number, n: number): number {
  const { y, m, d } = parts(dn);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = day(tm === 12 ? ty + 1 : ty, tm === 12 ? 1 : tm + 1, 1) - day(ty, tm, 1);
  return day(ty, tm, Math.min(d, last));
}

/** Collection year holding day `dn` (the year ending 31 March). */
export function collectionYearOf(dn: number): number {
  const { y, m } = parts(dn);
  return m >= 4 ? y + 1 : y;
}

/** First (1 April Y-1) and last (31 March Y) day of collection year Y. */
export function yearStart(y: number): number {
  return collectionPeriod(y).start;
}
export function yearEnd(y: number): number {
  return collectionPeriod(y).end;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** Formats day numbers as dd/mm/yyyy, memoised over a contiguous range (the generator's hot path). */
export class DateFormatter {
  private readonly cache: string[] = [];
  private readonly base: number;

  constructor(from: number, to: number) {
    this.base = from;
    for (let dn = from; dn <= to; dn++) {
      const { y, m, d } = parts(dn);
      this.cache.push(`${pad2(d)}/${pad2(m)}/${y}`);
    }
  }

  format(dn: number): string {
    const s = this.cache[dn - this.base];
    if (s !== undefined) return s;
    const { y, m, d } = parts(dn);
    return `${pad2(d)}/${pad2(m)}/${y}`;
  }
}
