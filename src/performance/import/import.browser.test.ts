import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { BrowserSession, checkAccessibility } from '../../platform/testing/browser.js';
import { lastCompleteYear } from '../store/demo.js';
import { runSynth } from '../synth/index.js';

/**
 * Issue 5's journey in Chromium, as the performance analyst: upload a return with an error, read the
 * error summary that points at the file and row, fix the file, import, and see the dashboard change.
 * Every page is checked with axe.
 */
describe('importing an SSDA903 return from the web', () => {
  let s: BrowserSession;
  let dir: string;
  let year: number;
  let files: string[];

  before(async () => {
    s = await BrowserSession.start();
    year = lastCompleteYear(new Date());
    dir = await mkdtemp(path.join(tmpdir(), 'spotlight-upload-'));
    // A different synthetic authority's return for the latest year: importing it changes the figures.
    await runSynth({ children: 400, years: 1, seed: 4242, out: dir, lastYear: year });
    const yearDir = path.join(dir, String(year));
    files = (await readdir(yearDir)).filter((f) => f.endsWith('.csv')).map((f) => path.join(yearDir, f));
  });
  after(async () => {
    await s?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function tileValue(page: Page, title: string): Promise<string> {
    await s.visit(page, '/performance');
    const card = page.locator('.govuk-summary-card', { has: page.getByRole('link', { name: title, exact: true }) });
    return (await card.locator('.govuk-heading-l').innerText()).trim();
  }

  async function upload(page: Page) {
    await s.visit(page, '/performance/import');
    await page.getByLabel('Collection year').selectOption({ value: String(year) });
    await page.getByLabel('CSV files').setInputFiles(files);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Import the return' }).click()]);
    await page.waitForLoadState('load');
    await checkAccessibility(page);
  }

  it('refuses a return with an error, pointing at the row, then imports the corrected one and the dashboard changes', async () => {
    const analyst = await s.signInAs('analyst');
    const before = await tileValue(analyst, 'Children looked after at 31 March');

    // Blank the CHILD of the second data row (line 3) of the episodes file.
    const episodes = files.find((f) => path.basename(f) === 'episodes.csv')!;
    const good = await readFile(episodes, 'utf8');
    const lines = good.split(/\r?\n/);
    lines[2] = lines[2]!.replace(/^[^,]*/, '');
    await writeFile(episodes, lines.join('\n'));

    await upload(analyst);
    const summary = analyst.locator('.govuk-error-summary');
    assert.equal(await summary.count(), 1, 'the GOV.UK error summary is shown');
    const text = await summary.innerText();
    assert.match(text, /episodes\.csv/);
    assert.match(text, /line 3\b|row 3\b|:3\b/i);
    assert.match(text, /CHILD/);
    assert.equal(await tileValue(analyst, 'Children looked after at 31 March'), before, 'nothing of a refused return is stored');

    await writeFile(episodes, good);
    await upload(analyst);
    assert.match(new URL(analyst.url()).pathname, /^\/performance\/imports\/\d+$/);
    assert.equal(await analyst.locator('.govuk-error-summary').count(), 0);

    const afterValue = await tileValue(analyst, 'Children looked after at 31 March');
    assert.notEqual(afterValue, before, `the dashboard changed (${before} → ${afterValue})`);
    // Members see the same page, aggregated and suppressed, and never the upload.
    const member = await s.signInAs('member');
    await s.visit(member, '/performance');
    await s.visit(member, '/performance/import', 403);
  });
});
