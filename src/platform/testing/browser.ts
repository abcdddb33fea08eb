import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PEOPLE } from '../../demo.js';
import type { Role } from '../auth/roles.js';
import { DEMO_PASSWORD, testApp, type TestApp } from './app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Browser tests: the real app on a fresh database, listening on a free local port, driven by Debian's
 * Chromium through playwright-core. `visit` checks every page with axe (WCAG 2.2 A and AA): zero
 * violations, so every page a journey passes through is also an accessibility check.
 */
export class BrowserSession {
  private constructor(
    readonly t: TestApp,
    readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  static async start(opts: Parameters<typeof testApp>[0] = {}): Promise<BrowserSession> {
    const t = await testApp(opts);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    return new BrowserSession(t, browser, `http://127.0.0.1:${port}`);
  }

  async newPage(): Promise<Page> {
    const context: BrowserContext = await this.browser.newContext({ baseURL: this.baseUrl, timezoneId: 'Europe/London', locale: 'en-GB' });
    return context.newPage();
  }

  /** Opens a new page signed in as the demo person of that role. */
  async signInAs(role: Role): Promise<Page> {
    const page = await this.newPage();
    await this.visit(page, '/sign-in');
    await page.getByLabel('Email address').fill(DEMO_PEOPLE[role].email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState('load');
    await checkAccessibility(page);
    return page;
  }

  /** Goes to a path, asserts the status, and runs the axe check. */
  async visit(page: Page, path: string, expectedStatus = 200): Promise<Page> {
    const res = await page.goto(path);
    assert.equal(res?.status(), expectedStatus, `GET ${path}`);
    await checkAccessibility(page);
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.t.close();
  }
}

/** axe with the WCAG 2.2 A and AA rules: zero violations, or the test fails listing them. */
export async function checkAccessibility(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
  assert.equal(results.violations.length, 0, `axe found violations on ${page.url()}:\n  ${summary.join('\n  ')}`);
}
