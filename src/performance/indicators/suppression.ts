/**
 * Small numbers (indicators.md "Small numbers"): what members and the public may see. This is the ONE
 * place suppression happens; exact figures stay in the exchange CSV for analysts.
 *
 * - A count from 1 to 5 is shown as `c`; 0 is shown as 0.
 * - A percentage or mean whose numerator or denominator is from 1 to 5 is shown as `c`.
 * - Secondary suppression: in a breakdown shown with its total, if exactly one cell is `c`, the next
 *   smallest cell is also `c` (ties: the first in the breakdown's order).
 * - Percentages are whole numbers, rounded half up.
 */
import { divHalfUp } from './rounding.js';

export type Shown = number | 'c' | null;

function small(n: number | null): boolean {
  return n !== null && n >= 1 && n <= 5;
}

/** A count as shown: 1–5 → 'c'; 0 and 6+ as they are; null (not computed) stays null. */
export function suppressCount(n: number | null): Shown {
  if (n === null) return null;
  return small(n) ? 'c' : n;
}

/**
 * A percentage or mean as shown: 'c' when its numerator or denominator is from 1 to 5; null when the value
 * could not be computed (no population, empty cohort) — nothing to hide then.
 */
export function suppressRatio(numerator: number | null, denominator: number | null, value: number | null): Shown {
  if (value === null) return null;
  return small(numerator) || small(denominator) ? 'c' : value;
}

/**
 * A breakdown (cells in display order) as shown, with secondary suppression. "The next smallest cell" is
 * the smallest cell above the suppressed one in ascending order: every other unsuppressed cell is 0 or 6
 * and over, and a 0 is smaller than the `c` cell (and "0 is shown as 0"), so it is never the next
 * smallest. Ties go to the first cell in the breakdown's order. When every other cell is 0 nothing more
 * is suppressed.
 */
export function suppressBreakdown(cells: readonly { key: string; value: number }[]): { key: string; shown: Shown }[] {
  const shown = cells.map((c) => ({ key: c.key, shown: suppressCount(c.value) }));
  if (shown.filter((s) => s.shown === 'c').length !== 1) return shown;
  let next = -1;
  cells.forEach((c, i) => {
    if (shown[i].shown === 'c' || c.value <= 0) return;
    if (next === -1 || c.value < cells[next].value) next = i;
  });
  if (next !== -1) shown[next].shown = 'c';
  return shown;
}

/** numerator / denominator as a whole-number percentage, rounded half up; null when the denominator is 0. */
export function percent(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  if (Number.isInteger(numerator) && Number.isInteger(denominator)) return divHalfUp(100 * numerator, denominator);
  return Math.floor((100 * numerator) / denominator + 0.5);
}
