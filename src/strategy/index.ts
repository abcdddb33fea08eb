import type { Capability } from '../platform/capability.js';
import { strategyDemo } from './demo.js';
import { strategyMigrations } from './migrations.js';
import { strategyRoutes } from './routes.js';
import { coverageRoutes } from './coverage.js';
import './schema.js';

export { STRATEGY_2020 } from './demo.js';
export * as strategyQueries from './queries.js';
export * as strategyService from './service.js';
/** Tagging for other capabilities: call setTags in your command's transaction; tagsFor to show them; macros in views/_tags.njk. */
export { currentPrioritiesAndPrinciples, setTags, tagsFor, TagInputError, type TagIds, type Tags } from './tags.js';

export const strategy: Capability = {
  name: 'strategy',
  migrations: strategyMigrations,
  routes: (app, ctx) => { strategyRoutes(app, ctx); coverageRoutes(app, ctx); },
  nav: [{ text: 'Strategy', href: '/strategy', permission: 'strategy:read', order: 10 }],
  demo: strategyDemo,
};
