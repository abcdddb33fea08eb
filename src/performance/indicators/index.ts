/**
 * The Board's indicators 1–21 (shared/reference/indicators.md): pure computation from SSDA903 rows,
 * small-number suppression for members and the public, and the exchange CSV. No database, no HTTP;
 * child-level rows go in, only aggregate figures come out.
 */
export type { IndicatorInput, Figure } from './types.js';
export { computeIndicators, distanceBand, compareMeasure, type DistanceBand } from './compute.js';
export { exchangeCsv } from './exchange.js';
export { INDICATORS, PRIORITY_SLUGS, type IndicatorDef, type IndicatorUnit, type Polarity } from './catalogue.js';
export { suppressCount, suppressRatio, suppressBreakdown, percent, type Shown } from './suppression.js';
