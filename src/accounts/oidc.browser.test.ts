import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import Provider from 'oidc-provider';
import { DEMO_PEOPLE } from '../demo.js';
import { CHROMIUM, checkAccessibility } from '../platform/testing/browser.js';
import { testApp, type TestApp } from '../platform/testing/app.js';
import { emailFromClaims } from './oidc.js';

/** A free local port, so the provider and Spotlight know each other's addresses before they start. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('single sign-on with OpenID Connect, against a real provider (oidc-provider)', () => {
  let provider: Server;
  let t: TestApp;
  let browser: Browser;
  let appUrl: string;

  before(async () => {
    const [opPort, appPort] = [await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${opPort}`;
    appUrl = `http://127.0.0.1:${appPort}`;
    const redirectUri = `${appUrl}/sign-in/oidc/callback`;
    // The provider's development login page accepts any login; the login given becomes the subject,
    // and the account's email claim is that login (Entra sends the address as preferred_username too).
    const op = new Provider(issuer, {
      clients: [{ client_id: 'spotlight', client_secret: 'a-test-secret-of-enough-length', redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username'] },
      findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub, email: sub, email_verified: true, preferred_username: sub }) }),
      features: { devInteractions: { enabled: true } },
      pkce: { required: () => true },
    });
    provider = createServer(op.callback());
    await new Promise<void>((r) => provider.listen(opPort, '127.0.0.1', r));

    t = await testApp({ env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'spotlight', OIDC_CLIENT_SECRET: 'a-test-secret-of-enough-length', OIDC_REDIRECT_URI: redirectUri, OIDC_DISPLAY_NAME: 'Example Council account' } });
    await t.app.listen({ port: appPort, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
    await new Promise<void>((r) => (provider ? provider.close(() => r()) : r()));
  });

  async function signInAtProvider(page: Page, login: string) {
    await page.goto(`${appUrl}/sign-in?next=%2Fstrategy`);
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Sign in with Example Council account' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState('load');
  }

  it('signs in a known user (matched by email, any case) and returns them where they were going', async () => {
    const page = await (await browser.newContext()).newPage();
    await signInAtProvider(page, DEMO_PEOPLE.member.email.toUpperCase());
    assert.equal(new URL(page.url()).pathname, "/strategy", await page.locator("body").innerText());
    await checkAccessibility(page);
    assert.match(await page.locator('body').innerText(), new RegExp(DEMO_PEOPLE.member.name));
    const session = await t.ctx.db.selectFrom('user_session').innerJoin('app_user', 'app_user.id', 'user_session.user_id').select(['via', 'email']).where('via', '=', 'oidc').execute();
    assert.deepEqual(session.map((s) => s.email), [DEMO_PEOPLE.member.email]);
  });

  it('refuses a provider account that has no Spotlight account, saying what to do, and creates none', async () => {
    const before = await t.ctx.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const page = await (await browser.newContext()).newPage();
    await signInAtProvider(page, 'stranger@elsewhere.example');
    await checkAccessibility(page);
    const text = await page.locator('main').innerText();
    assert.match(text, /You do not have a Spotlight account/);
    assert.match(text, /stranger@elsewhere\.example/);
    assert.match(text, /Ask democratic services to invite you/);
    const res = await page.goto(`${appUrl}/strategy`);
    assert.equal(new URL(res!.url()).pathname, '/sign-in', 'not signed in');
    const afterCount = await t.ctx.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });

  it('refuses a callback without the flow started in this browser', async () => {
    const page = await (await browser.newContext()).newPage();
    const res = await page.goto(`${appUrl}/sign-in/oidc/callback?code=forged&state=forged`);
    assert.equal(res?.status(), 400);
    assert.match(await page.locator('main').innerText(), /Your sign-in has expired/);
  });

  it('reads the email from email, preferred_username or upn claims', () => {
    assert.equal(emailFromClaims({ email: 'A@B.gov.uk' }), 'a@b.gov.uk');
    assert.equal(emailFromClaims({ preferred_username: 'x@y.gov.uk' }), 'x@y.gov.uk');
    assert.equal(emailFromClaims({ upn: 'u@y.gov.uk', preferred_username: 'not-an-email' }), 'u@y.gov.uk');
    assert.equal(emailFromClaims({ sub: 'abc' }), undefined);
  });
});
