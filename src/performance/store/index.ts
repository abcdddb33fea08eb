/**
 * Public API of the SSDA903 store (engineer C), for the dashboard and the import pages. Child-level rows
 * stay behind this module: it hands out figures, import records and warnings only.
 */
export { importReturn, importReturns, storeFileSet, type YearFiles, type ImportYearsResult, type ImportOptions, type ImportProgress, type ImportResult, type ImportSummary } from './import.js';
export { recomputeAll, yearsHeld, type ComputeResult } from './compute.js';
export { HeldInMemory } from './held.js';
export { csvFilesIn, importReturnsFromDisk, yearFoldersIn, type DiskYear } from './pipeline.js';
export {
  indicatorValues, latestImport, getImport, listImports, listWarnings, allWarnings, populations, postcodeCount,
  type IndicatorValue, type ImportRecord,
} from './queries.js';
export { setPopulation, loadPostcodes, PerformanceInputError, VersionConflictError, type PostcodeLoadResult } from './reference.js';
export { indicatorsModule, type Figure } from './indicators.js';
export type { Issue } from '../ssda903/issues.js';
export type { InputFile } from '../ssda903/reader.js';
export type { Db } from './db.js';
