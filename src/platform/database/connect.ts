import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.js';
import type { Database } from './types.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The embedded instance, for PGlite-only operations such as COPY from a blob. */
  pglite?: PGlite;
  /** The server pool, for PostgreSQL-only operations such as COPY streams. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// Dates (`date`) come back as 'YYYY-MM-DD' strings, never shifted by the process time zone.
pg.types.setTypeParser(1082, (v: string) => v);
// bigint counts as numbers (counts here are far below 2^53).
pg.types.setTypeParser(20, (v: string) => Number(v));

export interface OpenOptions {
  databaseUrl?: string;
  /** Data directory for the embedded database; undefined means in memory. */
  dataDir?: string;
  /** A PGlite data-directory dump to start from (tests copy a migrated database this way). */
  loadDataDir?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  let lock: DataDirLock | undefined;
  let pgDir: string | undefined;
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    lock = acquireDataDirLock(opts.dataDir);
    pgDir = path.join(opts.dataDir, 'pgdata');
  }
  try {
    const pglite = await PGlite.create({ dataDir: pgDir, loadDataDir: opts.loadDataDir });
    const pool = new pg.Pool(createPgConfig(pglite));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      pglite,
      close: async () => {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}
