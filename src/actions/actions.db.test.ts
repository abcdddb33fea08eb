import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../platform/audit.js';
import { can, type Permission } from '../platform/auth/permissions.js';
import { ROLES } from '../platform/auth/roles.js';
import { todayInLondon } from '../platform/http/forms.js';
import { Agent, testApp, type TestApp } from '../platform/testing/app.js';
import type { Tx } from './service.js';
import { addDays, addMonths, monthOf } from './dates.js';
import { createAction, createForwardPlanItem, forwardPlanDueFor, mattersArisingFor, onMeetingDateChanged, addActionUpdate } from './index.js';

/** The day, month and year boxes of a GOV.UK date input. */
function dateFields(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}

/** The tracker rows of a page: action id → RAG. */
function trackerRows(html: string): Map<number, string> {
  return new Map([...html.matchAll(/data-action-id="(\d+)" data-rag="([a-z]+)"/g)].map((m) => [Number(m[1]), m[2]!]));
}

describe('actions and the forward plan', () => {
  let t: TestApp;
  let admin: Agent;
  const today = todayInLondon();
  const ids = { board: 0, malap: 0, tracker: 0, empty: 0, next: 0, plan: 0, arising: 0, officer: 0, partner: 0, helen: 0, council: 0, nhs: 0, police: 0 };

  const countActions = async () => Number((await t.ctx.db.selectFrom('action').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const meeting = async (bodyId: number, date: string, status: 'draft' | 'held' | 'cancelled' = 'draft') =>
    (await t.ctx.db.insertInto('meeting').values({ body_id: bodyId, meeting_date: date, status } as never).returning('id').executeTakeFirstOrThrow()).id;
  const resolution = async (meetingId: number, text: string, position = 1) => {
    const item = await t.ctx.db.insertInto('agenda_item').values({ meeting_id: meetingId, position, kind: 'report', title: 'Placement sufficiency' } as never).returning('id').executeTakeFirstOrThrow();
    return (await t.ctx.db.insertInto('resolution').values({ agenda_item_id: item.id, number: 1, text, outcome: 'action' } as never).returning('id').executeTakeFirstOrThrow()).id;
  };
  const run = <T>(fn: (db: Tx) => Promise<T>) => t.ctx.db.transaction().execute(fn);

  before(async () => {
    t = await testApp();
    admin = await new Agent(t.app).signInAs('admin');
    const bodies = await t.ctx.db.selectFrom('body').select(['id', 'slug']).execute();
    ids.board = bodies.find((b) => b.slug === 'corporate-parenting-board')!.id;
    ids.malap = bodies.find((b) => b.slug === 'malap')!.id;
    // Groups of our own, so the demo's meetings and actions never change what a test sees.
    const group = async (slug: string, name: string) =>
      (await t.ctx.db.insertInto('body').values({ slug, name, kind: 'task-and-finish', parent_id: ids.board }).returning('id').executeTakeFirstOrThrow()).id;
    ids.tracker = await group('test-tracker', 'Tracker test group');
    ids.empty = await group('test-empty', 'Group with no meetings');
    ids.next = await group('test-next', 'Next meeting test group');
    ids.plan = await group('test-plan', 'Forward plan test group');
    ids.arising = await group('test-arising', 'Matters arising test group');
    const people = await t.ctx.db.selectFrom('person').select(['id', 'name']).execute();
    ids.officer = people.find((p) => p.name === 'Sam Taylor')!.id;
    ids.partner = people.find((p) => p.name === 'Dr Ruth Okafor')!.id;
    ids.helen = people.find((p) => p.name === 'Helen Ward')!.id;
    const orgs = await t.ctx.db.selectFrom('organisation').select(['id', 'name']).execute();
    ids.council = orgs.find((o) => o.name === 'Example Borough Council')!.id;
    ids.nhs = orgs.find((o) => o.name.startsWith('Example Integrated'))!.id;
    ids.police = orgs.find((o) => o.name === 'Example Police')!.id;
  });
  after(() => t.close());

  test('an action due on a date is added through the form and shown with its details', async () => {
    const due = addDays(today, 40);
    const res = await admin.post('/actions/new', {
      bodyId: String(ids.board), title: 'Present the business case for a new children\'s home', description: 'Costed options',
      owner: `person-${ids.helen}`, due: 'date', ...dateFields('dueDate', due),
    });
    assert.equal(res.statusCode, 303, res.body);
    const id = Number(/^\/actions\/(\d+)$/.exec(String(res.headers.location))![1]);
    const row = await t.ctx.db.selectFrom('action').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.due_kind, 'date');
    assert.equal(row.due_date, due);
    assert.equal(row.owner_person_id, ids.helen);
    const page = await admin.get(`/actions/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Present the business case for a new children&#39;s home/);
    assert.match(page.body, /Helen Ward/);
    assert.match(page.body, /Green: on track/);
    assert.match(page.body, /Added on its own, not from a resolution/);
    const audit = await t.ctx.db.selectFrom('audit_event').selectAll().where('entity', '=', 'action').where('entity_id', '=', String(id)).execute();
    assert.deepEqual(audit.map((a) => a.action), ['create']);
  });

  test('an action due "in N months" is stored as the resolved date and the rule', async () => {
    const res = await admin.post('/actions/new', { bodyId: String(ids.board), title: 'Report on care leavers in education', owner: `organisation-${ids.council}`, due: 'months', dueMonths: '6' });
    assert.equal(res.statusCode, 303, res.body);
    const id = Number(String(res.headers.location).split('/').pop());
    const row = await t.ctx.db.selectFrom('action').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.due_kind, 'months');
    assert.equal(row.due_months, 6);
    assert.equal(row.due_date, addMonths(today, 6));
    assert.equal(row.owner_organisation_id, ids.council);
    assert.match((await admin.get(`/actions/${id}`)).body, /In 6 months/);
  });

  test('"next meeting of" resolves to the body\'s next meeting and follows it when it moves', async () => {
    const first = await meeting(ids.next, addDays(today, 20));
    await meeting(ids.next, addDays(today, 90));
    const res = await admin.post('/actions/new', { bodyId: String(ids.board), title: 'Bring the health assessment timeliness figures', owner: `person-${ids.partner}`, due: 'next-meeting', dueBody: String(ids.next) });
    assert.equal(res.statusCode, 303, res.body);
    const id = Number(String(res.headers.location).split('/').pop());
    let row = await t.ctx.db.selectFrom('action').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.due_kind, 'next-meeting');
    assert.equal(row.due_date, addDays(today, 20));
    assert.equal(row.due_meeting_id, first);

    // The meeting moves a week later: the action's due date moves with it.
    await t.ctx.db.updateTable('meeting').set({ meeting_date: addDays(today, 27) }).where('id', '=', first).execute();
    const changed = await run((db) => onMeetingDateChanged(db, SYSTEM_ACTOR, first));
    assert.deepEqual(changed, [id]);
    row = await t.ctx.db.selectFrom('action').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.due_date, addDays(today, 27));

    // It is cancelled: the action is now due by the meeting after.
    await t.ctx.db.updateTable('meeting').set({ status: 'cancelled' }).where('id', '=', first).execute();
    await run((db) => onMeetingDateChanged(db, SYSTEM_ACTOR, first));
    row = await t.ctx.db.selectFrom('action').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.due_date, addDays(today, 90));
    assert.notEqual(row.due_meeting_id, first);
    const audit = await t.ctx.db.selectFrom('audit_event').selectAll().where('entity', '=', 'action').where('entity_id', '=', String(id)).where('action', '=', 'update').execute();
    assert.equal(audit.length, 2);
  });

  test('a body with no meeting scheduled cannot be the "next meeting" of an action', async () => {
    const before = await countActions();
    const res = await admin.post('/actions/new', { bodyId: String(ids.board), title: 'Something', owner: `person-${ids.helen}`, due: 'next-meeting', dueBody: String(ids.empty) });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#dueBody"[^>]*>[^<]*has no meeting scheduled/);
    assert.equal(await countActions(), before);
  });

  test('a due date in the past, an impossible date and an unknown owner are refused, nothing saved, values kept', async () => {
    const before = await countActions();
    const past = await admin.post('/actions/new', { bodyId: String(ids.board), title: 'Late action', owner: `person-${ids.helen}`, due: 'date', ...dateFields('dueDate', addDays(today, -1)) });
    assert.equal(past.statusCode, 400);
    assert.match(past.body, /govuk-error-summary/);
    assert.match(past.body, /href="#dueDate-day">Due date must be today or in the future/);
    assert.match(past.body, /Late action<\/textarea>/);
    assert.match(past.body, /<title>Error: /);

    const impossible = await admin.post('/actions/new', { bodyId: String(ids.board), title: 'Odd date', owner: `person-${ids.helen}`, due: 'date', 'dueDate-day': '31', 'dueDate-month': '2', 'dueDate-year': '2031' });
    assert.equal(impossible.statusCode, 400);
    assert.match(impossible.body, /href="#dueDate-day">The due date must be a real date/);
    assert.match(impossible.body, /name="dueDate-day" type="text" value="31"/);

    const unknown = await admin.post('/actions/new', { bodyId: String(ids.board), title: 'Nobody owns this', owner: 'person-999999', due: 'date', ...dateFields('dueDate', addDays(today, 10)) });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /href="#owner">Select an owner from the list/);
    assert.match(unknown.body, /Nobody owns this<\/textarea>/);

    const noOwner = await admin.post('/actions/new', { bodyId: String(ids.board), title: 'No owner', owner: '', due: '' });
    assert.equal(noOwner.statusCode, 400);
    assert.match(noOwner.body, /href="#owner">Select who owns the action/);
    assert.match(noOwner.body, /href="#due">Select when the action is due/);

    // The command refuses them too, whoever calls it.
    await assert.rejects(
      run((db) => createAction(db, SYSTEM_ACTOR, { bodyId: ids.board, title: 'x', owner: { organisationId: 999999 }, due: { kind: 'date', date: addDays(today, 3) } })),
      (err: Error & { field?: string }) => err.name === 'ActionInputError' && err.field === 'owner',
    );
    assert.equal(await countActions(), before);
  });

  test('an update records progress, changes the status, refuses a non-web evidence link, and is audited', async () => {
    const { id } = await run((db) => createAction(db, SYSTEM_ACTOR, { bodyId: ids.board, title: 'Review the sufficiency strategy', owner: { personId: ids.officer }, due: { kind: 'date', date: addDays(today, 30) } }));
    const bad = await admin.post(`/actions/${id}/updates`, { comment: 'See the report', evidenceUrl: 'javascript:alert(1)', status: 'in-progress', version: '1' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#evidenceUrl">Enter a link to the evidence starting with https:\/\//);
    assert.match(bad.body, /See the report<\/textarea>/);
    assert.equal((await t.ctx.db.selectFrom('action_update').selectAll().where('action_id', '=', id).execute()).length, 0);

    const ok = await admin.post(`/actions/${id}/updates`, { comment: 'Draft strategy shared with partners', evidenceUrl: 'https://example.gov.uk/papers/sufficiency.pdf', status: 'in-progress', version: '1' });
    assert.equal(ok.statusCode, 303);
    const row = await t.ctx.db.selectFrom('action').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'in-progress');
    const updates = await t.ctx.db.selectFrom('action_update').selectAll().where('action_id', '=', id).execute();
    assert.equal(updates.length, 1);
    assert.equal(updates[0]!.status_from, 'not-started');
    assert.equal(updates[0]!.status_to, 'in-progress');
    assert.equal(updates[0]!.author_name, 'Dana Evans');
    const audit = await t.ctx.db.selectFrom('audit_event').select(['entity', 'action', 'changes']).where((eb) => eb.or([eb.and([eb('entity', '=', 'action'), eb('entity_id', '=', String(id))]), eb('entity', '=', 'action_update')])).execute();
    const statusChange = audit.find((a) => a.entity === 'action' && a.action === 'update');
    assert.ok(statusChange, 'the status change is audited');
    assert.deepEqual((typeof statusChange.changes === 'string' ? JSON.parse(statusChange.changes) : statusChange.changes).status, { from: 'not-started', to: 'in-progress' });
    assert.ok(audit.some((a) => a.entity === 'action_update' && a.action === 'create'));
    const page = (await admin.get(`/actions/${id}`)).body;
    assert.match(page, /Status changed from Not started to In progress/);
    assert.match(page, /href="https:\/\/example.gov.uk\/papers\/sufficiency.pdf"/);

    // A status change from a page loaded before that change is refused, and the comment kept.
    const stale = await admin.post(`/actions/${id}/updates`, { comment: 'Now finished', status: 'complete', version: '1' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this action/);
    assert.match(stale.body, /Now finished<\/textarea>/);
    assert.equal((await t.ctx.db.selectFrom('action').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'in-progress');
  });

  test('editing a changed action is refused with a clear message and the user\'s text kept', async () => {
    const { id } = await run((db) => createAction(db, SYSTEM_ACTOR, { bodyId: ids.board, title: 'Map the local offer', owner: { personId: ids.officer }, due: { kind: 'date', date: addDays(today, 50) } }));
    const form = (await admin.get(`/actions/${id}/edit`)).body;
    assert.match(form, /name="version" value="1"/);
    assert.match(form, /Map the local offer<\/textarea>/);
    const saved = await admin.post(`/actions/${id}/edit`, { version: '1', bodyId: String(ids.board), title: 'Map and publish the local offer', owner: `person-${ids.officer}`, due: 'date', ...dateFields('dueDate', addDays(today, 50)) });
    assert.equal(saved.statusCode, 303);
    const stale = await admin.post(`/actions/${id}/edit`, { version: '1', bodyId: String(ids.board), title: 'My competing title', owner: `person-${ids.officer}`, due: 'date', ...dateFields('dueDate', addDays(today, 50)) });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /href="#conflict">Someone else changed this while you were editing it/);
    assert.match(stale.body, /My competing title<\/textarea>/);
    assert.match(stale.body, /Map and publish the local offer/, 'the latest saved version is shown');
    assert.match(stale.body, /name="version" value="2"/);
    assert.equal((await t.ctx.db.selectFrom('action').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title, 'Map and publish the local offer');
  });

  test('the tracker shows each action\'s RAG in words, and filters by owner, status, priority, RAG and due date', async () => {
    const priority = await t.ctx.db.selectFrom('strategy_priority').select('id').orderBy('position').executeTakeFirstOrThrow();
    const mk = (title: string, due: string, opts: { today?: string; personId?: number; priority?: boolean } = {}) =>
      run((db) => createAction(db, SYSTEM_ACTOR, {
        bodyId: ids.tracker, title, owner: { personId: opts.personId ?? ids.helen }, due: { kind: 'date', date: due }, today: opts.today,
        tags: { priorityIds: opts.priority ? [priority.id] : [], principleIds: [] },
      }));
    const red = await mk('Overdue action', '2024-02-01', { today: '2024-01-01', priority: true });
    const amber = await mk('Due soon action', addDays(today, 5), { personId: ids.officer });
    const green = await mk('Later action', addDays(today, 60));
    const done = await mk('Finished action', addDays(today, 61));
    await run((db) => addActionUpdate(db, SYSTEM_ACTOR, done.id, { comment: 'Done', status: 'complete' }));

    const page = await admin.get('/bodies/test-tracker/actions');
    assert.equal(page.statusCode, 200);
    const rows = trackerRows(page.body);
    assert.deepEqual([...rows], [[red.id, 'red'], [amber.id, 'amber'], [green.id, 'green'], [done.id, 'done']]);
    assert.match(page.body, /Red: overdue/);
    assert.match(page.body, /Amber: due soon/);
    assert.match(page.body, /aria-sort="ascending"/);

    const latestFirst = trackerRows((await admin.get('/bodies/test-tracker/actions?sort=due-desc')).body);
    assert.deepEqual([...latestFirst.keys()], [done.id, green.id, amber.id, red.id]);
    assert.deepEqual([...trackerRows((await admin.get('/bodies/test-tracker/actions?rag=red')).body).keys()], [red.id]);
    assert.deepEqual([...trackerRows((await admin.get(`/actions?body=test-tracker&owner=person-${ids.officer}`)).body).keys()], [amber.id]);
    assert.deepEqual([...trackerRows((await admin.get('/actions?body=test-tracker&status=complete')).body).keys()], [done.id]);
    assert.deepEqual([...trackerRows((await admin.get(`/actions?body=test-tracker&priority=${priority.id}`)).body).keys()], [red.id]);
    const window = new URLSearchParams({ body: 'test-tracker', ...dateFields('dueAfter', addDays(today, 1)), ...dateFields('dueBefore', addDays(today, 60)) });
    assert.deepEqual([...trackerRows((await admin.get(`/actions?${window}`)).body).keys()], [amber.id, green.id]);

    const bad = await admin.get('/actions?dueAfter-day=40&dueAfter-month=1&dueAfter-year=2026&status=nonsense');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#dueAfter-day">The earliest due date must be a real date/);
    assert.match(bad.body, /href="#status">Select a status from the list/);
  });

  test('my actions lists those owned by the signed-in person or their organisation', async () => {
    const mine = await run((db) => createAction(db, SYSTEM_ACTOR, { bodyId: ids.malap, title: 'Officer\'s own action', owner: { personId: ids.officer }, due: { kind: 'date', date: addDays(today, 30) } }));
    const council = await run((db) => createAction(db, SYSTEM_ACTOR, { bodyId: ids.malap, title: 'Council-wide action', owner: { organisationId: ids.council }, due: { kind: 'date', date: addDays(today, 31) } }));
    const police = await run((db) => createAction(db, SYSTEM_ACTOR, { bodyId: ids.malap, title: 'Police action', owner: { organisationId: ids.police }, due: { kind: 'date', date: addDays(today, 32) } }));
    const officer = await new Agent(t.app).signInAs('officer');
    const page = await officer.get('/actions/mine');
    assert.equal(page.statusCode, 200);
    const own = page.body.slice(page.body.indexOf('id="own-actions"'), page.body.indexOf('id="organisation-actions"'));
    const org = page.body.slice(page.body.indexOf('id="organisation-actions"'));
    assert.ok(trackerRows(own).has(mine.id));
    assert.ok(trackerRows(org).has(council.id));
    assert.ok(!trackerRows(page.body).has(police.id));
    const partner = (await (await new Agent(t.app).signInAs('partner')).get('/actions/mine')).body;
    assert.ok(!trackerRows(partner).has(mine.id) && !trackerRows(partner).has(council.id));
  });

  test('every page of the capability answers each role as the permission matrix says', async () => {
    const pages = t.app.routePermissions.filter((r) => r.method === 'GET' && (r.url.startsWith('/actions') || r.url.startsWith('/forward-plan')) && !r.url.includes(':'));
    assert.deepEqual(pages.map((p) => p.url).sort(), ['/actions', '/actions/mine', '/actions/new', '/forward-plan', '/forward-plan/new']);
    for (const role of ROLES) {
      const agent = await new Agent(t.app).signInAs(role);
      for (const page of pages) {
        assert.equal((await agent.get(page.url)).statusCode, can(role, page.permission as Permission) ? 200 : 403, `${role} GET ${page.url}`);
      }
    }
  });

  test('permissions: a member reads but cannot create; a partner updates only their own actions', async () => {
    const member = await new Agent(t.app).signInAs('member');
    assert.equal((await member.get('/actions')).statusCode, 200);
    assert.equal((await member.get('/forward-plan')).statusCode, 200);
    assert.equal((await member.get('/actions/new')).statusCode, 403);
    const before = await countActions();
    const refused = await member.post('/actions/new', { bodyId: String(ids.board), title: 'Not allowed', owner: `person-${ids.helen}`, due: 'months', dueMonths: '2' });
    assert.equal(refused.statusCode, 403);
    assert.equal(await countActions(), before);

    const nhsAction = await run((db) => createAction(db, SYSTEM_ACTOR, { bodyId: ids.malap, title: 'Health action', owner: { organisationId: ids.nhs }, due: { kind: 'date', date: addDays(today, 30) } }));
    const otherAction = await run((db) => createAction(db, SYSTEM_ACTOR, { bodyId: ids.malap, title: 'Someone else\'s action', owner: { personId: ids.helen }, due: { kind: 'date', date: addDays(today, 30) } }));
    const partner = await new Agent(t.app).signInAs('partner');
    assert.match((await partner.get(`/actions/${nhsAction.id}`)).body, /Add an update/);
    assert.doesNotMatch((await partner.get(`/actions/${otherAction.id}`)).body, /Add an update/);
    assert.equal((await partner.post(`/actions/${nhsAction.id}/updates`, { comment: 'Assessments booked', status: 'in-progress', version: '1' })).statusCode, 303);
    assert.equal((await partner.post(`/actions/${otherAction.id}/updates`, { comment: 'Not mine', version: '1' })).statusCode, 403);
    assert.equal((await partner.post(`/actions/${nhsAction.id}/updates`, { comment: 'Cancel it', status: 'cancelled', version: '2' })).statusCode, 403);
    assert.equal((await member.post(`/actions/${nhsAction.id}/updates`, { comment: 'Member comment', version: '2' })).statusCode, 403);
    const updates = await t.ctx.db.selectFrom('action_update').select('comment').where('action_id', 'in', [nhsAction.id, otherAction.id]).execute();
    assert.deepEqual(updates.map((u) => u.comment), ['Assessments booked']);
  });

  test('the forward plan: items due for a meeting, items overdue on the plan, and the add form', async () => {
    const m1 = addDays(today, 45);
    const meetingId = await meeting(ids.plan, m1);
    const later = addMonths(m1, 4);
    const atMeeting = await run((db) => createForwardPlanItem(db, SYSTEM_ACTOR, { bodyId: ids.plan, title: 'Business case to a future meeting', target: { kind: 'meeting', meetingId } }));
    const sameMonth = await run((db) => createForwardPlanItem(db, SYSTEM_ACTOR, { bodyId: ids.plan, title: 'Update on the pledge', target: { kind: 'month', month: monthOf(m1) } }));
    const future = await run((db) => createForwardPlanItem(db, SYSTEM_ACTOR, { bodyId: ids.plan, title: 'A further update in six months', target: { kind: 'month', month: monthOf(later) } }));
    const overdue = await run((db) => createForwardPlanItem(db, SYSTEM_ACTOR, { bodyId: ids.plan, title: 'Long-forgotten report', target: { kind: 'month', month: '2024-03' }, today: '2024-01-10' }));

    const due = await forwardPlanDueFor(t.ctx.db, meetingId);
    assert.deepEqual(due.map((d) => d.id).sort((a, b) => a - b), [atMeeting.id, sameMonth.id, overdue.id].sort((a, b) => a - b));
    assert.ok(!due.some((d) => d.id === future.id));

    const page = await admin.get('/bodies/test-plan/forward-plan');
    assert.equal(page.statusCode, 200);
    const overdueTable = page.body.slice(page.body.indexOf('id="overdue"'), page.body.indexOf('</table>', page.body.indexOf('id="overdue"')));
    assert.match(overdueTable, /Long-forgotten report/);
    assert.doesNotMatch(overdueTable, /Business case to a future meeting/);
    assert.match(page.body, /1 item is overdue on the plan/);
    assert.match(page.body, /A further update in six months/);

    const bad = await admin.post('/forward-plan/new', { bodyId: String(ids.plan), title: 'Too late', target: 'month', 'targetMonth-month': '1', 'targetMonth-year': '2020' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#targetMonth-month">Target month must be this month or later/);
    assert.match(bad.body, /Too late<\/textarea>/);
    const ok = await admin.post('/forward-plan/new', { bodyId: String(ids.plan), title: 'Findings of the task and finish group', target: 'months', targetMonths: '3' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/bodies/test-plan/forward-plan?saved=1');
    const row = await t.ctx.db.selectFrom('forward_plan_item').selectAll().where('title', '=', 'Findings of the task and finish group').executeTakeFirstOrThrow();
    assert.equal(row.target_month, `${monthOf(addMonths(today, 3))}-01`);

    const withdraw = await admin.post(`/forward-plan/${future.id}/status`, { status: 'withdrawn', version: '1' });
    assert.equal(withdraw.statusCode, 303);
    assert.equal((await admin.post(`/forward-plan/${future.id}/status`, { status: 'done', version: '1' })).statusCode, 409);
  });

  test('changing a planned forward-plan item: wording, month and priorities; a stale page is refused, the typing kept', async () => {
    const month = monthOf(addMonths(today, 2));
    const item = await run((db) => createForwardPlanItem(db, SYSTEM_ACTOR, { bodyId: ids.plan, title: 'Update on short breaks', target: { kind: 'month', month } }));
    const list = await admin.get('/bodies/test-plan/forward-plan');
    assert.match(list.body, new RegExp(`href="/forward-plan/${item.id}/edit">Change<span class="govuk-visually-hidden">: Update on short breaks`));
    const page = await admin.get(`/forward-plan/${item.id}/edit`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, />Update on short breaks<\/textarea>/);
    assert.match(page.body, /name="version" value="1"/);
    assert.match(page.body, new RegExp(`name="targetMonth-year"[^>]*value="${month.slice(0, 4)}"`));

    const later = monthOf(addMonths(today, 5));
    const priority = await t.ctx.db.selectFrom('strategy_priority').select('id').orderBy('id').executeTakeFirstOrThrow();
    const saved = await admin.post(`/forward-plan/${item.id}/edit`, {
      title: 'Update on short breaks and respite', target: 'month', 'targetMonth-month': String(Number(later.slice(5))), 'targetMonth-year': later.slice(0, 4),
      priorities: String(priority.id), version: '1',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/bodies/test-plan/forward-plan?saved=1');
    const row = await t.ctx.db.selectFrom('forward_plan_item').select(['title', 'version', sql<string>`to_char(target_month, 'YYYY-MM')`.as('month')]).where('id', '=', item.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { title: 'Update on short breaks and respite', version: 2, month: later });
    const tags = await t.ctx.db.selectFrom('strategy_tag').select('priority_id').where('entity', '=', 'forward_plan_item').where('entity_id', '=', String(item.id)).execute();
    assert.deepEqual(tags.map((x) => x.priority_id), [priority.id]);

    const stale = await admin.post(`/forward-plan/${item.id}/edit`, { title: 'A different wording', target: 'month', 'targetMonth-month': '1', 'targetMonth-year': later.slice(0, 4), version: '1' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this forward-plan item/);
    assert.match(stale.body, />A different wording<\/textarea>/, 'what was typed is kept');
    assert.match(stale.body, /The item as saved now[\s\S]*Update on short breaks and respite/);
    assert.match(stale.body, /name="version" value="2"/);

    const past = await admin.post(`/forward-plan/${item.id}/edit`, { title: 'Too late', target: 'month', 'targetMonth-month': '1', 'targetMonth-year': '2020', version: '2' });
    assert.equal(past.statusCode, 400);
    assert.match(past.body, /href="#targetMonth-month">Target month must be this month or later/);

    assert.equal((await admin.post(`/forward-plan/${item.id}/status`, { status: 'withdrawn', version: '2' })).statusCode, 303);
    const withdrawn = await admin.post(`/forward-plan/${item.id}/edit`, { title: 'Back again', target: 'months', targetMonths: '3', version: '3' });
    assert.equal(withdrawn.statusCode, 400);
    assert.match(withdrawn.body, /This item is withdrawn: put it back on the plan before changing it/);
    const member = await new Agent(t.app).signInAs('member');
    assert.equal((await member.get(`/forward-plan/${item.id}/edit`)).statusCode, 403);
  });

  test('matters arising at the next meeting lists the open actions of the last one, with their status', async () => {
    const last = await meeting(ids.arising, addDays(today, -30), 'held');
    const next = await meeting(ids.arising, addDays(today, 200));
    const res = await resolution(last, 'That the Director brings a costed business case for a new children\'s home');
    const open = await run((db) => createAction(db, SYSTEM_ACTOR, { bodyId: ids.arising, resolutionId: res, title: 'Costed business case', owner: { personId: ids.helen }, due: { kind: 'date', date: addDays(today, -10) } }));
    const started = await run((db) => createAction(db, SYSTEM_ACTOR, { bodyId: ids.arising, resolutionId: res, title: 'Site options appraisal', owner: { personId: ids.officer }, due: { kind: 'months', months: 3, from: addDays(today, -30) } }));
    const closed = await run((db) => createAction(db, SYSTEM_ACTOR, { bodyId: ids.arising, resolutionId: res, title: 'Circulate the report', owner: { personId: ids.officer }, due: { kind: 'date', date: addDays(today, -20) } }));
    await run((db) => addActionUpdate(db, SYSTEM_ACTOR, started.id, { comment: 'Under way', status: 'in-progress' }));
    await run((db) => addActionUpdate(db, SYSTEM_ACTOR, closed.id, { comment: 'Sent', status: 'complete' }));

    const matters = await mattersArisingFor(t.ctx.db, next);
    const fromLast = matters.filter((m) => !m.carriedForward);
    assert.deepEqual(fromLast.map((m) => [m.actionId, m.status, m.rag]), [[open.id, 'not-started', 'red'], [started.id, 'in-progress', 'green']]);
    assert.ok(!matters.some((m) => m.actionId === closed.id));
    assert.match(fromLast[0]!.resolutionRef!, /item 1, resolution 1$/);

    // The action page names the resolution it came from.
    const page = (await admin.get(`/actions/${open.id}`)).body;
    assert.match(page, /That the Director brings a costed business case/);
    assert.match(page, new RegExp(`href="/meetings/${last}"`));
  });
});
