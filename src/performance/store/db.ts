import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/database/types.js';

export type Db = Kysely<Database> | Transaction<Database>;

/** Runs `fn` in a transaction: the given one when `db` already is one (the demo), else a new one. */
export function inTransaction<T>(db: Db, fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}
