import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { addUser } from '../../accounts/service.js';
import { SYSTEM_ACTOR } from '../audit.js';
import { Agent, testApp, type TestApp } from '../testing/app.js';
import { sha256 } from './passwords.js';
import { createSession, forgetSessions, SESSION_CACHE_MS, userForSession } from './sessions.js';

/**
 * Signed-in users are kept in memory for a few seconds (sessions.ts). These tests warm that memory
 * first, then check that nothing this app does to a session or a user waits for it to lapse.
 */
describe('sessions kept in memory', () => {
  let t: TestApp;
  let n = 0;
  /** A new member who can sign in, and an agent signed in as them with two requests made (so kept). */
  const signedInMember = async (name: string) => {
    const email = `kept.${++n}@example.gov.uk`;
    const { id } = await addUser(t.ctx.db, SYSTEM_ACTOR, { email, name, role: 'member', password: 'a-long-enough-password' });
    const agent = new Agent(t.app);
    assert.equal((await agent.post('/sign-in', { email, password: 'a-long-enough-password' })).statusCode, 303);
    assert.equal((await agent.get('/performance')).statusCode, 200);
    assert.equal((await agent.get('/performance')).statusCode, 200);
    return { id, agent };
  };
  const getWith = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  /** The admin edits a user through the app, as on the user's page. */
  const edit = async (admin: Agent, id: string, changes: { name: string; role: string; active: 'yes' | 'no' }) => {
    const version = /name="version" value="(\d+)"/.exec((await admin.get(`/admin/users/${id}`)).body)![1]!;
    assert.equal((await admin.post(`/admin/users/${id}`, { ...changes, version })).statusCode, 303);
  };

  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  test('signing out ends the session at once: the cookie replayed afterwards is refused', async () => {
    const { agent } = await signedInMember('Robin Out');
    const cookie = agent.cookieHeader();
    assert.equal((await getWith(cookie, '/performance')).statusCode, 200);
    assert.equal((await agent.post('/sign-out', {})).statusCode, 303);
    const replayed = await getWith(cookie, '/performance');
    assert.equal(replayed.statusCode, 302);
    assert.match(String(replayed.headers.location), /^\/sign-in/);
  });

  test('a change of role or name applies to the next request; deactivation ends access at once', async () => {
    const admin = await new Agent(t.app).signInAs('admin');
    const { id, agent } = await signedInMember('Sam Kept');
    assert.equal((await agent.get('/admin/users')).statusCode, 403);
    assert.match((await agent.get('/performance')).body, /Signed in as Sam Kept \(Member \(councillor\)\)/);

    await edit(admin, id, { name: 'Sam Lee', role: 'admin', active: 'yes' });
    assert.equal((await agent.get('/admin/users')).statusCode, 200, 'the new role at once');
    assert.match((await agent.get('/performance')).body, /Signed in as Sam Lee \(Administrator \(democratic services\)\)/);

    await edit(admin, id, { name: 'Sam Lee', role: 'member', active: 'yes' });
    assert.equal((await agent.get('/admin/users')).statusCode, 403, 'and the old one back at once');

    const cookie = agent.cookieHeader();
    await edit(admin, id, { name: 'Sam Lee', role: 'member', active: 'no' });
    const after = await getWith(cookie, '/performance');
    assert.equal(after.statusCode, 302, 'a deactivated user is signed out');
    assert.match(String(after.headers.location), /^\/sign-in/);
  });

  test('an expired session is refused, also one that was kept until then', async () => {
    const { id } = await signedInMember('Alex Expiry');
    const soon = await createSession(t.ctx.db, id, 'password');
    const gone = await createSession(t.ctx.db, id, 'password');
    const expire = (token: string, at: number) => t.ctx.db.updateTable('user_session').set({ expires_at: new Date(at) }).where('id_hash', '=', sha256(token)).execute();
    await expire(soon, Date.now() + 400);
    await expire(gone, Date.now() - 1000);

    assert.equal((await getWith(`spotlight_session=${gone}`, '/performance')).statusCode, 302, 'expired in the database');
    assert.equal((await getWith(`spotlight_session=${soon}`, '/performance')).statusCode, 200);
    assert.equal((await getWith(`spotlight_session=${soon}`, '/performance')).statusCode, 200, 'kept');
    await sleep(500);
    assert.equal((await getWith(`spotlight_session=${soon}`, '/performance')).statusCode, 302, 'refused once expired, though kept a moment ago');
  });

  test('a change made outside the app shows within the time a session is kept; one forgotten shows at once', async () => {
    const { id } = await signedInMember('Jo First');
    const token = await createSession(t.ctx.db, id, 'password');
    const rename = (name: string) => t.ctx.db.updateTable('app_user').set({ name }).where('id', '=', id).execute();
    assert.equal((await userForSession(t.ctx.db, token))?.name, 'Jo First');

    // with SQL from outside (or from another process on the same PostgreSQL): the bound is SESSION_CACHE_MS
    await rename('Jo Second');
    assert.equal((await userForSession(t.ctx.db, token))?.name, 'Jo First', `kept for up to ${SESSION_CACHE_MS} ms`);
    forgetSessions();
    assert.equal((await userForSession(t.ctx.db, token))?.name, 'Jo Second');

    // a lookup under way when the sessions are forgotten is answered but not kept: it may have read the old row
    await rename('Jo Third');
    forgetSessions();
    const underWay = userForSession(t.ctx.db, token);
    forgetSessions();
    assert.equal((await underWay)?.name, 'Jo Third');
    await rename('Jo Fourth');
    assert.equal((await userForSession(t.ctx.db, token))?.name, 'Jo Fourth', 'the lookup under way was not kept');
  });
});
