import { accounts } from './accounts/index.js';
import { bodies } from './bodies/index.js';
import type { Capability } from './platform/capability.js';
import { mergeMigrations, platformMigrations, type Migrations } from './platform/database/index.js';
import { site } from './site/index.js';
import { strategy } from './strategy/index.js';

/** Every capability, in the order their routes, demo content and navigation are composed. */
export const capabilities: Capability[] = [site, accounts, bodies, strategy];

export function allMigrations(): Migrations {
  return mergeMigrations(platformMigrations, ...capabilities.map((c) => c.migrations ?? {}));
}
