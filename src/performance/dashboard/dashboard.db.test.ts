import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { addUser } from '../../accounts/service.js';
import { SYSTEM_ACTOR } from '../../platform/audit.js';
import { Agent, testApp, type TestApp } from '../../platform/testing/app.js';
import { INDICATORS } from './contract.js';

/**
 * The dashboard against a real database built by the real app, with the demo authority (its SSDA903
 * returns are imported through the store's import path, and the measures demo seeds the catalogue).
 */
describe('performance dashboard', () => {
  let t: TestApp;
  let member: Agent;
  let analyst: Agent;
  let officer: Agent;
  before(async () => {
    t = await testApp();
    member = await new Agent(t.app).signInAs('member');
    analyst = await new Agent(t.app).signInAs('analyst');
    officer = await new Agent(t.app).signInAs('officer');
  });
  after(async () => {
    await t?.close();
  });

  test('no page shows a CHILD identifier from the imported data, to members or analysts', async () => {
    const ids = new Set((await sql<{ child: string }>`select distinct child from perf_header`.execute(t.ctx.db)).rows.map((r) => r.child));
    assert.ok(ids.size > 100, 'the demo imported children');
    const years = (await sql<{ year: number }>`select distinct year from perf_indicator_value order by year`.execute(t.ctx.db)).rows.map((r) => Number(r.year));
    assert.ok(years.length >= 2, 'figures were computed for several years');
    const measures = (await sql<{ key: string }>`select key from perf_measure`.execute(t.ctx.db)).rows.map((r) => r.key);
    const pages = [
      '/performance',
      '/performance/measures',
      ...INDICATORS.map((i) => `/performance/indicators/${i.key}`),
      ...years.map((y) => `/performance/indicators/cla-31-march?year=${y}`),
      ...measures.map((k) => `/performance/measures/${k}`),
      ...INDICATORS.map((i) => `/performance/indicators/${i.key}?format=csv&table=figures`),
    ];
    for (const agent of [member, analyst]) {
      for (const url of pages) {
        const res = await agent.get(url);
        if (url.includes('format=csv') && res.statusCode === 404) continue; // an indicator with no figures table
        assert.equal(res.statusCode, 200, url);
        const found = [...res.body.matchAll(/(?<![A-Za-z0-9])\d{7}(?![A-Za-z0-9])/g)].map((m) => m[0]).filter((s) => ids.has(s));
        assert.deepEqual(found, [], `${url} shows CHILD identifiers`);
      }
    }
    const home = await member.get('/performance');
    assert.match(home.body, /Sufficient and stable placements/);
    assert.match(home.body, /Approved foster carer households/);
    assert.match(home.body, /app-sparkline/);
    const ind = await member.get('/performance/indicators/three-placements');
    assert.match(ind.body, /role="img" aria-label="Line chart/);
    assert.match(ind.body, /<svg/);
    assert.match(ind.body, /Placement moves rose/); // commentary
  });

  test('small numbers are suppressed for members and exact for analysts, in HTML, CSV and Excel', async () => {
    await sql`delete from perf_indicator_value`.execute(t.ctx.db);
    const rows: [number, number, string, number | null][] = [
      [2024, 1, 'count', 38], [2025, 1, 'count', 40], [2025, 1, 'sex:M', 37], [2025, 1, 'sex:F', 3],
      [2024, 6, 'count', 7], [2024, 6, 'denominator', 38], [2025, 6, 'count', 3], [2025, 6, 'denominator', 40],
      [2024, 21, 'count', 9], [2025, 21, 'count', 4],
    ];
    for (const [year, indicator, measure, value] of rows) {
      await sql`insert into perf_indicator_value (year, indicator, measure, value, computed_at) values (${year}, ${indicator}, ${measure}, ${value}, now())`.execute(t.ctx.db);
    }
    // HTML: the uasc figure for 2024-25 is 4
    const cell = (html: string, rowHeader: string) => new RegExp(`<th scope="row" class="govuk-table__header">${rowHeader}</th>\\s*<td class="govuk-table__cell govuk-table__cell--numeric">([^<]*)</td>`).exec(html)?.[1];
    const m = await member.get('/performance/indicators/uasc');
    const a = await analyst.get('/performance/indicators/uasc');
    assert.equal(cell(m.body, '2024-25'), 'c');
    assert.equal(cell(a.body, '2024-25'), '4');
    assert.equal(cell(m.body, '2023-24'), '9');
    // a percentage whose numerator is small; and secondary suppression in a breakdown with its total
    assert.equal(cell((await member.get('/performance/indicators/three-placements')).body, '2024-25'), 'c');
    assert.equal(cell((await analyst.get('/performance/indicators/three-placements')).body, '2024-25'), '8%');
    const mb = (await member.get('/performance/indicators/cla-31-march')).body;
    assert.equal(cell(mb, 'Female'), 'c');
    assert.equal(cell(mb, 'Male'), 'c');
    assert.equal(cell(mb, 'Total'), '40');
    const ab = (await analyst.get('/performance/indicators/cla-31-march')).body;
    assert.equal(cell(ab, 'Female'), '3');
    assert.equal(cell(ab, 'Male'), '37');
    // tiles
    const tiles = (await member.get('/performance')).body;
    assert.doesNotMatch(tiles, /Data quality/);
    assert.match((await analyst.get('/performance')).body, /You see exact figures/);
    // CSV
    const mc = await member.get('/performance/indicators/uasc?format=csv&table=by-year');
    assert.equal(mc.statusCode, 200);
    assert.match(mc.headers['content-type'] as string, /text\/csv/);
    assert.match(mc.body, /^2024-25,c,/m);
    assert.match((await analyst.get('/performance/indicators/uasc?format=csv&table=by-year')).body, /^2024-25,4,/m);
    assert.match((await member.get('/performance/indicators/cla-31-march?format=csv&table=breakdown-sex')).body, /^Female,c$/m);
    // Excel
    const sheetValue = async (agent: Agent) => {
      const res = await t.app.inject({ method: 'GET', url: '/performance/indicators/uasc?format=xlsx&table=by-year', headers: { cookie: (agent as unknown as { cookieHeader(): string }).cookieHeader() } });
      assert.equal(res.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      let found: unknown;
      ws.eachRow((row) => {
        if (row.getCell(1).value === '2024-25') found = row.getCell(2).value;
      });
      return found;
    };
    assert.equal(await sheetValue(member), 'c');
    assert.equal(await sheetValue(analyst), 4);
  });

  test('a measures CSV with one bad row is refused whole, naming the line and field', async () => {
    const before = (await sql<{ n: number }>`select count(*)::int as n from perf_measure_value`.execute(t.ctx.db)).rows[0]!.n;
    const res = await analyst.post('/performance/measures/import', { csv: 'measure,period,value\nfostering-enquiries,2030-01,18\nfostering-enquiries,2030-02,many\nchildren-in-need,2030-13,5\n' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Line 3, value/);
    assert.match(res.body, /Nothing was saved/);
    assert.match(res.body, /“2030-13” is not a monthly period/);
    const afterCount = (await sql<{ n: number }>`select count(*)::int as n from perf_measure_value`.execute(t.ctx.db)).rows[0]!.n;
    assert.equal(afterCount, before);
    const ok = await analyst.post('/performance/measures/import', { csv: 'measure,period,value\nfostering-enquiries,2030-01,18\nfostering-enquiries,2030-02,21\n' });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Imported 2 rows/);
    const saved = (await sql<{ value: string }>`select value::text as value from perf_measure_value where measure_key = 'fostering-enquiries' and period = '2030-02'`.execute(t.ctx.db)).rows[0];
    assert.equal(Number(saved?.value), 21);
    // members may not import or add measures
    assert.equal((await member.post('/performance/measures/import', { csv: 'measure,period,value\nfostering-enquiries,2030-03,1\n' })).statusCode, 403);
    assert.equal((await member.get('/performance/measures/new')).statusCode, 403);
  });

  test('adding a measure and a value; targets give a RAG on the measure page', async () => {
    const bad = await officer.post('/performance/measures/new', { key: 'Bad Key', name: '', definition: '', unit: 'count' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Enter the name of the measure/);
    assert.match(bad.body, /value="Bad Key"/);
    const ok = await officer.post('/performance/measures/new', { key: 'care-leaver-apprenticeships', name: 'Care leavers in apprenticeships', definition: 'Care leavers on a council apprenticeship.', unit: 'count', polarity: 'higher', frequency: 'quarterly', priority: 'education-employment-health-wellbeing' });
    assert.equal(ok.statusCode, 303);
    const badValue = await officer.post('/performance/measures/care-leaver-apprenticeships/values', { period: '2025-10', value: '12' });
    assert.equal(badValue.statusCode, 400);
    assert.match(badValue.body, /YYYY-Qn/);
    assert.equal((await officer.post('/performance/measures/care-leaver-apprenticeships/values', { period: '2025-Q2', value: '10' })).statusCode, 303);
    assert.equal((await officer.post('/performance/measures/care-leaver-apprenticeships/values', { period: '2025-Q3', value: '12' })).statusCode, 303);
    assert.equal((await officer.post('/performance/targets/care-leaver-apprenticeships', { period: '2025-Q3', target: '14', tolerance: '3' })).statusCode, 303);
    assert.equal((await officer.post('/performance/comparators/care-leaver-apprenticeships', { period: '2025-Q3', kind: 'region', value: '9' })).statusCode, 303);
    const page = (await member.get('/performance/measures/care-leaver-apprenticeships')).body;
    assert.match(page, /Amber: within tolerance of target/);
    const home = (await member.get('/performance')).body;
    assert.match(home, /↑ Up from 10 in April to June 2025 \(better\)/);
  });

  test('commentary saved on a stale page is refused with 409 and the text kept', async () => {
    const url = '/performance/commentary/health-assessment?period=2019-20';
    const form = await analyst.get(url);
    assert.equal(form.statusCode, 200);
    assert.equal((await officer.post('/performance/commentary/health-assessment', { period: '2019-20', text: 'First view from the officer.', version: '' })).statusCode, 303);
    const stale = await analyst.post('/performance/commentary/health-assessment', { period: '2019-20', text: 'My analysis of the dip.', version: '' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this commentary/);
    assert.match(stale.body, /My analysis of the dip\./);
    assert.match(stale.body, /First view from the officer\./);
    const stored = (await sql<{ text: string; version: number }>`select text, version from perf_commentary where subject = 'health-assessment' and period = '2019-20'`.execute(t.ctx.db)).rows[0]!;
    assert.equal(stored.text, 'First view from the officer.');
    // saving again from the conflict page (now carrying the latest version) succeeds
    assert.equal((await analyst.post('/performance/commentary/health-assessment', { period: '2019-20', text: 'My analysis of the dip.', version: String(stored.version) })).statusCode, 303);
  });

  test('a page served from its kept layout is the page rendered afresh, with its own nonce', async () => {
    // a user of their own, so that the first request of each page renders it the ordinary way
    await addUser(t.ctx.db, SYSTEM_ACTOR, { email: 'kept.layout@example.gov.uk', name: 'Kit Layout', role: 'member', password: 'a-long-enough-password' });
    const kit = new Agent(t.app);
    assert.equal((await kit.post('/sign-in', { email: 'kept.layout@example.gov.uk', password: 'a-long-enough-password' })).statusCode, 303);
    const nonceOf = (res: Awaited<ReturnType<Agent['get']>>) => /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))![1]!;
    for (const page of ['/performance', '/performance/indicators/three-placements', '/performance/measures/fostering-enquiries']) {
      const first = await kit.get(page);
      const kept = await kit.get(page);
      assert.equal(kept.statusCode, 200);
      assert.notEqual(nonceOf(kept), nonceOf(first));
      assert.match(kept.body, new RegExp(`<script nonce="${nonceOf(kept).replace(/[+/]/g, '\\$&')}">`), 'the nonce of its own CSP header');
      assert.equal(kept.body.replace(nonceOf(kept), nonceOf(first)), first.body, page);
      assert.match(kept.body, new RegExp(`name="_csrf" value="${kit.csrf}"`));
      assert.match(kept.body, /Signed in as Kit Layout/);
    }
  });
});
