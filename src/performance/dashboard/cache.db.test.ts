import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Agent, testApp, type TestApp } from '../../platform/testing/app.js';
import { dataVersion } from './figures.js';

/**
 * The dashboard keeps each page's presented body per data version and audience. These tests warm the
 * kept pages first and then check that no audience is served another's page, and that a change to any
 * figure the pages show — made with plain SQL, not through the app, and without touching a timestamp —
 * shows on the very next request.
 */
describe('performance dashboard: kept pages', () => {
  let t: TestApp;
  let member: Agent;
  let analyst: Agent;
  let officer: Agent;
  const run = (q: ReturnType<typeof sql>) => q.execute(t.ctx.db);
  /** The numeric cell of a table row, as shown. */
  const cell = (html: string, rowHeader: string) =>
    new RegExp(`<th scope="row" class="govuk-table__header">${rowHeader}</th>\\s*<td class="govuk-table__cell govuk-table__cell--numeric">([^<]*)</td>`).exec(html)?.[1];
  /** The value on the dashboard tile that links to `href`. */
  const tile = (html: string, href: string) => {
    const at = html.indexOf(`href="${href}"`);
    assert.ok(at > 0, `a tile links to ${href}`);
    return /<p class="govuk-heading-l govuk-!-margin-bottom-2">([^<]*)<\/p>/.exec(html.slice(at))?.[1];
  };

  before(async () => {
    t = await testApp();
    member = await new Agent(t.app).signInAs('member');
    analyst = await new Agent(t.app).signInAs('analyst');
    officer = await new Agent(t.app).signInAs('officer');
    // Known small figures: unaccompanied children 9 in 2023-24 and 4 in 2024-25.
    await run(sql`delete from perf_indicator_value where indicator = 21`);
    for (const [year, value] of [[2024, 9], [2025, 4]] as const) {
      await run(sql`insert into perf_indicator_value (year, indicator, measure, value, computed_at) values (${year}, 21, 'count', ${value}, now())`);
    }
  });
  after(async () => {
    await t?.close();
  });

  test('the data version is one cheap query that moves with every committed write and not with reads', async () => {
    const v1 = await dataVersion(t.ctx.db);
    await run(sql`select count(*) from perf_indicator_value`);
    assert.equal(await dataVersion(t.ctx.db), v1, 'a read leaves it');
    await run(sql`update perf_target set tolerance = tolerance where false`);
    await run(sql`update perf_comparator set value = value + 0`);
    const v2 = await dataVersion(t.ctx.db);
    assert.notEqual(v2, v1, 'a write moves it');
    await t.ctx.db.transaction().execute(async (tx) => {
      await sql`update perf_measure set name = name`.execute(tx);
    });
    assert.notEqual(await dataVersion(t.ctx.db), v2, 'a committed transaction moves it');
  });

  test("a member is never served an analyst's kept page (exact figures), nor an analyst a member's", async () => {
    // the analyst first, so that their pages are the ones kept
    const a1 = await analyst.get('/performance/indicators/uasc');
    const m1 = await member.get('/performance/indicators/uasc');
    assert.equal(cell(a1.body, '2024-25'), '4');
    assert.equal(cell(m1.body, '2024-25'), 'c');
    assert.match(a1.body, /Data quality: the latest import/);
    assert.doesNotMatch(m1.body, /Data quality/);
    // and again, each from what is now kept
    assert.equal(cell((await member.get('/performance/indicators/uasc')).body, '2024-25'), 'c');
    assert.equal(cell((await analyst.get('/performance/indicators/uasc')).body, '2024-25'), '4');
    // the dashboard's tiles
    const ad = (await analyst.get('/performance')).body;
    const md = (await member.get('/performance')).body;
    assert.equal(tile(ad, '/performance/indicators/uasc'), '4');
    assert.equal(tile(md, '/performance/indicators/uasc'), 'c');
    assert.match(ad, /You see exact figures/);
    assert.doesNotMatch(md, /You see exact figures|Data quality/);
    assert.equal(tile((await member.get('/performance')).body, '/performance/indicators/uasc'), 'c');
    // exports, analyst first
    assert.match((await analyst.get('/performance/indicators/uasc?format=csv&table=by-year')).body, /^2024-25,4,/m);
    assert.match((await member.get('/performance/indicators/uasc?format=csv&table=by-year')).body, /^2024-25,c,/m);
    // the member's page first, then the analyst's
    await run(sql`update perf_indicator_value set value = 3 where indicator = 21 and year = 2025`);
    assert.equal(cell((await member.get('/performance/indicators/uasc')).body, '2024-25'), 'c');
    assert.equal(cell((await analyst.get('/performance/indicators/uasc')).body, '2024-25'), '3');
  });

  test('the links to change figures are kept apart for those who may edit and those who may not', async () => {
    const o = (await officer.get('/performance/indicators/three-placements')).body;
    assert.match(o, /Set a target/);
    const m = (await member.get('/performance/indicators/three-placements')).body;
    assert.doesNotMatch(m, /Set a target|Write commentary|\/performance\/commentary\//);
    const om = (await officer.get('/performance/measures/fostering-enquiries')).body;
    assert.match(om, /Add or correct a value/);
    assert.doesNotMatch((await member.get('/performance/measures/fostering-enquiries')).body, /Add or correct a value/);
    // the per-request parts of the layout are each request's own
    assert.match(o, new RegExp(`value="${officer.csrf}"`));
    assert.match(m, new RegExp(`value="${member.csrf}"`));
    assert.notEqual(officer.csrf, member.csrf);
    assert.match(m, /Councillor Priya Shah|Sign out/);
  });

  test('a change to any figure shows on the next request, even one made with SQL that touches no timestamp', async () => {
    // warm every page
    const pages = ['/performance', '/performance/indicators/uasc', '/performance/indicators/three-placements', '/performance/measures/fostering-enquiries'];
    for (const p of pages) assert.equal((await member.get(p)).statusCode, 200);

    // an indicator's figure, its computed_at left as it was
    await run(sql`update perf_indicator_value set value = 12 where indicator = 21 and year = 2024`);
    assert.equal(cell((await member.get('/performance/indicators/uasc')).body, '2023-24'), '12');
    assert.match((await member.get('/performance')).body, /2023-24: 12/);

    // a target, then a change of it that leaves updated_at as it was
    await run(sql`insert into perf_target (subject_kind, subject, period, target, tolerance) values ('indicator', 'uasc', '2023-24', 15, 1)`);
    assert.equal(/<td class="govuk-table__cell govuk-table__cell--numeric">15<\/td>/.test((await member.get('/performance/indicators/uasc')).body), true);
    await run(sql`update perf_target set target = 17 where subject = 'uasc' and period = '2023-24'`);
    const withTarget = (await member.get('/performance/indicators/uasc')).body;
    assert.match(withTarget, /<td class="govuk-table__cell govuk-table__cell--numeric">17<\/td>/);
    assert.doesNotMatch(withTarget, /<td class="govuk-table__cell govuk-table__cell--numeric">15<\/td>/);

    // a comparator
    await run(sql`insert into perf_comparator (subject_kind, subject, period, kind, value) values ('indicator', 'uasc', '2023-24', 'region', 23.5)`);
    assert.match((await member.get('/performance/indicators/uasc')).body, /<td class="govuk-table__cell govuk-table__cell--numeric">23\.5<\/td>/);
    await run(sql`update perf_comparator set value = 24.5 where subject = 'uasc' and kind = 'region'`);
    assert.match((await member.get('/performance/indicators/uasc')).body, /<td class="govuk-table__cell govuk-table__cell--numeric">24\.5<\/td>/);

    // commentary
    await run(sql`update perf_commentary set text = 'Moves fell back after the review.' where subject = 'three-placements'`);
    const ind = (await member.get('/performance/indicators/three-placements')).body;
    assert.match(ind, /Moves fell back after the review\./);
    assert.doesNotMatch(ind, /Placement moves rose/);

    // a measure's name and a value
    await run(sql`update perf_measure set name = 'Enquiries from would-be foster carers' where key = 'fostering-enquiries'`);
    assert.match((await member.get('/performance/measures/fostering-enquiries')).body, /<h1 class="govuk-heading-l">Enquiries from would-be foster carers<\/h1>/);
    assert.match((await member.get('/performance')).body, /Enquiries from would-be foster carers/);
    const last = (await sql<{ period: string }>`select max(period) as period from perf_measure_value where measure_key = 'fostering-enquiries'`.execute(t.ctx.db)).rows[0]!.period;
    await run(sql`update perf_measure_value set value = 987 where measure_key = 'fostering-enquiries' and period = ${last}`);
    assert.equal(tile((await member.get('/performance')).body, '/performance/measures/fostering-enquiries'), '987');

    // a strategy priority's name (the dashboard's section headings)
    const priority = (await sql<{ name: string }>`select name from strategy_priority where slug = 'sufficient-stable-placements'`.execute(t.ctx.db)).rows[0];
    assert.ok(priority, 'the demo strategy has the placements priority');
    await run(sql`update strategy_priority set name = 'Homes that last' where slug = 'sufficient-stable-placements'`);
    const home = (await member.get('/performance')).body;
    assert.match(home, /<h2 class="govuk-heading-m" id="priority-sufficient-stable-placements">Homes that last<\/h2>/);

    // a measure removed: its page is gone at once
    await run(sql`delete from perf_measure where key = 'fostering-enquiries'`);
    assert.equal((await member.get('/performance/measures/fostering-enquiries')).statusCode, 404);
    assert.doesNotMatch((await member.get('/performance')).body, /\/performance\/measures\/fostering-enquiries"/);
  });
});
