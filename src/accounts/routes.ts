import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../platform/capability.js';
import { actorOf } from '../platform/http/actor.js';
import { cookieOptions } from '../platform/http/cookies.js';
import { formValues, parseForm } from '../platform/http/forms.js';
import { createSession, endSession, SESSION_COOKIE, SESSION_HOURS } from '../platform/auth/sessions.js';
import { ROLES, ROLE_LABELS, type Role } from '../platform/auth/roles.js';
import * as q from './queries.js';
import * as service from './service.js';

const emailField = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.gov.uk' }));

const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
});

const roleField = z.enum(ROLES, { error: 'Select a role' });
const inviteSchema = z.object({
  name: z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(200, 'Name must be 200 characters or fewer'),
  email: emailField,
  role: roleField,
});
const editSchema = z.object({
  name: z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(200, 'Name must be 200 characters or fewer'),
  role: roleField,
  active: z.enum(['yes', 'no'], { error: 'Select whether the account is active' }),
  version: z.coerce.number().int(),
});
const passwordSchema = z.object({
  password: z.string({ error: 'Enter a password' }).min(12, 'Password must be 12 characters or more'),
  confirm: z.string({ error: 'Confirm the password' }),
});

/** Only a local path: never an open redirect. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

const roleItems = (selected?: string) => ROLES.map((r) => ({ value: r, text: ROLE_LABELS[r], checked: r === selected }));

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  const startSession = async (request: FastifyRequest, reply: FastifyReply, userId: string, via: 'password' | 'oidc') => {
    const token = await createSession(db, userId, via);
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, SESSION_HOURS * 3600));
  };
  app.decorate('startSession', startSession);

  app.get('/sign-in', { config: { permission: 'public' } }, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    return reply.render('accounts/views/sign-in.njk', { title: 'Sign in', next, values: {}, oidc: ctx.config.oidc?.displayName });
  });

  app.post('/sign-in', { config: { permission: 'public' } }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const next = safeNext(body.next);
    const render = (errors: Record<string, string>, status = 400) =>
      reply.render('accounts/views/sign-in.njk', { title: 'Sign in', next, errors, values: { email: body.email }, oidc: ctx.config.oidc?.displayName }, status);
    const form = parseForm(signInSchema, body);
    if (!form.ok) return render(form.errors);
    const result = await service.signIn(db, form.value.email, form.value.password, request.ip);
    if (!result.ok) {
      if (result.reason === 'rate-limited') {
        return render({ email: `Too many attempts to sign in. Wait ${service.RATE_LIMIT.windowMinutes} minutes and try again.` }, 429);
      }
      return render({ email: 'Enter a correct email address and password' }, 401);
    }
    await startSession(request, reply, result.userId, 'password');
    const user = await q.findUser(db, result.userId);
    return reply.redirect(user?.must_change_password ? '/account/password' : next, 303);
  });

  app.post('/sign-out', { config: { permission: 'public' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });

  app.get('/account/password', { config: { permission: 'workspace:read' } }, async (_request, reply) =>
    reply.render('accounts/views/password.njk', { title: 'Change your password' }),
  );
  app.post('/account/password', { config: { permission: 'workspace:read' } }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const errors: Record<string, string> = {};
    if (typeof body.current !== 'string' || !body.current) errors.current = 'Enter your current password';
    const form = parseForm(passwordSchema, body);
    if (!form.ok) Object.assign(errors, form.errors);
    else if (form.value.password !== form.value.confirm) errors.confirm = 'The passwords do not match';
    if (Object.keys(errors).length) return reply.render('accounts/views/password.njk', { title: 'Change your password', errors }, 400);
    try {
      await service.changePassword(db, request.user!.id, String(body.current), String(body.password));
    } catch (err) {
      if (err instanceof service.AccountError) return reply.render('accounts/views/password.njk', { title: 'Change your password', errors: { [err.field]: err.message } }, 400);
      throw err;
    }
    return reply.render('accounts/views/password.njk', { title: 'Change your password', flash: 'Your password has been changed' });
  });

  app.get('/invitation/:token', { config: { permission: 'public' } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const inv = await service.findInvitation(db, token);
    if (!inv || inv.used_at || new Date(inv.expires_at) < new Date()) {
      return reply.render('platform/views/error.njk', { title: 'This invitation link has expired', message: 'Ask democratic services to invite you again.' }, 410);
    }
    return reply.render('accounts/views/invitation.njk', { title: 'Set your password', invitation: inv, token });
  });
  app.post('/invitation/:token', { config: { permission: 'public' } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const inv = await service.findInvitation(db, token);
    if (!inv) return reply.notFound();
    const form = parseForm(passwordSchema, request.body);
    const errors = form.ok ? (form.value.password !== form.value.confirm ? { confirm: 'The passwords do not match' } : null) : form.errors;
    if (errors) return reply.render('accounts/views/invitation.njk', { title: 'Set your password', invitation: inv, token, errors }, 400);
    try {
      const userId = await service.acceptInvitation(db, token, (form as { value: { password: string } }).value.password);
      await startSession(request, reply, userId, 'password');
      return reply.redirect('/', 303);
    } catch (err) {
      if (err instanceof service.AccountError) return reply.render('accounts/views/invitation.njk', { title: 'Set your password', invitation: inv, token, errors: { [err.field]: err.message } }, 400);
      throw err;
    }
  });

  app.get('/admin/users', { config: { permission: 'users:manage' } }, async (_request, reply) => {
    const users = await q.listUsers(db);
    return reply.render('accounts/views/users.njk', { title: 'Users', users: users.map((u) => ({ ...u, roleLabel: ROLE_LABELS[u.role as Role] ?? u.role })) });
  });
  app.get('/admin/users/invite', { config: { permission: 'users:manage' } }, async (_request, reply) =>
    reply.render('accounts/views/invite.njk', { title: 'Invite a user', values: {}, roles: roleItems() }),
  );
  app.post('/admin/users/invite', { config: { permission: 'users:manage' } }, async (request, reply) => {
    const body = request.body as Record<string, unknown>;
    const form = parseForm(inviteSchema, body);
    const render = (errors: Record<string, string>) =>
      reply.render('accounts/views/invite.njk', { title: 'Invite a user', errors, values: formValues(body), roles: roleItems(String(body.role ?? '')) }, 400);
    if (!form.ok) return render(form.errors);
    try {
      const { token } = await service.inviteUser(db, actorOf(request), form.value);
      const base = ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
      return reply.render('accounts/views/invited.njk', { title: 'User invited', name: form.value.name, link: `${base}/invitation/${token}` });
    } catch (err) {
      if (err instanceof service.AccountError) return render({ [err.field]: err.message });
      throw err;
    }
  });
  app.get('/admin/users/:id', { config: { permission: 'users:manage' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!z.uuid().safeParse(id).success) return reply.notFound();
    const user = await q.findUser(db, id);
    if (!user) return reply.notFound();
    return reply.render('accounts/views/user.njk', { title: `Edit ${user.name}`, user, values: { name: user.name, role: user.role, active: user.active ? 'yes' : 'no', version: user.version }, roles: roleItems(user.role) });
  });
  app.post('/admin/users/:id', { config: { permission: 'users:manage' } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!z.uuid().safeParse(id).success) return reply.notFound();
    const user = await q.findUser(db, id);
    if (!user) return reply.notFound();
    const body = request.body as Record<string, unknown>;
    const form = parseForm(editSchema, body);
    const render = (errors: Record<string, string>, status = 400, current = user) =>
      reply.render('accounts/views/user.njk', { title: `Edit ${current.name}`, user: current, errors, values: { ...formValues(body), version: current.version }, roles: roleItems(String(body.role ?? '')) }, status);
    if (!form.ok) return render(form.errors);
    try {
      await service.updateUser(db, actorOf(request), id, form.value.version, { name: form.value.name, role: form.value.role, active: form.value.active === 'yes' });
    } catch (err) {
      if (err instanceof service.VersionConflictError) return render({ name: err.message }, 409, (await q.findUser(db, id))!);
      if (err instanceof service.AccountError) return render({ [err.field]: err.message });
      throw err;
    }
    return reply.redirect('/admin/users', 303);
  });

  app.get('/admin/audit', { config: { permission: 'audit:read' } }, async (request, reply) => {
    const query = z.object({ entity: z.string().max(100).optional(), page: z.coerce.number().int().min(1).default(1) }).safeParse(request.query);
    const { entity, page } = query.success ? query.data : { entity: undefined, page: 1 };
    const perPage = 50;
    const [events, total, entities] = await Promise.all([
      q.listAudit(db, { entity: entity || undefined, limit: perPage, offset: (page - 1) * perPage }),
      q.countAudit(db, entity || undefined),
      q.auditEntities(db),
    ]);
    const pages = Math.max(1, Math.ceil(total / perPage));
    return reply.render('accounts/views/audit.njk', {
      title: 'Audit trail',
      events: events.map((e) => ({ ...e, changesText: JSON.stringify(e.changes, null, 1) })),
      entities,
      entity: entity ?? '',
      page,
      pages,
      total,
    });
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Starts a session for a user who has proved who they are (password or single sign-on). */
    startSession(request: FastifyRequest, reply: FastifyReply, userId: string, via: 'password' | 'oidc'): Promise<void>;
  }
}
