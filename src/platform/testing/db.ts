import crypto from 'node:crypto';
import pg from 'pg';
import { allMigrations } from '../../capabilities.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../database/index.js';

/**
 * A fresh, migrated database for one test: PGlite by default, or the real PostgreSQL server when
 * SPOTLIGHT_TEST_DB=postgres (TEST_DATABASE_URL points at the throwaway cluster the test script
 * starts). Migrations run once per process (PGlite: a migrated data directory is dumped and loaded
 * per test; PostgreSQL: a template database is copied per test). No mocks: the real thing each time.
 */
export const testDbKind = (process.env.SPOTLIGHT_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

let pgliteDump: Promise<Blob> | undefined;
let templateReady: Promise<string> | undefined;

async function migratedPgliteDump(): Promise<Blob> {
  const h = await openDatabase({});
  await migrateToLatest(h.db as never, allMigrations());
  const dump = await h.pglite!.dumpDataDir('none');
  await h.close();
  return dump;
}

function serverUrl(database: string): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('SPOTLIGHT_TEST_DB=postgres needs TEST_DATABASE_URL (npm test starts a throwaway cluster and sets it)');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** One migrated template per test process (named by pid, so parallel test files never race). */
async function template(): Promise<string> {
  const name = `spotlight_tpl_${process.pid}`;
  await admin((c) => c.query(`drop database if exists ${name}`));
  await admin((c) => c.query(`create database ${name}`));
  const h = await openDatabase({ databaseUrl: serverUrl(name) });
  await migrateToLatest(h.db as never, allMigrations());
  await h.close();
  process.once('exit', () => {
    /* the cluster is thrown away at the end of the run */
  });
  return name;
}

export async function testDatabase(): Promise<DatabaseHandle> {
  if (testDbKind === 'postgres') {
    templateReady ??= template();
    const tpl = await templateReady;
    const name = `spotlight_t_${crypto.randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`create database ${name} template ${tpl}`));
    const h = await openDatabase({ databaseUrl: serverUrl(name) });
    return {
      ...h,
      close: async () => {
        await h.close();
        await admin((c) => c.query(`drop database if exists ${name}`));
      },
    };
  }
  pgliteDump ??= migratedPgliteDump();
  return openDatabase({ loadDataDir: await pgliteDump });
}
