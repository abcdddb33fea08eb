import type { Capability } from '../platform/capability.js';
import { performanceCommands } from './cli.js';
import { dashboardRoutes } from './dashboard/index.js';
import { importRoutes } from './import/index.js';
import { measuresDemo } from './measures/index.js';
import { measuresMigrations } from './measures/migrations.js';
import { performanceMigrations } from './migrations.js';
import { performanceDemo } from './store/demo.js';

/** Performance: SSDA903 returns in (ssda903/), the Board's figures out (indicators/, dashboard). */
export const performance: Capability = {
  name: 'performance',
  migrations: { ...performanceMigrations, ...measuresMigrations },
  commands: performanceCommands,
  demo: async (ctx) => {
    await performanceDemo(ctx);
    await measuresDemo(ctx);
  },
  // routes: the analyst's import pages (engineer C, import/) — the dashboard's routes (engineer D) go here too.
  routes: (app, ctx) => {
    importRoutes(app, ctx);
    dashboardRoutes(app, ctx);
  },
  nav: [{ text: 'Performance', href: '/performance', permission: 'performance:read', order: 40 }],
};
