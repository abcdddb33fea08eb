import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAction, createForwardPlanItem } from '../actions/index.js';
import { SYSTEM_ACTOR } from '../platform/audit.js';
import { todayInLondon } from '../platform/http/forms.js';
import { Agent, testApp, type TestApp } from '../platform/testing/app.js';
import { windowStart } from './coverage.js';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The coverage table's rows: priority id → 'none' | 'some', with the counts in the order of the columns. */
function coverageRows(html: string): Map<number, { coverage: string; counts: number[] }> {
  const rows = new Map<number, { coverage: string; counts: number[] }>();
  for (const m of html.matchAll(/data-priority-id="(\d+)" data-coverage="(none|some)">([\s\S]*?)<\/tr>/g)) {
    const counts = [...m[3]!.matchAll(/govuk-table__cell--numeric">(\d+)</g)].map((c) => Number(c[1]));
    rows.set(Number(m[1]), { coverage: m[2]!, counts });
  }
  return rows;
}

describe('strategy coverage', () => {
  let t: TestApp;
  const today = todayInLondon();
  let p: { id: number; name: string }[] = [];

  before(async () => {
    t = await testApp();
    // A strategy of our own, so the demo's content never counts.
    await t.ctx.db.updateTable('strategy').set({ is_current: false }).where('is_current', '=', true).execute();
    const strategy = await t.ctx.db.insertInto('strategy').values({ title: 'Test Corporate Parenting Strategy', is_current: true }).returning('id').executeTakeFirstOrThrow();
    p = await t.ctx.db
      .insertInto('strategy_priority')
      .values(['Edge of care', 'Stable placements', 'Voice and influence', 'Education', 'Permanence', 'Resources'].map((name, i) => ({ strategy_id: strategy.id, position: i + 1, slug: `p${i + 1}`, name })))
      .returning(['id', 'name'])
      .execute();
    const bodies = await t.ctx.db.selectFrom('body').select(['id', 'slug']).execute();
    const board = bodies.find((b) => b.slug === 'corporate-parenting-board')!.id;
    const malap = bodies.find((b) => b.slug === 'malap')!.id;
    const helen = (await t.ctx.db.selectFrom('person').select('id').where('name', '=', 'Helen Ward').executeTakeFirstOrThrow()).id;

    const meeting = async (bodyId: number, date: string) =>
      (await t.ctx.db.insertInto('meeting').values({ body_id: bodyId, meeting_date: date, status: 'held' }).returning('id').executeTakeFirstOrThrow()).id;
    const item = async (meetingId: number, position: number, title: string, priorityId: number, confidential = false) => {
      const row = await t.ctx.db
        .insertInto('agenda_item')
        .values({ meeting_id: meetingId, position, kind: 'report', title, confidential, exemption_paragraph: confidential ? 1 : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.ctx.db.insertInto('strategy_tag').values({ entity: 'agenda_item', entity_id: String(row.id), priority_id: priorityId, principle_id: null }).execute();
    };
    const tags = (priorityId: number) => ({ priorityIds: [priorityId], principleIds: [] });

    // Priority 1: two agenda items of meetings in the last 12 months, one of them confidential.
    const recent = await meeting(board, addDays(today, -60));
    await item(recent, 1, 'Edge of care services review', p[0]!.id);
    const recentMalap = await meeting(malap, addDays(today, -30));
    await item(recentMalap, 1, 'Placement breakdown case review', p[0]!.id, true);
    await t.ctx.db.transaction().execute(async (tx) => {
      // Priority 2: an open action.
      await createAction(tx, SYSTEM_ACTOR, { bodyId: board, title: 'Recruit more foster carers', owner: { personId: helen }, due: { kind: 'date', date: addDays(today, 30) }, tags: tags(p[1]!.id) });
      // Priority 3: an action completed in the window.
      const done = await createAction(tx, SYSTEM_ACTOR, { bodyId: board, title: 'Hold a participation event', owner: { personId: helen }, due: { kind: 'date', date: addDays(today, 5) }, tags: tags(p[2]!.id) });
      await tx.updateTable('action').set({ status: 'complete', completed_on: today }).where('id', '=', done.id).execute();
      // Priority 4: an item on the forward plan.
      await createForwardPlanItem(tx, SYSTEM_ACTOR, { bodyId: board, title: 'Annual education report', target: { kind: 'months', months: 2, from: today }, tags: tags(p[3]!.id) });
      // Priority 5: only old work: an agenda item of 14 months ago and an action completed two years ago.
      const old = await createAction(tx, SYSTEM_ACTOR, { bodyId: board, title: 'Old permanence audit', owner: { personId: helen }, due: { kind: 'date', date: '2023-06-01' }, today: '2023-01-01', tags: tags(p[4]!.id) });
      await tx.updateTable('action').set({ status: 'complete', completed_on: '2023-05-20', updated_at: new Date('2023-05-20T10:00:00Z') }).where('id', '=', old.id).execute();
    });
    await item(await meeting(board, addDays(today, -425)), 1, 'Permanency planning update', p[4]!.id);
    // Priority 6: nothing at all.
  });
  after(() => t.close());

  test('the window is the 12 months to today', () => {
    assert.equal(windowStart('2026-05-20'), '2025-05-20');
    assert.equal(windowStart('2028-02-29'), '2027-02-28');
  });

  test('each priority shows its work of the last 12 months; those with none are highlighted', async () => {
    const admin = await new Agent(t.app).signInAs('admin');
    const res = await admin.get('/strategy/coverage');
    assert.equal(res.statusCode, 200);
    const rows = coverageRows(res.body);
    assert.deepEqual([...rows.keys()], p.map((x) => x.id), 'every priority, in the strategy\'s order');
    assert.deepEqual(rows.get(p[0]!.id), { coverage: 'some', counts: [2, 0, 0, 0] });
    assert.deepEqual(rows.get(p[1]!.id), { coverage: 'some', counts: [0, 1, 0, 0] });
    assert.deepEqual(rows.get(p[2]!.id), { coverage: 'some', counts: [0, 0, 1, 0] });
    assert.deepEqual(rows.get(p[3]!.id), { coverage: 'some', counts: [0, 0, 0, 1] });
    assert.deepEqual(rows.get(p[4]!.id), { coverage: 'none', counts: [0, 0, 0, 0] }, 'work older than 12 months does not count');
    assert.deepEqual(rows.get(p[5]!.id), { coverage: 'none', counts: [0, 0, 0, 0] });
    assert.match(res.body, /2 priorities have had no work in the last 12 months/);
    assert.equal(res.body.match(/govuk-tag govuk-tag--red">No work in the last 12 months/g)?.length, 2);
    assert.match(res.body, /Edge of care services review/);
    assert.match(res.body, /Placement breakdown case review/, 'democratic services see confidential titles');
    assert.match(res.body, /Recruit more foster carers<\/a>: In progress|Recruit more foster carers<\/a>: Not started/);
    assert.match(res.body, /Annual education report/);
  });

  test('a confidential agenda item is counted but not named to someone outside its body', async () => {
    const member = await new Agent(t.app).signInAs('member');
    const res = await member.get('/strategy/coverage');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(coverageRows(res.body).get(p[0]!.id)?.counts, [2, 0, 0, 0]);
    assert.doesNotMatch(res.body, /Placement breakdown case review/);
    assert.match(res.body, /A confidential item/);
  });

  test('signed-out visitors are sent to sign in', async () => {
    const res = await new Agent(t.app).get('/strategy/coverage');
    assert.equal(res.statusCode, 302);
  });
});
