import type { FastifyInstance } from 'fastify';
import { capabilities, allMigrations } from './capabilities.js';
import { createDemoAuthority, demoSignInText } from './demo.js';
import type { AppContext } from './platform/capability.js';
import { loadConfig, type Config } from './platform/config.js';
import { migrateToLatest, openDatabase } from './platform/database/index.js';
import { createApp } from './platform/http/app.js';
import { createLogger } from './platform/logging.js';

/** Opens the database (PostgreSQL when DATABASE_URL is set, else PGlite in the data directory) and migrates it. */
export async function openContext(config: Config = loadConfig()): Promise<AppContext> {
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db as never, allMigrations());
  } catch (err) {
    await database.close();
    throw err;
  }
  return { config, database, db: database.db, logger };
}

export function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  return createApp(ctx, capabilities);
}

/** `spotlight serve`: migrate, create the demo authority on an empty database, and listen. */
export async function serve(config: Config = loadConfig()): Promise<FastifyInstance> {
  const ctx = await openContext(config);
  if (config.demo) {
    const demo = await createDemoAuthority(ctx);
    if (demo.created) {
      for (const line of demo.log) ctx.logger.info(line);
      process.stdout.write(`\n${demoSignInText(config.authorityName, demo.password!)}\n\n`);
    }
  }
  const app = await buildApp(ctx);
  const shutdown = async (signal: string) => {
    ctx.logger.info({ signal }, 'stopping');
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  process.stdout.write(`Spotlight is running on http://${shownHost}:${config.port} (database: ${ctx.database.kind === 'pglite' ? `embedded, in ${config.dataDir}` : 'PostgreSQL'})\n`);
  return app;
}
