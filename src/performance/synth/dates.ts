/**
 * Dates as whole days since 1 January 1970 (UTC), which keeps the generator's arithmetic exact and fast,
 * and formatting to the return's dd/mm/yyyy.
 */
/** Day number of a civil date (proleptic Gregorian; H. Hinnant's days_from_civil, no Date objects). */
export function day(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number (civil_from_days). */
export function parts(dn: number): { y: number; m: number; d: number } {
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

/** The same calendar day `n` years later; 29 February becomes 28 February in a non-leap year. */
export function addYears(dn: number, n: number): number {
  const { y, m, d } = parts(dn);
  const ty = y + n;
  const leap = (ty % 4 === 0 && ty % 100 !== 0) || ty % 400 === 0;
  return day(ty, m, m === 2 && d === 29 && !leap ? 28 : d);
}

/** The same day of the month `n` months later (clamped to the month's last day). */
export function addMonths(dn: number, n: number): number {
  const { y, m, d } = parts(dn);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = day(tm === 12 ? ty + 1 : ty, tm === 12 ? 1 : tm + 1, 1) - day(ty, tm, 1);
  return day(ty, tm, Math.min(d, last));
}

/** Whole years completed from `dob` to `at`. */
export function ageAt(dob: number, at: number): number {
  const a = parts(dob);
  const b = parts(at);
  let age = b.y - a.y;
  if (b.m < a.m || (b.m === a.m && b.d < a.d)) age -= 1;
  return age;
}

/** Collection year holding day `dn` (the year ending 31 March). */
export function collectionYearOf(dn: number): number {
  const { y, m } = parts(dn);
  return m >= 4 ? y + 1 : y;
}

/** First (1 April Y-1) and last (31 March Y) day of collection year Y. */
export function yearStart(y: number): number {
  return day(y - 1, 4, 1);
}
export function yearEnd(y: number): number {
  return day(y, 3, 31);
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
