import type { Kysely } from 'kysely';
import type { Database } from '../database/types.js';
import type { CurrentUser } from '../http/types.js';
import { randomToken, sha256 } from './passwords.js';
import { ROLE_LABELS, isRole } from './roles.js';

export const SESSION_COOKIE = 'spotlight_session';
export const SESSION_HOURS = 12;

/**
 * Sessions stored in the database; the cookie holds a random token, the table only its hash.
 *
 * Every request of a signed-in user needs its user, and looking it up is a join on the database: on the
 * embedded database, which answers one query at a time, that alone was about a millisecond of every
 * page. So a session found in the database is kept in memory for a few seconds (SESSION_CACHE_MS),
 * keyed by the token's hash, for at most SESSION_CACHE_MAX sessions (the oldest go first).
 *
 * What stays exact: a session is never kept past its `expires_at`; signing out (`endSession`) drops it
 * at once; and every change this app makes to a user (role, name, active, password, sessions deleted)
 * calls `forgetSessions()` once its transaction has ended, so in this process the change applies to the
 * very next request. A lookup that was already under way when something was forgotten is not kept
 * (the generation check), so it cannot put back what it read before the change.
 *
 * The bound on staleness: several Spotlight processes on one PostgreSQL database each keep their own
 * sessions, and a process does not hear of another's changes, nor of changes made to the tables with
 * SQL from outside the app. There a sign-out, deactivation or role change takes effect in the other
 * processes within SESSION_CACHE_MS (5 seconds) — in the process that made it, at once.
 */
export const SESSION_CACHE_MS = 5_000;
export const SESSION_CACHE_MAX = 10_000;

interface Kept {
  user: CurrentUser;
  /** When the entry must be looked up again: the earlier of the cache's limit and the session's expiry. */
  until: number;
}

const kept = new Map<string, Kept>();
/** Moves on whenever something is forgotten; a lookup started under an older generation is not kept. */
let generation = 0;

/** Drops every kept session: the next request of each signed-in user reads the database again. */
export function forgetSessions(): void {
  kept.clear();
  generation++;
}

export async function createSession(db: Kysely<Database>, userId: string, via: 'password' | 'oidc'): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('user_session')
    .values({ id_hash: sha256(token), user_id: userId, via, expires_at: new Date(Date.now() + SESSION_HOURS * 3600_000) })
    .execute();
  return token;
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  const idHash = sha256(token);
  await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
  // after the delete: a lookup that overlapped it (and may have read the row) is then not kept either
  kept.delete(idHash);
  generation++;
}

export async function userForSession(db: Kysely<Database>, token: string): Promise<CurrentUser | null> {
  const idHash = sha256(token);
  const now = Date.now();
  const hit = kept.get(idHash);
  if (hit) {
    if (hit.until > now) return hit.user;
    kept.delete(idHash);
  }
  const startedIn = generation;
  const row = await db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select(['app_user.id', 'app_user.email', 'app_user.name', 'app_user.role', 'app_user.must_change_password', 'user_session.expires_at'])
    .where('user_session.id_hash', '=', idHash)
    .where('user_session.expires_at', '>', new Date(now))
    .where('app_user.active', '=', true)
    .executeTakeFirst();
  if (!row || !isRole(row.role)) return null;
  // frozen: one object serves every request of the session while it is kept
  const user: CurrentUser = Object.freeze({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    roleLabel: ROLE_LABELS[row.role],
    mustChangePassword: row.must_change_password,
  });
  if (generation === startedIn) {
    if (kept.size >= SESSION_CACHE_MAX) kept.delete(kept.keys().next().value!);
    kept.set(idHash, { user, until: Math.min(Date.now() + SESSION_CACHE_MS, new Date(row.expires_at).getTime()) });
  }
  return user;
}
