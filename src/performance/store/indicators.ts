/** The indicators engineer's module (src/performance/indicators/), as the store uses it. */
import * as indicators from '../indicators/index.js';

export type { IndicatorInput, Figure } from '../indicators/index.js';

export interface IndicatorsModule {
  computeIndicators: typeof indicators.computeIndicators;
  exchangeCsv: typeof indicators.exchangeCsv;
}

/** The indicators module (async and nullable so that a build without it could still store returns). */
export function indicatorsModule(): Promise<IndicatorsModule | null> {
  return Promise.resolve(indicators);
}

/** Normalised postcode key: upper case, no spaces (the postcode table's primary key). */
export function postcodeKey(pc: string): string {
  return pc.replace(/\s+/g, '').toUpperCase();
}
