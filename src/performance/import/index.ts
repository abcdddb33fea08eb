/** The analyst's import pages (upload, import summary and warnings, population), for src/performance/index.ts. */
export { importRoutes, ERRORS_SHOWN } from './routes.js';
