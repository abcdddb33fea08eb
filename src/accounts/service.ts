import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../platform/audit.js';
import { hashPassword, oneTimePassword, randomToken, sha256, verifyPassword, MIN_PASSWORD_LENGTH } from '../platform/auth/passwords.js';
import { isRole, type Role } from '../platform/auth/roles.js';
import { forgetSessions } from '../platform/auth/sessions.js';
import type { Database } from '../platform/database/types.js';
import * as q from './queries.js';

export const RATE_LIMIT = { windowMinutes: 15, perEmail: 5, perIp: 20 };

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' | 'rate-limited' };

/**
 * Sign-in with email and password, rate-limited per email address and per IP address over a
 * rolling window; every attempt is recorded. The same message for an unknown email and a wrong
 * password.
 */
export async function signIn(db: Kysely<Database>, email: string, password: string, ip: string): Promise<SignInResult> {
  const since = new Date(Date.now() - RATE_LIMIT.windowMinutes * 60_000);
  const failures = await q.recentFailures(db, email, ip, since);
  if (failures.byEmail >= RATE_LIMIT.perEmail || failures.byIp >= RATE_LIMIT.perIp) {
    await q.recordAttempt(db, email, ip, false);
    return { ok: false, reason: 'rate-limited' };
  }
  const user = await q.findUserByEmail(db, email);
  const ok = !!user && user.active && (await verifyPassword(user.password_hash, password));
  await q.recordAttempt(db, email, ip, ok);
  return ok ? { ok: true, userId: user!.id } : { ok: false, reason: 'invalid' };
}

export class AccountError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password?: string;
}

/** Creates an account; with no password, a one-time password is generated and returned. */
export async function addUser(db: Kysely<Database>, actor: Actor, input: NewUser): Promise<{ id: string; oneTimePassword?: string }> {
  if (!isRole(input.role)) throw new AccountError('role', `Unknown role ${String(input.role)}`);
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AccountError('password', `Password must be ${MIN_PASSWORD_LENGTH} characters or more`);
  }
  const otp = input.password === undefined ? oneTimePassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? otp!);
  return db.transaction().execute(async (tx) => {
    if (await q.findUserByEmail(tx, input.email)) throw new AccountError('email', `A user with the email address ${input.email} already exists`);
    const row = await tx
      .insertInto('app_user')
      .values({ email: input.email, name: input.name, role: input.role, password_hash: passwordHash, must_change_password: otp !== undefined })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, 'create', 'user', row.id, null, { email: row.email, name: row.name, role: row.role });
    return { id: row.id, ...(otp ? { oneTimePassword: otp } : {}) };
  });
}

/** An administrator invites a user: the account is created without a password and a one-time link is returned. */
export async function inviteUser(db: Kysely<Database>, actor: Actor, input: { email: string; name: string; role: Role }): Promise<{ id: string; token: string }> {
  const token = randomToken();
  return db.transaction().execute(async (tx) => {
    if (await q.findUserByEmail(tx, input.email)) throw new AccountError('email', `A user with the email address ${input.email} already exists`);
    const row = await tx.insertInto('app_user').values({ email: input.email, name: input.name, role: input.role, password_hash: null }).returningAll().executeTakeFirstOrThrow();
    await tx
      .insertInto('invitation')
      .values({ token_hash: sha256(token), user_id: row.id, created_by: actor.id, expires_at: new Date(Date.now() + 7 * 86400_000) })
      .execute();
    await recordAudit(tx, actor, 'create', 'user', row.id, null, { email: row.email, name: row.name, role: row.role, invited: true });
    return { id: row.id, token };
  });
}

export async function findInvitation(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('invitation')
    .innerJoin('app_user', 'app_user.id', 'invitation.user_id')
    .select(['invitation.token_hash', 'invitation.user_id', 'app_user.email', 'app_user.name', 'invitation.expires_at', 'invitation.used_at'])
    .where('invitation.token_hash', '=', sha256(token))
    .executeTakeFirst();
}

export async function acceptInvitation(db: Kysely<Database>, token: string, password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AccountError('password', `Password must be ${MIN_PASSWORD_LENGTH} characters or more`);
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (tx) => {
    const inv = await tx.selectFrom('invitation').selectAll().where('token_hash', '=', sha256(token)).forUpdate().executeTakeFirst();
    if (!inv || inv.used_at || new Date(inv.expires_at) < new Date()) throw new AccountError('password', 'This invitation has expired or has already been used. Ask democratic services for a new one.');
    await tx.updateTable('invitation').set({ used_at: new Date() }).where('token_hash', '=', inv.token_hash).execute();
    await tx.updateTable('app_user').set({ password_hash: passwordHash, must_change_password: false, updated_at: new Date() }).where('id', '=', inv.user_id).execute();
    await recordAudit(tx, { id: inv.user_id, label: 'invited user' }, 'update', 'user', inv.user_id, { password_hash: null }, { password_hash: 'set' });
    // signed-in users are kept in memory for a few seconds: forgotten once the transaction has ended, the
    // change applies to their very next request (platform/auth/sessions.ts)
    return inv.user_id;
  }).finally(forgetSessions);
}

export class VersionConflictError extends Error {}

/** Sets a user's role and whether the account is active, refusing a stale edit (version check). */
export async function updateUser(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  version: number,
  changes: { role: Role; active: boolean; name: string },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('app_user').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new AccountError('user', 'That user does not exist');
    if (before.version !== version) throw new VersionConflictError('Someone else changed this user while you were editing. Check their details below and make your change again.');
    if (actor.id === id && (changes.role !== 'admin' || !changes.active)) throw new AccountError('role', 'You cannot remove your own administrator role or deactivate your own account');
    const after = await tx
      .updateTable('app_user')
      .set({ role: changes.role, active: changes.active, name: changes.name, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (!changes.active) await tx.deleteFrom('user_session').where('user_id', '=', id).execute();
    await recordAudit(tx, actor, 'update', 'user', id, before, after);
    // the user's kept sessions must not outlive a change of role, name or active (see acceptInvitation)
  }).finally(forgetSessions);
}

export async function changePassword(db: Kysely<Database>, userId: string, current: string, next: string): Promise<void> {
  const user = await q.findUser(db, userId);
  if (!user || !(await verifyPassword(user.password_hash, current))) throw new AccountError('current', 'Your current password is not correct');
  if (next.length < MIN_PASSWORD_LENGTH) throw new AccountError('password', `Password must be ${MIN_PASSWORD_LENGTH} characters or more`);
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('app_user').set({ password_hash: passwordHash, must_change_password: false, updated_at: new Date() }).where('id', '=', userId).execute();
    await recordAudit(tx, { id: userId, label: user.email }, 'update', 'user', userId, { password_hash: 'old' }, { password_hash: 'new' });
    // must_change_password is part of the kept session (see acceptInvitation)
  }).finally(forgetSessions);
}
