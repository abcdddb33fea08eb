import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/database/types.js';
import './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export function currentStrategy(db: Db) {
  return db.selectFrom('strategy').selectAll().where('is_current', '=', true).executeTakeFirst();
}
export function principles(db: Db, strategyId: number) {
  return db.selectFrom('strategy_principle').selectAll().where('strategy_id', '=', strategyId).orderBy('position').execute();
}
export function priorities(db: Db, strategyId: number) {
  return db.selectFrom('strategy_priority').selectAll().where('strategy_id', '=', strategyId).orderBy('position').execute();
}
