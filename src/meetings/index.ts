import type { Capability } from '../platform/capability.js';
import { meetingsMigrations } from './migrations.js';
import './schema.js';

export * from './schema.js';

export const meetings: Capability = {
  name: 'meetings',
  migrations: meetingsMigrations,
  nav: [],
};
export { canSeeConfidential, confidentialBodiesFor } from './policy.js';
