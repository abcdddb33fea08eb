import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROLES } from '../auth/roles.js';
import { can, type Permission } from '../auth/permissions.js';
import { Agent, testApp, type TestApp } from '../testing/app.js';

describe('the web app (foundation)', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  test('health reports the database and version', async () => {
    const res = await t.app.inject('/health');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().database.status, 'UP');
    assert.equal(res.json().database.kind, t.ctx.database.kind);
  });

  test('every page carries the security headers and a CSP nonce for the one inline script', async () => {
    const res = await t.app.inject('/');
    const csp = String(res.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce);
    assert.ok(res.body.includes(`<script nonce="${nonce}">`));
    assert.equal(res.headers['x-frame-options'], 'DENY');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  test('the council brand: service name, authority name, no crown, no GOV.UK logotype, no GDS Transport', async () => {
    const res = await t.app.inject('/');
    assert.match(res.body, /Spotlight/);
    assert.match(res.body, /Example Borough Council/);
    assert.doesNotMatch(res.body, /govuk-logo|govuk-crest|GOV\.UK<|crown/i);
    const css = await t.app.inject('/static/spotlight.css');
    assert.equal(css.statusCode, 200);
    assert.doesNotMatch(css.body, /GDS Transport/);
    assert.match(css.body, /font-family:arial,sans-serif/);
    assert.equal((await t.app.inject('/assets/images/govuk-crest.svg')).statusCode, 404);
    assert.equal((await t.app.inject('/static/govuk/govuk-frontend.min.js')).statusCode, 200);
  });

  test('an unknown route gives the 404 page in the layout', async () => {
    const res = await t.app.inject('/no-such-page');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /Page not found/);
    assert.match(res.body, /govuk-service-navigation/);
  });

  test('every route declares a permission; each role gets exactly what the matrix allows', async () => {
    const pages = t.app.routePermissions.filter((r) => r.method === 'GET' && !r.url.includes(':') && !r.url.includes('*') && r.permission !== 'public');
    assert.ok(pages.length >= 5, 'the walk covers the signed-in pages');
    for (const role of ROLES) {
      const agent = await new Agent(t.app).signInAs(role);
      for (const page of pages) {
        const res = await agent.get(page.url);
        const allowed = can(role, page.permission as Permission);
        assert.equal(res.statusCode, allowed ? 200 : 403, `${role} GET ${page.url} (${page.permission})`);
        if (!allowed) assert.match(res.body, /You do not have permission/);
      }
    }
    const anonymous = new Agent(t.app);
    for (const page of pages) {
      const res = await anonymous.get(page.url);
      if (can('public', page.permission as Permission)) {
        assert.equal(res.statusCode, 200, `anonymous GET ${page.url} (${page.permission})`);
        continue;
      }
      assert.equal(res.statusCode, 302, `anonymous GET ${page.url}`);
      assert.equal(res.headers.location, `/sign-in?next=${encodeURIComponent(page.url)}`);
    }
  });

  test('the navigation shows only what the role may open', async () => {
    const member = await new Agent(t.app).signInAs('member');
    const body = (await member.get('/')).body;
    assert.match(body, /href="\/strategy"/);
    assert.doesNotMatch(body, /href="\/admin\/users"/);
    const admin = await new Agent(t.app).signInAs('admin');
    assert.match((await admin.get('/')).body, /href="\/admin\/users"/);
  });
});

describe('an unexpected error', () => {
  test('gives the 500 page, logs the stack trace as JSON, and never shows it', async () => {
    const lines: string[] = [];
    const t = await testApp();
    // A capability-free route that fails, added through the same Fastify instance before it is ready is
    // not possible once built, so build a second app whose logger we capture.
    const { createApp } = await import('./app.js');
    const pino = (await import('pino')).default;
    const logger = pino({ level: 'error' }, { write: (s: string) => lines.push(s) });
    const app = await createApp({ ...t.ctx, logger }, [
      { name: 'boom', routes: (a) => void a.get('/boom', { config: { permission: 'public' } }, async () => { throw new Error('kaboom secret detail'); }) },
    ]);
    try {
      const res = await app.inject('/boom');
      assert.equal(res.statusCode, 500);
      assert.match(res.body, /Sorry, there is a problem with the service/);
      assert.doesNotMatch(res.body, /kaboom|at .*\.ts/);
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
      assert.ok(logged, 'the error was logged');
      assert.match(logged.err.stack, /kaboom secret detail/);
    } finally {
      await app.close();
      await t.close();
    }
  });
});
