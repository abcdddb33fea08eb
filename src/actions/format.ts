import { formatMonth } from './dates.js';

const fmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "7 November 2018" for '2018-11-07'. */
export function formatLongDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? fmt.format(new Date(`${date}T12:00:00Z`)) : date;
}

export { formatMonth };
