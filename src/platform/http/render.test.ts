import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import nunjucks from 'nunjucks';
import { setUpCsrf } from './csrf.js';
import { KeptBody, setUpRendering } from './render.js';
import { setUpWebSecurity } from './security.js';
import type { CurrentUser } from './types.js';

/**
 * `reply.renderKept` serves a kept layout with the nonce, the token and the body spliced in. Whatever it
 * keeps, each page must be byte for byte the page the template renders for that request.
 */
describe('kept layouts', () => {
  let dir: string;
  let env: nunjucks.Environment;
  let app: FastifyInstance;
  let authority = 'Example Borough Council';
  // not only ASCII: the body's bytes are made once, the layout's text separately
  const body = new KeptBody('<p>Placements – 12 ≥ 10, “stable”</p>');
  const user = (name: string): CurrentUser => ({ id: name, email: `${name}@example.gov.uk`, name, role: 'member', roleLabel: 'Member (councillor)', mustChangePassword: false });

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'spotlight-render-'));
    writeFileSync(path.join(dir, 'plain.njk'),
      '<title>{{ title }} – {{ authorityName }}</title><script nonce="{{ cspNonce }}"></script>' +
      '{% if currentUser %}<p>Signed in as {{ currentUser.name }}</p><form><input name="_csrf" value="{{ csrfToken }}"></form>{% endif %}' +
      '<main>{{ body | safe }}</main><footer nonce="{{ cspNonce }}">{{ currentPath }}</footer>');
    // a template that does not print the token as it is: its layout fails the check and is never kept
    writeFileSync(path.join(dir, 'shout.njk'), '<p>{{ csrfToken | upper }}</p><script nonce="{{ cspNonce }}"></script>{{ body | safe }}');
    env = new nunjucks.Environment(new nunjucks.FileSystemLoader(dir), { autoescape: true });
    app = Fastify();
    await app.register(cookie);
    setUpWebSecurity(app);
    app.decorateRequest('user', null);
    app.addHook('onRequest', async (request) => {
      const name = request.headers['x-user'];
      request.user = typeof name === 'string' ? user(name) : null;
    });
    setUpCsrf(app);
    setUpRendering(app, { env, nav: [], cssHash: 'h', authorityName: () => authority });
    app.get('/kept/:template', async (request, reply) =>
      reply.renderKept(`${(request.params as { template: string }).template}.njk`, { title: 'Performance' }, body));
    await app.ready();
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A request, and the page the template renders for it (with its own nonce and CSRF token). */
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'GET', url, headers });
    const nonce = /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))![1]!;
    const csrf = res.cookies.find((c) => c.name === 'spotlight_csrf')?.value ?? /spotlight_csrf=([^;]+)/.exec(headers.cookie ?? '')?.[1] ?? '';
    const name = headers['x-user'];
    const expected = env.render(`${url.split('/')[2]!.split('?')[0]}.njk`, {
      title: 'Performance', body: body.html, authorityName: authority, currentUser: name ? user(name) : null,
      csrfToken: csrf, cspNonce: nonce, currentPath: url,
    });
    return { res, expected, nonce };
  };

  test('each page is the one the template renders for that request, the first and every kept one after', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i++) {
      // a new visitor each time (a fresh CSRF token), then a returning one
      const headers: Record<string, string> = i % 2 ? { 'x-user': 'Priya', cookie: `spotlight_csrf=${'t'.repeat(42)}${i % 10}` } : { 'x-user': 'Priya' };
      const { res, expected, nonce } = await get('/kept/plain', headers);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(res.body, expected);
      assert.equal(res.rawPayload.length, Buffer.byteLength(expected));
      nonces.add(nonce);
    }
    assert.equal(nonces.size, 20, 'a fresh nonce every time');
  });

  test('kept apart by user, path and authority name', async () => {
    const visitors: Record<string, string>[] = [{ 'x-user': 'Priya' }, { 'x-user': 'Sam' }, {}, { 'x-user': 'Priya' }];
    for (const headers of visitors) {
      const { res, expected } = await get('/kept/plain?year=2024', headers);
      assert.equal(res.body, expected);
    }
    assert.match((await get('/kept/plain', { 'x-user': 'Sam' })).res.body, /Signed in as Sam</);
    authority = 'Another Council';
    const { res, expected } = await get('/kept/plain', { 'x-user': 'Sam' });
    assert.equal(res.body, expected);
    assert.match(res.body, /Another Council/);
  });

  test('a template that transforms the token is rendered afresh every time, never spliced', async () => {
    for (let i = 0; i < 3; i++) {
      const { res, expected } = await get('/kept/shout');
      assert.equal(res.body, expected);
    }
  });
});
