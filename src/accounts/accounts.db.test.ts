import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Agent, DEMO_PASSWORD, testApp, type TestApp } from '../platform/testing/app.js';
import { DEMO_PEOPLE } from '../demo.js';
import { addUser } from './service.js';
import { SYSTEM_ACTOR } from '../platform/audit.js';

describe('accounts', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  test('the sign-in form is labelled as GOV.UK services label it', async () => {
    const res = await new Agent(t.app).get('/sign-in');
    assert.match(res.body, /<label class="govuk-label" for="email">\s*Email address\s*<\/label>/);
    assert.match(res.body, /<label class="govuk-label" for="password">\s*Password\s*<\/label>/);
    assert.match(res.body, /<button[^>]*>\s*Sign in\s*<\/button>/);
  });

  test('signing in sets an HttpOnly, SameSite=Lax session cookie; signing out ends the session', async () => {
    const agent = new Agent(t.app);
    await agent.get('/sign-in');
    const res = await agent.post('/sign-in', { email: DEMO_PEOPLE.chair.email, password: DEMO_PASSWORD, next: '/strategy' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/strategy');
    const cookie = res.cookies.find((c) => c.name === 'spotlight_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal((await agent.get('/strategy')).statusCode, 200);
    const rows = await t.ctx.db.selectFrom('user_session').selectAll().execute();
    assert.ok(rows.every((r) => r.id_hash !== cookie.value), 'only a hash of the token is stored');
    await agent.post('/sign-out', {});
    assert.equal((await agent.get('/strategy')).statusCode, 302);
  });

  test('a wrong password re-renders the form with the error summary and keeps the email typed', async () => {
    const agent = new Agent(t.app);
    const res = await agent.post('/sign-in', { email: DEMO_PEOPLE.member.email, password: 'wrong' });
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /govuk-error-summary/);
    assert.match(res.body, /Enter a correct email address and password/);
    assert.match(res.body, new RegExp(`value="${DEMO_PEOPLE.member.email}"`));
  });

  test('missing fields are named in the error summary and linked to the field', async () => {
    const res = await new Agent(t.app).post('/sign-in', { email: '', password: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#email">Enter an email address/);
    assert.match(res.body, /href="#password">Enter your password/);
    assert.match(res.body, /<title>Error: /);
  });

  test('the next parameter never redirects off the site', async () => {
    const res = await new Agent(t.app).post('/sign-in', { email: DEMO_PEOPLE.officer.email, password: DEMO_PASSWORD, next: '//evil.example.com/' });
    assert.equal(res.headers.location, '/');
  });

  test('a form without a valid CSRF token is refused with 403', async () => {
    const agent = new Agent(t.app);
    await agent.get('/sign-in');
    const res = await agent.post('/sign-in', { email: DEMO_PEOPLE.chair.email, password: DEMO_PASSWORD }, { csrf: false });
    assert.equal(res.statusCode, 403);
    const forged = await t.app.inject({ method: 'POST', url: '/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'spotlight_csrf=' + 'a'.repeat(43) }, payload: `_csrf=${'b'.repeat(43)}&email=x&password=y` });
    assert.equal(forged.statusCode, 403);
  });

  test('sign-in attempts are rate-limited per email address', async () => {
    const agent = new Agent(t.app);
    const email = DEMO_PEOPLE.partner.email;
    for (let i = 0; i < 5; i++) assert.equal((await agent.post('/sign-in', { email, password: 'wrong-' + i })).statusCode, 401);
    const limited = await agent.post('/sign-in', { email, password: DEMO_PASSWORD });
    assert.equal(limited.statusCode, 429, 'even the right password is refused while limited');
    assert.match(limited.body, /Too many attempts to sign in/);
  });

  test('an administrator invites a user, who sets a password and signs in with the role given', async () => {
    const admin = await new Agent(t.app).signInAs('admin');
    const bad = await admin.post('/admin/users/invite', { name: '', email: 'not-an-email', role: 'wizard' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Enter a name/);
    assert.match(bad.body, /Enter an email address in the correct format/);
    assert.match(bad.body, /Select a role/);
    assert.match(bad.body, /value="not-an-email"/);
    const res = await admin.post('/admin/users/invite', { name: 'Kim Patel', email: 'kim.patel@example.gov.uk', role: 'officer' });
    assert.equal(res.statusCode, 200);
    const link = /<code id="invitation-link">[^<]*(\/invitation\/[A-Za-z0-9_-]+)<\/code>/.exec(res.body)![1]!;
    const kim = new Agent(t.app);
    assert.equal((await kim.get(link)).statusCode, 200);
    assert.equal((await kim.post(link, { password: 'short', confirm: 'short' })).statusCode, 400);
    const done = await kim.post(link, { password: 'a-long-enough-password', confirm: 'a-long-enough-password' });
    assert.equal(done.statusCode, 303);
    assert.match((await kim.get('/')).body, /Kim Patel/);
    assert.equal((await new Agent(t.app).get(link)).statusCode, 410, 'the link works once');
  });

  test('two administrators editing one user: the second save is refused, not silently applied', async () => {
    const { id } = await addUser(t.ctx.db, SYSTEM_ACTOR, { email: 'lee@example.gov.uk', name: 'Lee', role: 'member', password: 'a-long-enough-password' });
    const a = await new Agent(t.app).signInAs('admin');
    const page = await a.get(`/admin/users/${id}`);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    assert.equal((await a.post(`/admin/users/${id}`, { name: 'Lee', role: 'chair', active: 'yes', version })).statusCode, 303);
    const stale = await a.post(`/admin/users/${id}`, { name: 'Lee Jones', role: 'officer', active: 'yes', version });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this user/);
    assert.match(stale.body, /value="Lee Jones"/, 'what they typed is kept');
    const row = await t.ctx.db.selectFrom('app_user').select(['role', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { role: 'chair', name: 'Lee' });
  });

  test('every change is in the audit trail, which administrators read and nobody can edit', async () => {
    const { id } = await addUser(t.ctx.db, SYSTEM_ACTOR, { email: 'audit.me@example.gov.uk', name: 'Audit Me', role: 'member', password: 'a-long-enough-password' });
    const a = await new Agent(t.app).signInAs('admin');
    const v = /name="version" value="(\d+)"/.exec((await a.get(`/admin/users/${id}`)).body)![1]!;
    await a.post(`/admin/users/${id}`, { name: 'Audit Me', role: 'partner', active: 'yes', version: v });
    const events = await t.ctx.db.selectFrom('audit_event').selectAll().where('entity', '=', 'user').where('entity_id', '=', id).orderBy('at').execute();
    assert.deepEqual(events.map((e) => e.action), ['create', 'update']);
    assert.deepEqual(events[1]!.changes, { role: { from: 'member', to: 'partner' } });
    assert.equal(events[1]!.actor_label, DEMO_PEOPLE.admin.email);
    const page = await a.get('/admin/audit?entity=user');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /partner/);
    await assert.rejects(sql`update audit_event set actor_label = 'someone else'`.execute(t.ctx.db), /cannot be changed/);
    await assert.rejects(sql`delete from audit_event`.execute(t.ctx.db), /cannot be changed/);
    assert.equal((await (await new Agent(t.app).signInAs('chair')).get('/admin/audit')).statusCode, 403);
  });
});
