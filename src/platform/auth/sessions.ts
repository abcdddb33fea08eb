import type { Kysely } from 'kysely';
import type { Database } from '../database/types.js';
import type { CurrentUser } from '../http/types.js';
import { randomToken, sha256 } from './passwords.js';
import { ROLE_LABELS, isRole } from './roles.js';

export const SESSION_COOKIE = 'spotlight_session';
export const SESSION_HOURS = 12;

/** Sessions stored in the database; the cookie holds a random token, the table only its hash. */
export async function createSession(db: Kysely<Database>, userId: string, via: 'password' | 'oidc'): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('user_session')
    .values({ id_hash: sha256(token), user_id: userId, via, expires_at: new Date(Date.now() + SESSION_HOURS * 3600_000) })
    .execute();
  return token;
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', sha256(token)).execute();
}

export async function userForSession(db: Kysely<Database>, token: string): Promise<CurrentUser | null> {
  const row = await db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select(['app_user.id', 'app_user.email', 'app_user.name', 'app_user.role', 'app_user.must_change_password'])
    .where('user_session.id_hash', '=', sha256(token))
    .where('user_session.expires_at', '>', new Date())
    .where('app_user.active', '=', true)
    .executeTakeFirst();
  if (!row || !isRole(row.role)) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    roleLabel: ROLE_LABELS[row.role],
    mustChangePassword: row.must_change_password,
  };
}
