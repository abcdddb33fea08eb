import type { Capability } from '../platform/capability.js';
import { siteRoutes } from './routes.js';

export const site: Capability = {
  name: 'site',
  routes: siteRoutes,
  nav: [{ text: 'Home', href: '/', permission: 'workspace:read', order: 0 }],
};
