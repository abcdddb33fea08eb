import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../platform/testing/app.js';
import { STRATEGY_2020 } from './demo.js';
import { currentPrioritiesAndPrinciples, setTags, TagInputError, tagsFor } from './index.js';

/** The principles or priorities listed on a strategy page, in order. */
function listed(html: string, plural: 'principles' | 'priorities'): string[] {
  const start = html.indexOf(`id="${plural}-list"`);
  const list = html.slice(start, html.indexOf('</ol>', start));
  return [...list.matchAll(/<span class="govuk-!-font-weight-bold">([^<]+)<\/span>/g)].map((m) => m[1]!);
}

describe('strategy: editing, reordering, new strategies and tagging', () => {
  let t: TestApp;
  let admin: Agent;
  let strategyId: number;
  before(async () => {
    t = await testApp();
    admin = await new Agent(t.app).signInAs('admin');
    strategyId = (await t.ctx.db.selectFrom('strategy').select('id').where('is_current', '=', true).executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  const principles = () => t.ctx.db.selectFrom('strategy_principle').selectAll().where('strategy_id', '=', strategyId).orderBy('position').execute();

  test('principles move up and down; positions stay 1..n; the first cannot move up', async () => {
    const page = await admin.get(`/strategies/${strategyId}`);
    assert.equal(page.statusCode, 200);
    assert.deepEqual(listed(page.body, 'principles'), STRATEGY_2020.principles);
    const [first, second] = await principles();
    const up = await admin.post(`/strategies/${strategyId}/principles/${second!.id}/move`, { direction: 'up' });
    assert.equal(up.statusCode, 303);
    const after1 = await admin.get(`/strategies/${strategyId}`);
    assert.deepEqual(listed(after1.body, 'principles').slice(0, 2), ['Your friends and family', 'Your home']);
    await admin.post(`/strategies/${strategyId}/principles/${second!.id}/move`, { direction: 'up' }); // already first: stays
    await admin.post(`/strategies/${strategyId}/principles/${first!.id}/move`, { direction: 'down' });
    const rows = await principles();
    assert.deepEqual(rows.map((r) => r.position), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(rows.slice(0, 3).map((r) => r.name), ['Your friends and family', 'Your education and employment', 'Your home']);
    const audit = await t.ctx.db.selectFrom('audit_event').selectAll().where('entity', '=', 'strategy_principle').where('entity_id', '=', String(first!.id)).execute();
    assert.equal(audit.length, 1, 'a move is audited; a move that does nothing is not');
  });

  test('add, edit (with a version check) and delete a priority; the order closes up', async () => {
    const bad = await admin.post(`/strategies/${strategyId}/priorities/new`, { name: '  ', description: 'x' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#name">Enter the name of the priority/);
    const add = await admin.post(`/strategies/${strategyId}/priorities/new`, { name: 'Care leavers’ housing', description: 'Suitable homes for every care leaver.' });
    assert.equal(add.statusCode, 303);
    const added = await t.ctx.db.selectFrom('strategy_priority').selectAll().where('name', '=', 'Care leavers’ housing').executeTakeFirstOrThrow();
    assert.equal(added.position, 7);
    assert.equal(added.slug, 'care-leavers-housing');

    const form = await admin.get(`/strategies/${strategyId}/priorities/${added.id}/edit`);
    assert.match(form.body, /Suitable homes for every care leaver\./);
    const ok = await admin.post(`/strategies/${strategyId}/priorities/${added.id}/edit`, { name: 'Homes for care leavers', description: 'Suitable homes.', version: String(added.version) });
    assert.equal(ok.statusCode, 303);
    const stale = await admin.post(`/strategies/${strategyId}/priorities/${added.id}/edit`, { name: 'Housing for care leavers', description: 'Mine.', version: String(added.version) });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this priority/);
    assert.match(stale.body, /value="Housing for care leavers"/);
    const row = await t.ctx.db.selectFrom('strategy_priority').selectAll().where('id', '=', added.id).executeTakeFirstOrThrow();
    assert.equal(row.name, 'Homes for care leavers');
    assert.equal(row.slug, 'care-leavers-housing', 'the slug stays, so links keep working');

    const second = await t.ctx.db.selectFrom('strategy_priority').selectAll().where('strategy_id', '=', strategyId).where('position', '=', 2).executeTakeFirstOrThrow();
    await setTags(t.ctx.db, 'test_record', 1, { priorityIds: [second.id], principleIds: [] });
    const confirm = await admin.get(`/strategies/${strategyId}/priorities/${second.id}/delete`);
    const tagged = (await t.ctx.db.selectFrom('strategy_tag').select('id').where('priority_id', '=', second.id).execute()).length;
    assert.ok(tagged >= 1);
    assert.match(confirm.body, new RegExp(`${tagged} records? (is|are) tagged with this priority`));
    assert.equal((await admin.post(`/strategies/${strategyId}/priorities/${second.id}/delete`, {})).statusCode, 303);
    const left = await t.ctx.db.selectFrom('strategy_priority').select(['position', 'name']).where('strategy_id', '=', strategyId).orderBy('position').execute();
    assert.deepEqual(left.map((p) => p.position), [1, 2, 3, 4, 5, 6]);
    assert.ok(!left.some((p) => p.name === second.name));
    assert.deepEqual((await tagsFor(t.ctx.db, 'test_record', [1])).get('1'), { priorities: [], principles: [] });
    const audit = await t.ctx.db.selectFrom('audit_event').select('action').where('entity', '=', 'strategy_priority').where('entity_id', '=', String(second.id)).execute();
    assert.deepEqual(audit.map((a) => a.action), ['delete']);
  });

  test('editing the title and period: bad dates are named; a stale save is refused', async () => {
    const s = await t.ctx.db.selectFrom('strategy').selectAll().where('id', '=', strategyId).executeTakeFirstOrThrow();
    const bad = await admin.post(`/strategies/${strategyId}/edit`, {
      title: '', 'periodStart-day': '1', 'periodStart-month': '11', 'periodStart-year': '2020', 'periodEnd-day': '1', 'periodEnd-month': '1', 'periodEnd-year': '2019', version: String(s.version),
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#title">Enter the title of the strategy/);
    assert.match(bad.body, /href="#periodEnd-day">The end of the period must be the same as or after its start/);
    const form = { title: 'Corporate Parenting Strategy 2020–24', 'periodStart-day': '1', 'periodStart-month': '11', 'periodStart-year': '2020', 'periodEnd-day': '31', 'periodEnd-month': '10', 'periodEnd-year': '2024', version: String(s.version) };
    assert.equal((await admin.post(`/strategies/${strategyId}/edit`, form)).statusCode, 303);
    const stale = await admin.post(`/strategies/${strategyId}/edit`, { ...form, title: 'Another title' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /value="Another title"/);
    const row = await t.ctx.db.selectFrom('strategy').selectAll().where('id', '=', strategyId).executeTakeFirstOrThrow();
    assert.equal(row.title, 'Corporate Parenting Strategy 2020–24');
    assert.equal(row.period_end, '2024-10-31');
  });

  test('setTags validates ids against the current strategy, replaces, and tagsFor reads them back in order', async () => {
    const current = await currentPrioritiesAndPrinciples(t.ctx.db);
    const [p1, p2] = current.priorities;
    const [q1] = current.principles;
    const set = await setTags(t.ctx.db, 'action', 42, { priorityIds: [p2!.id, p1!.id, p1!.id], principleIds: [q1!.id] });
    assert.deepEqual(set, { priorityIds: [p1!.id, p2!.id].sort((a, b) => a - b), principleIds: [q1!.id] });
    const tags = (await tagsFor(t.ctx.db, 'action', [42, '43'])).get('42')!;
    assert.deepEqual(tags.priorities.map((p) => p.name), [p1!.name, p2!.name]);
    assert.equal(tags.priorities[0]!.slug, p1!.slug);
    assert.deepEqual(tags.principles, [{ id: q1!.id, name: q1!.name }]);
    assert.deepEqual((await tagsFor(t.ctx.db, 'action', [43])).get('43'), { priorities: [], principles: [] });

    await assert.rejects(setTags(t.ctx.db, 'action', 42, { priorityIds: [999999], principleIds: [] }), (e: unknown) => e instanceof TagInputError && e.field === 'priorities');
    await assert.rejects(setTags(t.ctx.db, 'action', 42, { priorityIds: [], principleIds: [p1!.id + 100000] }), (e: unknown) => e instanceof TagInputError && e.field === 'principles');
    await assert.rejects(setTags(t.ctx.db, 'action', 42, { priorityIds: ['abc' as unknown as number], principleIds: [] }), TagInputError);
    assert.equal((await tagsFor(t.ctx.db, 'action', [42])).get('42')!.priorities.length, 2, 'a refused setTags changes nothing');

    await setTags(t.ctx.db, 'action', 42, { priorityIds: [], principleIds: [] });
    assert.deepEqual((await tagsFor(t.ctx.db, 'action', [42])).get('42'), { priorities: [], principles: [] });
  });

  test('a new strategy copies the principles and priorities, becomes current, and old ids can no longer be used for tagging', async () => {
    const old = await currentPrioritiesAndPrinciples(t.ctx.db);
    const bad = await admin.post('/strategies/new', { title: '' });
    assert.equal(bad.statusCode, 400);
    const res = await admin.post('/strategies/new', {
      title: 'Corporate Parenting Strategy 2024–27', 'periodStart-day': '1', 'periodStart-month': '11', 'periodStart-year': '2024', 'periodEnd-day': '31', 'periodEnd-month': '10', 'periodEnd-year': '2027', copyFrom: String(strategyId),
    });
    assert.equal(res.statusCode, 303);
    const id = Number(/\/strategies\/(\d+)/.exec(res.headers.location as string)![1]);
    const page = await admin.get(`/strategies/${id}`);
    assert.match(page.body, /Strategy \(not current\)/);
    assert.deepEqual(listed(page.body, 'priorities'), old.priorities.map((p) => p.name));
    assert.equal((await currentPrioritiesAndPrinciples(t.ctx.db)).strategy!.id, strategyId, 'not current until made current');

    assert.equal((await admin.post(`/strategies/${id}/make-current`, {})).statusCode, 303);
    const now = await currentPrioritiesAndPrinciples(t.ctx.db);
    assert.equal(now.strategy!.id, id);
    assert.equal((await t.ctx.db.selectFrom('strategy').select('id').where('is_current', '=', true).execute()).length, 1);
    assert.match((await admin.get('/strategy')).body, /Corporate Parenting Strategy 2024–27/);
    await assert.rejects(setTags(t.ctx.db, 'action', 7, { priorityIds: [old.priorities[0]!.id], principleIds: [] }), TagInputError);
    await setTags(t.ctx.db, 'action', 7, { priorityIds: [now.priorities[0]!.id], principleIds: [] });
    const list = await admin.get('/strategies');
    assert.match(list.body, /Corporate Parenting Strategy 2020–24/);
  });

  test('only strategy managers change the strategy: a member gets 403, a chair may', async () => {
    const member = await new Agent(t.app).signInAs('member');
    assert.equal((await member.get('/strategy')).statusCode, 200);
    assert.doesNotMatch((await member.get('/strategy')).body, /Move up/);
    const p = (await principles())[0]!;
    for (const url of ['/strategies/new', `/strategies/${strategyId}/edit`, `/strategies/${strategyId}/principles/new`, `/strategies/${strategyId}/principles/${p.id}/edit`]) {
      assert.equal((await member.get(url)).statusCode, 403, url);
    }
    assert.equal((await member.post(`/strategies/${strategyId}/principles/${p.id}/move`, { direction: 'down' })).statusCode, 403);
    assert.equal((await member.post(`/strategies/${strategyId}/principles/${p.id}/delete`, {})).statusCode, 403);
    assert.equal((await principles())[0]!.id, p.id);
    const chair = await new Agent(t.app).signInAs('chair');
    assert.equal((await chair.post(`/strategies/${strategyId}/principles/new`, { name: 'Your community', description: '' })).statusCode, 303);
  });
});
