import type { Row } from '../ssda903/tables.js';

/** Everything the figures for one collection year are computed from (perf-contract.md, B's API). */
export interface IndicatorInput {
  /** Y: the year ending 31 March Y. */
  year: number;
  /** One row per child (the latest held). */
  header: readonly Row<'Header'>[];
  /** The merged history: every held episode of every year. */
  episodes: readonly Row<'Episodes'>[];
  /** Year Y's tables (empty arrays when not held). */
  oc2: readonly Row<'OC2'>[];
  oc3: readonly Row<'OC3'>[];
  ad1: readonly Row<'AD1'>[];
  missing: readonly Row<'Missing'>[];
  uasc: readonly Row<'UASC'>[];
  /** Population aged 0–17, for indicator 2; null when the authority has not entered it. */
  population: number | null;
  /** Centroid of a postcode (the function normalises spaces and case), or undefined when unknown. */
  postcode(pc: string): { easting: number; northing: number } | undefined;
}

/** One row of the exchange table. */
export interface Figure {
  indicator: number;
  measure: string;
  value: number | null;
}
