/**
 * The parts of the indicators module (B) and the store (C) that the dashboard uses, in one place: the
 * dashboard imports them only from here. (This began as a temporary copy written against the contract;
 * it now re-exports the real modules.)
 */
import type { Db } from '../store/index.js';
import { latestImport } from '../store/index.js';

export { INDICATORS, suppressCount, suppressRatio, suppressBreakdown, percent, type Shown, type IndicatorDef, type IndicatorUnit as Unit } from '../indicators/index.js';
export { indicatorValues, yearsHeld, type IndicatorValue } from '../store/index.js';

/** The latest import's id, for the analysts' "Data quality" link (the store's /performance/imports/:id). */
export async function latestImportId(db: Db): Promise<number | null> {
  return (await latestImport(db))?.id ?? null;
}
