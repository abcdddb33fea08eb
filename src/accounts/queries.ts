import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/database/types.js';

type Db = Kysely<Database> | Transaction<Database>;

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('app_user').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export function findUser(db: Db, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Db) {
  return db.selectFrom('app_user').select(['id', 'email', 'name', 'role', 'active', 'password_hash']).orderBy('name').execute();
}

export async function recentFailures(db: Db, email: string, ip: string, since: Date): Promise<{ byEmail: number; byIp: number }> {
  const row = await db
    .selectFrom('sign_in_attempt')
    .select([
      sql<number>`count(*) filter (where lower(email) = ${email.toLowerCase()})`.as('by_email'),
      sql<number>`count(*) filter (where ip = ${ip})`.as('by_ip'),
    ])
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { byEmail: Number(row.by_email), byIp: Number(row.by_ip) };
}

export function recordAttempt(db: Db, email: string, ip: string, succeeded: boolean) {
  return db.insertInto('sign_in_attempt').values({ email: email.slice(0, 320), ip, succeeded }).execute();
}

export function listAudit(db: Db, opts: { entity?: string; limit: number; offset: number }) {
  let q = db.selectFrom('audit_event').selectAll();
  if (opts.entity) q = q.where('entity', '=', opts.entity);
  return q.orderBy('at', 'desc').orderBy('id').limit(opts.limit).offset(opts.offset).execute();
}

export async function countAudit(db: Db, entity?: string): Promise<number> {
  let q = db.selectFrom('audit_event').select(sql<number>`count(*)`.as('n'));
  if (entity) q = q.where('entity', '=', entity);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function auditEntities(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_event').select('entity').distinct().orderBy('entity').execute();
  return rows.map((r) => r.entity);
}
