/**
 * Exact half-up rounding (indicators.md: "rounded half up, as every rounding here").
 *
 * Every figure is a ratio of whole numbers (a count, a sum of whole scores or days, a population), so it
 * is rounded on integer arithmetic rather than on a floating-point quotient: 12.25 is 49/4, and
 * floor((2·49·10 + 4) / (2·4)) / 10 = 12.3 exactly, where Math.round(12.25 * 10) / 10 could go either way
 * for other values.
 */

/** floor(a / b) for integers a and b > 0, exact while a and b are below 2^53. */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (r < 0) q -= 1;
  else if (r >= b) q += 1;
  return q;
}

/** num / den rounded half up (towards +∞ at exactly .5) to a whole number; den > 0, both integers. */
export function divHalfUp(num: number, den: number): number {
  return floorDiv(2 * num + den, 2 * den);
}

/** num / den rounded half up to one decimal place, as a number (e.g. 49/4 → 12.3). */
export function divHalfUp1dp(num: number, den: number): number {
  return divHalfUp(10 * num, den) / 10;
}

/**
 * num / den rounded half up to a whole number for any finite numbers (den > 0): exact when both are
 * integers, otherwise floor(x + 0.5) on the floating-point quotient (used only for a population that is
 * not a whole number).
 */
export function ratioHalfUp(num: number, den: number): number {
  if (Number.isInteger(num) && Number.isInteger(den)) return divHalfUp(num, den);
  return Math.floor(num / den + 0.5);
}
