import { accounts } from './accounts/index.js';
import { actions } from './actions/index.js';
import { bodies } from './bodies/index.js';
import type { Capability } from './platform/capability.js';
import { performance } from './performance/index.js';
import { mergeMigrations, platformMigrations, type Migrations } from './platform/database/index.js';
import { meetings } from './meetings/index.js';
import { minutes } from './minutes/index.js';
import { publicSite } from './public/index.js';
import { site } from './site/index.js';
import { strategy } from './strategy/index.js';

/** Every capability, in the order their routes, demo content and navigation are composed. */
export const capabilities: Capability[] = [site, accounts, bodies, strategy, meetings, actions, minutes, publicSite, performance];

export function allMigrations(): Migrations {
  return mergeMigrations(platformMigrations, ...capabilities.map((c) => c.migrations ?? {}));
}
