import type { Capability } from '../platform/capability.js';
import { actionsMigrations } from './migrations.js';
import './schema.js';

export * as actionsService from './service.js';

export const actions: Capability = {
  name: 'actions',
  migrations: actionsMigrations,
  // routes and navigation are registered once their pages are complete (actionRoutes in routes.ts)
  nav: [],
};
