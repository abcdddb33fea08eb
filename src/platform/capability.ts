import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from './config.js';
import type { DatabaseHandle } from './database/connect.js';
import type { Migrations } from './database/migrate.js';
import type { Database } from './database/types.js';
import type { Logger } from './logging.js';
import type { Permission } from './auth/permissions.js';

/** What every capability receives from the composition root. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Kysely<Database>;
  logger: Logger;
}

export interface NavItem {
  text: string;
  href: string;
  permission: Permission;
  order: number;
}

export interface DemoContext {
  db: Transaction<Database>;
  /** Demo people by key (e.g. 'chair', 'clerk'), created by the accounts capability first. */
  users: Record<string, { id: string; name: string; email: string }>;
  /** A date "today" for the demo content, so generated dates are stable in tests. */
  today: Date;
  log(message: string): void;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], ctx: AppContext): Promise<number>;
}

/**
 * A capability: one folder under src/ with its migrations, routes, navigation, demo content and
 * command-line commands. src/capabilities.ts lists them in order; the platform never imports one.
 */
export interface Capability {
  name: string;
  migrations?: Migrations;
  routes?: (app: FastifyInstance, ctx: AppContext) => void | Promise<void>;
  nav?: NavItem[];
  demo?: (ctx: DemoContext) => Promise<void>;
  commands?: CliCommand[];
}
