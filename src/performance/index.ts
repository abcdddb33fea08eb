import type { Capability } from '../platform/capability.js';

/** Performance: SSDA903 returns in (ssda903/), the Board's figures out (indicators/, dashboard). */
export const performance: Capability = {
  name: 'performance',
  migrations: {},
  nav: [],
};
