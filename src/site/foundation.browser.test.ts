import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROLES } from '../platform/auth/roles.js';
import { can, type Permission } from '../platform/auth/permissions.js';
import { BrowserSession } from '../platform/testing/browser.js';

describe('the foundation in Chromium', () => {
  let b: BrowserSession;
  before(async () => {
    b = await BrowserSession.start();
  });
  after(() => b?.close());

  test('the public pages: welcome, sign in, accessibility, cookies and 404, all accessible', async () => {
    const page = await b.newPage();
    await b.visit(page, '/');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Spotlight');
    assert.ok(await page.getByText('Example Borough Council').first().isVisible());
    await page.getByRole('link', { name: 'Accessibility statement' }).click();
    await page.waitForURL('**/accessibility');
    await b.visit(page, '/cookies');
    await b.visit(page, '/sign-in');
    await b.visit(page, '/no-such-page', 404);
    assert.match(await page.title(), /Page not found/);
  });

  test('a wrong password shows the error summary, focused, with a link to the field', async () => {
    const page = await b.newPage();
    await b.visit(page, '/sign-in');
    await page.getByLabel('Email address').fill('nobody@example.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState('load');
    const summary = page.locator('.govuk-error-summary');
    assert.ok(await summary.isVisible());
    assert.match((await summary.textContent()) ?? '', /Enter a correct email address and password/);
    assert.equal(await page.getByLabel('Email address').inputValue(), 'nobody@example.gov.uk');
    const { checkAccessibility } = await import('../platform/testing/browser.js');
    await checkAccessibility(page);
  });

  for (const role of ROLES) {
    test(`${role}: signs in, sees the navigation the matrix allows, opens each page, is refused the rest`, async () => {
      const page = await b.signInAs(role);
      const nav = page.getByRole('navigation', { name: 'Main' });
      const links = await nav.getByRole('link').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).getAttribute('href')!));
      const routes = b.t.app.routePermissions.filter((r) => r.method === 'GET' && !r.url.includes(':') && r.permission !== 'public');
      for (const href of links) {
        const route = b.t.app.routePermissions.find((r) => r.method === 'GET' && r.url === href);
        assert.ok(route, `nav link ${href} is a route`);
        assert.ok(route.permission === 'public' || can(role, route.permission as Permission), `${role} is shown ${href} only if allowed`);
        await b.visit(page, href);
      }
      const refused = routes.find((r) => !can(role, r.permission as Permission));
      if (refused) {
        await b.visit(page, refused.url, 403);
        assert.ok(await page.getByRole('heading', { name: 'You do not have permission to see this page' }).isVisible());
      }
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForLoadState('load');
      assert.ok(await page.getByRole('link', { name: 'Sign in' }).first().isVisible());
    });
  }
});
