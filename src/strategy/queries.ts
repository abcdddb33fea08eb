import { sql, type Kysely, type Transaction } from 'kysely';
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

// ---------------------------------------------------------------- strategies (editing)

export type ItemTable = 'strategy_principle' | 'strategy_priority';

export function listStrategies(db: Db) {
  return db.selectFrom('strategy').selectAll().orderBy('is_current', 'desc').orderBy('period_start', 'desc').orderBy('id', 'desc').execute();
}
export function findStrategy(db: Db, id: number) {
  return db.selectFrom('strategy').selectAll().where('id', '=', id).executeTakeFirst();
}
export function lockStrategy(db: Db, id: number) {
  return db.selectFrom('strategy').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
export function insertStrategy(db: Db, values: { title: string; period_start: string | null; period_end: string | null }) {
  return db.insertInto('strategy').values(values).returningAll().executeTakeFirstOrThrow();
}
export function updateStrategyIfVersion(db: Db, id: number, version: number, values: { title: string; period_start: string | null; period_end: string | null }) {
  return db.updateTable('strategy').set({ ...values, version: sql<number>`version + 1` }).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
}
/** Makes one strategy the current one (the unique index allows one current at a time). */
export async function setCurrent(db: Db, id: number) {
  await db.updateTable('strategy').set({ is_current: false, version: sql<number>`version + 1` }).where('is_current', '=', true).where('id', '<>', id).execute();
  return db.updateTable('strategy').set({ is_current: true, version: sql<number>`version + 1` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function items(db: Db, table: ItemTable, strategyId: number) {
  return (db as Kysely<Database>)
    .selectFrom(table as 'strategy_principle')
    .select(['id', 'strategy_id', 'position', 'name', 'description', 'version'])
    .where('strategy_id', '=', strategyId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}
export function findItem(db: Db, table: ItemTable, id: number) {
  return (db as Kysely<Database>)
    .selectFrom(table as 'strategy_principle')
    .select(['id', 'strategy_id', 'position', 'name', 'description', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
}
export async function prioritySlugs(db: Db, strategyId: number): Promise<string[]> {
  return (await db.selectFrom('strategy_priority').select('slug').where('strategy_id', '=', strategyId).execute()).map((r) => r.slug);
}
export async function insertItem(db: Db, table: ItemTable, values: { strategy_id: number; name: string; description: string; slug?: string }) {
  const next = await (db as Kysely<Database>)
    .selectFrom(table as 'strategy_principle')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('p'))
    .where('strategy_id', '=', values.strategy_id)
    .executeTakeFirstOrThrow();
  if (table === 'strategy_priority') {
    return db.insertInto('strategy_priority').values({ ...values, slug: values.slug!, position: Number(next.p) }).returning(['id', 'position']).executeTakeFirstOrThrow();
  }
  const { slug: _slug, ...rest } = values;
  return db.insertInto('strategy_principle').values({ ...rest, position: Number(next.p) }).returning(['id', 'position']).executeTakeFirstOrThrow();
}
export function updateItemIfVersion(db: Db, table: ItemTable, id: number, version: number, values: { name: string; description: string }) {
  return (db as Kysely<Database>)
    .updateTable(table as 'strategy_principle')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'strategy_id', 'position', 'name', 'description', 'version'])
    .executeTakeFirst();
}
export function setPosition(db: Db, table: ItemTable, id: number, position: number) {
  return (db as Kysely<Database>).updateTable(table as 'strategy_principle').set({ position }).where('id', '=', id).execute();
}
export function deleteItem(db: Db, table: ItemTable, id: number) {
  return (db as Kysely<Database>).deleteFrom(table as 'strategy_principle').where('id', '=', id).execute();
}
export async function tagCount(db: Db, column: 'principle_id' | 'priority_id', id: number): Promise<number> {
  const r = await db.selectFrom('strategy_tag').select((eb) => eb.fn.countAll().as('n')).where(column, '=', id).executeTakeFirstOrThrow();
  return Number(r.n);
}
export function copyItems(db: Db, fromId: number, toId: number) {
  return Promise.all([
    sql`insert into strategy_principle (strategy_id, position, name, description) select ${toId}, position, name, description from strategy_principle where strategy_id = ${fromId}`.execute(db),
    sql`insert into strategy_priority (strategy_id, position, slug, name, description) select ${toId}, position, slug, name, description from strategy_priority where strategy_id = ${fromId}`.execute(db),
  ]);
}

// ---------------------------------------------------------------- tags

export function tagsOf(db: Db, entity: string, ids: string[]) {
  return db
    .selectFrom('strategy_tag')
    .leftJoin('strategy_priority', 'strategy_priority.id', 'strategy_tag.priority_id')
    .leftJoin('strategy_principle', 'strategy_principle.id', 'strategy_tag.principle_id')
    .select([
      'strategy_tag.entity_id', 'strategy_tag.priority_id', 'strategy_tag.principle_id',
      'strategy_priority.name as priority_name', 'strategy_priority.slug as priority_slug', 'strategy_principle.name as principle_name',
    ])
    .where('strategy_tag.entity', '=', entity)
    .where('strategy_tag.entity_id', 'in', ids)
    .orderBy('strategy_priority.position')
    .orderBy('strategy_principle.position')
    .execute();
}
export async function replaceTags(db: Db, entity: string, entityId: string, priorityIds: number[], principleIds: number[]) {
  await db.deleteFrom('strategy_tag').where('entity', '=', entity).where('entity_id', '=', entityId).execute();
  const rows = [
    ...priorityIds.map((id) => ({ entity, entity_id: entityId, priority_id: id, principle_id: null })),
    ...principleIds.map((id) => ({ entity, entity_id: entityId, principle_id: id, priority_id: null })),
  ];
  if (rows.length) await db.insertInto('strategy_tag').values(rows).execute();
}
