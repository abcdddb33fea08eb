import type { Capability } from '../platform/capability.js';
import { bodiesDemo } from './demo.js';
import { bodiesMigrations } from './migrations.js';
import { bodyRoutes } from './routes.js';
import './schema.js';

export * as bodyQueries from './queries.js';
export * as bodyService from './service.js';
export { KIND_LABELS, MEMBER_ROLE_LABELS, ORGANISATION_KIND_LABELS } from './presenters.js';

export const bodies: Capability = {
  name: 'bodies',
  migrations: bodiesMigrations,
  routes: bodyRoutes,
  nav: [{ text: 'Boards and groups', href: '/bodies', permission: 'bodies:read', order: 5 }],
  demo: bodiesDemo,
};
