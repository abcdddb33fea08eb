import type { Capability } from '../platform/capability.js';
import { strategyDemo } from './demo.js';
import { strategyMigrations } from './migrations.js';
import { strategyRoutes } from './routes.js';
import './schema.js';

export { STRATEGY_2020 } from './demo.js';
export * as strategyQueries from './queries.js';

export const strategy: Capability = {
  name: 'strategy',
  migrations: strategyMigrations,
  routes: strategyRoutes,
  nav: [{ text: 'Strategy', href: '/strategy', permission: 'strategy:read', order: 10 }],
  demo: strategyDemo,
};
