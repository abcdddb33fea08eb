import type { Capability } from '../platform/capability.js';
import { publicRoutes } from './routes.js';

/** The public site: what has been published (agendas, and minutes once published), never a confidential item. */
export const publicSite: Capability = {
  name: 'public',
  routes: publicRoutes,
  nav: [],
};
