/**
 * Periods of a measure, by its frequency, as typed by users and stored:
 *   monthly    'YYYY-MM'   e.g. 2025-10  (October 2025)
 *   quarterly  'YYYY-Qn'   e.g. 2025-Q3  (calendar quarter: Q1 January to March ... Q4 October to December)
 *   annual     'YYYY-YY'   e.g. 2024-25  (the financial year 1 April 2024 to 31 March 2025, as SSDA903 years)
 * Stored strings sort in time order within one frequency.
 */
export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const PERIOD_HINT: Record<Frequency, string> = {
  monthly: 'a month as YYYY-MM, like 2025-10',
  quarterly: 'a quarter as YYYY-Qn, like 2025-Q3 (Q1 is January to March)',
  annual: 'a year as YYYY-YY, like 2024-25 (April to March)',
};

/** The period in its stored form, or null when it is not a period of this frequency. */
export function parsePeriod(frequency: Frequency, input: string): string | null {
  const s = input.trim().toUpperCase();
  if (frequency === 'monthly') {
    const m = /^(\d{4})-(\d{2})$/.exec(s);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[1]) < 1990) return null;
    return s;
  }
  if (frequency === 'quarterly') {
    const m = /^(\d{4})-Q([1-4])$/.exec(s);
    if (!m || Number(m[1]) < 1990) return null;
    return s;
  }
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m || Number(m[1]) < 1990) return null;
  if ((Number(m[1]) + 1) % 100 !== Number(m[2])) return null;
  return s;
}

export function periodError(frequency: Frequency, input: string): string | null {
  if (!input.trim()) return `Enter the period, ${PERIOD_HINT[frequency]}`;
  return parsePeriod(frequency, input) ? null : `Enter the period as ${PERIOD_HINT[frequency]}`;
}

/** The period before, in the same frequency. */
export function previousPeriod(frequency: Frequency, period: string): string {
  if (frequency === 'monthly') {
    const [y, m] = period.split('-').map(Number) as [number, number];
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  if (frequency === 'quarterly') {
    const y = Number(period.slice(0, 4));
    const q = Number(period.slice(6));
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  }
  return annualPeriod(Number(period.slice(0, 4)));
}

/** The annual period ending 31 March of year Y (an SSDA903 collection year): 2025 → '2024-25'. */
export function annualPeriod(yearEnding: number): string {
  return `${yearEnding - 1}-${String(yearEnding % 100).padStart(2, '0')}`;
}

/** The year ending 31 March of an annual period: '2024-25' → 2025. */
export function yearEnding(period: string): number {
  return Number(period.slice(0, 4)) + 1;
}

/** How a period reads on a page: 'October 2025', 'July to September 2025', '2024-25'. */
export function periodLabel(period: string, frequency?: Frequency): string {
  if (frequency === 'annual') return period;
  if (frequency === 'monthly') return `${MONTHS[Number(period.slice(5, 7)) - 1] ?? ''} ${period.slice(0, 4)}`;
  let m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const q = Number(m[2]);
    return `${MONTHS[(q - 1) * 3]} to ${MONTHS[(q - 1) * 3 + 2]} ${m[1]}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2]) && Number(m[2]) > 12) return period;
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && (Number(m[1]) + 1) % 100 !== Number(m[2])) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return period;
}
