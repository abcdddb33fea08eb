/**
 * Other measures, targets, comparators and commentary (engineer D). The dashboard (../dashboard) and
 * the capability's index use these.
 */
export { measuresMigrations } from './migrations.js';
export { measuresDemo, DEMO_MEASURES } from './demo.js';
export { ragFor, RAG_DISPLAY, type Rag, type Polarity } from './rag.js';
export { parsePeriod, periodLabel, previousPeriod, annualPeriod, type Frequency } from './periods.js';
export * as measuresService from './service.js';
export * as measuresQueries from './queries.js';
import './schema.js';
