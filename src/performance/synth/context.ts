import { DateFormatter, addYears, day, yearEnd, yearStart } from './dates.js';

/** Resolved options shared by every part of one generation run. */
export interface SynthContext {
  readonly seed: number;
  readonly children: number;
  /** Collection years, oldest first (Y = the year ending 31 March Y). */
  readonly years: readonly number[];
  readonly firstYear: number;
  readonly lastYear: number;
  /** 1 April of the first year and 31 March of the last. */
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly yearStarts: readonly number[];
  readonly yearEnds: readonly number[];
  readonly dates: DateFormatter;
}

export function makeContext(seed: number, children: number, years: number, lastYear: number): SynthContext {
  const firstYear = lastYear - years + 1;
  const ys: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) ys.push(y);
  const windowStart = yearStart(firstYear);
  const windowEnd = yearEnd(lastYear);
  return {
    seed,
    children,
    years: ys,
    firstYear,
    lastYear,
    windowStart,
    windowEnd,
    yearStarts: ys.map(yearStart),
    yearEnds: ys.map(yearEnd),
    // Covers every DOB (children up to 21 at the end, entering up to 18 years before the window).
    dates: new DateFormatter(addYears(windowStart, -45), day(lastYear + 1, 12, 31)),
  };
}
