import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../platform/testing/app.js';
import { todayInLondon } from '../platform/http/forms.js';
import { MINUTES_CONFLICT_MESSAGE, RESOLUTION_CONFLICT_MESSAGE } from './service.js';

/** Decodes the HTML entities nunjucks escapes, so page text can be compared with what was typed. */
function text(html: string): string {
  return html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

describe('minutes', () => {
  let t: TestApp;
  let nov2018: number;
  let earlier: number;
  let recent: number;
  let next: number;
  let boardId: number;

  const meetingOn = async (date: string) => (await t.ctx.db.selectFrom('meeting').select('id').where('meeting_date', '=', date).executeTakeFirstOrThrow()).id;
  const itemOf = async (meetingId: number, title: string) =>
    (await t.ctx.db.selectFrom('agenda_item').select(['id', 'minutes_version']).where('meeting_id', '=', meetingId).where('title', '=', title).executeTakeFirstOrThrow());
  const resolutionCount = async (itemId: number) => (await t.ctx.db.selectFrom('resolution').select('id').where('agenda_item_id', '=', itemId).execute()).length;

  before(async () => {
    t = await testApp();
    const db = t.ctx.db;
    boardId = (await db.selectFrom('body').select('id').where('slug', '=', 'corporate-parenting-board').executeTakeFirstOrThrow()).id;
    nov2018 = await meetingOn('2018-11-07');
    const board = await db.selectFrom('meeting').select(['id', 'meeting_date', 'status']).where('body_id', '=', boardId).orderBy('meeting_date').execute();
    const today = todayInLondon();
    const past = board.filter((m) => m.meeting_date > '2020-01-01' && m.meeting_date <= today);
    earlier = past[0]!.id;
    recent = past[1]!.id;
    next = board.find((m) => m.meeting_date > today)!.id;
  });
  after(() => t.close());

  test('the minutes read like the seed: attendance, items, "AGREED as follows:" and numbered resolutions with their actions', async () => {
    const agent = await new Agent(t.app).signInAs('member');
    const res = await agent.get(`/meetings/${nov2018}/minutes`);
    assert.equal(res.statusCode, 200);
    const body = text(res.body);
    assert.match(body, /Wednesday 7 November 2018/);
    assert.match(body, /Councillor Alex Morgan \(Chair\)/);
    assert.match(body, /Councillor Owen Price \(substitute for Councillor Nadia Rahman\)/);
    assert.match(body, /AGREED as follows:/);
    assert.match(body, /1\. That the update information in relation to the Bright Spots Programme be noted\./);
    assert.match(body, /4\. That feedback on the findings of the surveys be presented/);
    assert.match(body, /Action: .*Arrange for the Children in Care Council[^<]*<\/a> — owner Sam Taylor, due 9 January 2019/);
    assert.match(body, /Approved on 9 January 2019/);
    assert.match(body, /None\. There were no declarations of interest\./);
    assert.doesNotMatch(body, /Write minutes and resolutions/, 'a member cannot edit');
  });

  test('matters arising at the next meeting lists the open actions from the last one, with status and RAG', async () => {
    const agent = await new Agent(t.app).signInAs('officer');
    const res = await agent.get(`/meetings/${next}/minutes`);
    assert.equal(res.statusCode, 200);
    const body = text(res.body);
    assert.match(body, /Matters arising: open actions from the last meeting/);
    assert.match(body, /Circulate the breakdown of edge-of-care outcomes for adolescents/);
    assert.match(body, /Red: overdue/);
    assert.match(body, /Amber: due soon/);
  });

  test('a confidential item shows only to those allowed; others see a placeholder', async () => {
    const member = await new Agent(t.app).signInAs('member');
    assert.match((await member.get(`/meetings/${recent}/minutes`)).body, /Commissioning of individual placements/);
    const analyst = await new Agent(t.app).signInAs('analyst');
    const res = await analyst.get(`/meetings/${recent}/minutes`);
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /Commissioning of individual placements/);
    assert.doesNotMatch(res.body, /prices offered by providers/);
    assert.match(res.body, /Confidential item — minutes not published/);
  });

  test('two people editing the same minutes: the second save is refused (409) and their text kept, beside the saved one', async () => {
    const item = await itemOf(recent, 'Edge of care: family help and early support');
    const first = await new Agent(t.app).signInAs('admin');
    const second = await new Agent(t.app).signInAs('admin');
    const page = await second.get(`/meetings/${recent}/minutes/items/${item.id}/edit`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`name="minutes_version" value="${item.minutes_version}"`));

    const saved = await first.post(`/meetings/${recent}/minutes/items/${item.id}/edit`, { minutes: 'First clerk: the Board asked about adolescents.', minutes_version: String(item.minutes_version) });
    assert.equal(saved.statusCode, 303);
    const refused = await second.post(`/meetings/${recent}/minutes/items/${item.id}/edit`, { minutes: 'Second clerk: a different account of the discussion.', minutes_version: String(item.minutes_version) });
    assert.equal(refused.statusCode, 409);
    const body = text(refused.body);
    assert.ok(body.includes(MINUTES_CONFLICT_MESSAGE));
    assert.match(body, /<textarea[^>]*name="minutes"[^>]*>Second clerk: a different account of the discussion\.<\/textarea>/);
    assert.match(body, /First clerk: the Board asked about adolescents\./);
    assert.match(body, new RegExp(`name="minutes_version" value="${item.minutes_version + 1}"`), 'the page now carries the saved version, so a deliberate re-save works');
    const row = await t.ctx.db.selectFrom('agenda_item').select(['minutes', 'minutes_version']).where('id', '=', item.id).executeTakeFirstOrThrow();
    assert.equal(row.minutes, 'First clerk: the Board asked about adolescents.');
    assert.equal(row.minutes_version, item.minutes_version + 1);

    const again = await second.post(`/meetings/${recent}/minutes/items/${item.id}/edit`, { minutes: 'Second clerk: merged.', minutes_version: String(item.minutes_version + 1) });
    assert.equal(again.statusCode, 303);
  });

  test('a resolution number that is taken is a field error, and nothing is saved (not even its action)', async () => {
    const item = await itemOf(recent, 'Placement sufficiency strategy: progress');
    const before = await resolutionCount(item.id);
    const actionsBefore = (await t.ctx.db.selectFrom('action').select('id').execute()).length;
    const agent = await new Agent(t.app).signInAs('admin');
    const officer = await t.ctx.db.selectFrom('person').select('id').where('name', '=', 'Sam Taylor').executeTakeFirstOrThrow();
    const res = await agent.post(`/meetings/${recent}/minutes/items/${item.id}/resolutions`, {
      number: '1', text: 'That something else be done.', outcome: 'action', owner: `person-${officer.id}`, due: 'next-meeting', dueBody: String(boardId),
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#number">Resolution 1 already exists for this item/);
    assert.match(text(res.body), /That something else be done\./, 'the text typed is kept');
    assert.equal(await resolutionCount(item.id), before);
    assert.equal((await t.ctx.db.selectFrom('action').select('id').execute()).length, actionsBefore);
  });

  test('a resolution that creates an action due at the next meeting creates both in one transaction; a bad owner saves neither', async () => {
    const item = await itemOf(recent, 'Placement sufficiency strategy: progress');
    const agent = await new Agent(t.app).signInAs('admin');
    const before = await resolutionCount(item.id);
    const bad = await agent.post(`/meetings/${recent}/minutes/items/${item.id}/resolutions`, {
      number: String(before + 1), text: 'That a placement review be carried out.', outcome: 'action', owner: 'person-999999', due: 'next-meeting', dueBody: String(boardId),
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#owner">Select an owner from the list/);
    assert.equal(await resolutionCount(item.id), before, 'no resolution without its action');

    const officer = await t.ctx.db.selectFrom('person').select('id').where('name', '=', 'Sam Taylor').executeTakeFirstOrThrow();
    const ok = await agent.post(`/meetings/${recent}/minutes/items/${item.id}/resolutions`, {
      number: String(before + 1), text: 'That a placement review be carried out.', outcome: 'action', actionTitle: 'Carry out a placement review', owner: `person-${officer.id}`, due: 'next-meeting', dueBody: String(boardId),
    });
    assert.equal(ok.statusCode, 303);
    const resolution = await t.ctx.db.selectFrom('resolution').selectAll().where('agenda_item_id', '=', item.id).where('number', '=', before + 1).executeTakeFirstOrThrow();
    assert.equal(resolution.outcome, 'action');
    const action = await t.ctx.db.selectFrom('action').selectAll().where('resolution_id', '=', resolution.id).executeTakeFirstOrThrow();
    const nextMeeting = await t.ctx.db.selectFrom('meeting').select(['id', 'meeting_date']).where('id', '=', next).executeTakeFirstOrThrow();
    assert.equal(action.title, 'Carry out a placement review');
    assert.equal(action.due_kind, 'next-meeting');
    assert.equal(action.due_date, nextMeeting.meeting_date);
    assert.equal(action.due_meeting_id, next);
    assert.equal(action.owner_person_id, officer.id);

    const minutes = text((await agent.get(`/meetings/${recent}/minutes`)).body);
    assert.match(minutes, new RegExp(`${before + 1}\\. That a placement review be carried out\\.`));
  });

  test('two people changing the same resolution: the second save is refused (409), their wording kept beside the saved one', async () => {
    const item = await itemOf(recent, 'Placement sufficiency strategy: progress');
    const resolution = await t.ctx.db.selectFrom('resolution').selectAll().where('agenda_item_id', '=', item.id).orderBy('number').executeTakeFirstOrThrow();
    const url = `/meetings/${recent}/minutes/items/${item.id}/resolutions/${resolution.id}/edit`;
    const first = await new Agent(t.app).signInAs('admin');
    const second = await new Agent(t.app).signInAs('admin');
    const page = await second.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`name="version" value="${resolution.version}"`));

    const saved = await first.post(url, { number: String(resolution.number), text: 'That the Board note the first wording.', version: String(resolution.version) });
    assert.equal(saved.statusCode, 303);
    const refused = await second.post(url, { number: String(resolution.number), text: 'That the Board note a second wording.', version: String(resolution.version) });
    assert.equal(refused.statusCode, 409);
    const body = text(refused.body);
    assert.ok(body.includes(RESOLUTION_CONFLICT_MESSAGE));
    assert.match(body, /<textarea[^>]*name="text"[^>]*>That the Board note a second wording\.<\/textarea>/);
    assert.match(body, new RegExp(`Resolution ${resolution.number}: That the Board note the first wording\\.`));
    assert.match(body, new RegExp(`name="version" value="${resolution.version + 1}"`), 'the page now carries the saved version');
    const row = await t.ctx.db.selectFrom('resolution').select(['text', 'version']).where('id', '=', resolution.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { text: 'That the Board note the first wording.', version: resolution.version + 1 });

    const again = await second.post(url, { number: String(resolution.number), text: 'That the Board note a merged wording.', version: String(resolution.version + 1) });
    assert.equal(again.statusCode, 303);
    const merged = await t.ctx.db.selectFrom('resolution').select(['text', 'version']).where('id', '=', resolution.id).executeTakeFirstOrThrow();
    assert.deepEqual(merged, { text: 'That the Board note a merged wording.', version: resolution.version + 2 });
  });

  test('the public site shows published agendas and minutes, never a confidential item', async () => {
    const anonymous = new Agent(t.app);
    const list = await anonymous.get('/public');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`href="/public/meetings/${nov2018}"`));
    assert.doesNotMatch(list.body, new RegExp(`href="/public/meetings/${next}"`), 'a draft agenda is not published');
    assert.equal((await anonymous.get(`/public/meetings/${next}`)).statusCode, 404);

    const seed = text((await anonymous.get(`/public/meetings/${nov2018}`)).body);
    assert.match(seed, /Bright Spots Programme/);
    assert.match(seed, /AGREED as follows:/);

    const admin = await new Agent(t.app).signInAs('admin');
    assert.equal((await admin.post(`/meetings/${recent}/minutes/publish`, {})).statusCode, 303);
    const res = await anonymous.get(`/public/meetings/${recent}`);
    assert.equal(res.statusCode, 200);
    const body = text(res.body);
    assert.match(body, /Placement sufficiency strategy: progress/);
    assert.match(body, /AGREED as follows:/);
    assert.match(body, /1 item is confidential/);
    assert.doesNotMatch(body, /Commissioning of individual placements/);
    assert.doesNotMatch(body, /prices offered by providers/);
    assert.doesNotMatch(body, /contract award be supported/);
    assert.equal((await anonymous.get(`/meetings/${recent}/minutes`)).statusCode, 302, 'the workspace minutes need a sign-in');
  });

  test('the chair approves the previous minutes at the next meeting: status, link, and the resolution in "Minutes of the last meeting"', async () => {
    const before = await t.ctx.db.selectFrom('meeting').selectAll().where('id', '=', earlier).executeTakeFirstOrThrow();
    assert.notEqual(before.status, 'minutes-approved');
    const member = await new Agent(t.app).signInAs('member');
    assert.equal((await member.post(`/meetings/${recent}/minutes/approve-previous`, {})).statusCode, 403);

    const chair = await new Agent(t.app).signInAs('chair');
    const page = await chair.get(`/meetings/${recent}/minutes`);
    const dateText = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${before.meeting_date}T12:00:00Z`));
    assert.ok(text(page.body).includes(`Approve the minutes of the meeting held on ${dateText} as a correct record`));
    const res = await chair.post(`/meetings/${recent}/minutes/approve-previous`, {});
    assert.equal(res.statusCode, 303);
    const approved = await t.ctx.db.selectFrom('meeting').selectAll().where('id', '=', earlier).executeTakeFirstOrThrow();
    const recentRow = await t.ctx.db.selectFrom('meeting').selectAll().where('id', '=', recent).executeTakeFirstOrThrow();
    assert.equal(approved.status, 'minutes-approved');
    assert.equal(approved.minutes_approved_at_meeting_id, recent);
    assert.equal(approved.minutes_approved_on, recentRow.meeting_date);
    const minutesItem = await t.ctx.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', recent).where('kind', '=', 'minutes').executeTakeFirstOrThrow();
    const resolutions = await t.ctx.db.selectFrom('resolution').selectAll().where('agenda_item_id', '=', minutesItem.id).execute();
    assert.deepEqual(resolutions.map((r) => r.text), [`That the minutes of the meeting held on ${dateText} be approved as a correct record.`]);

    const again = await chair.post(`/meetings/${recent}/minutes/approve-previous`, {});
    assert.equal(again.statusCode, 409);
    const earlierItem = await t.ctx.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', earlier).where('kind', '=', 'minutes').executeTakeFirstOrThrow();
    const locked = await (await new Agent(t.app).signInAs('admin')).get(`/meetings/${earlier}/minutes/items/${earlierItem.id}/edit`);
    assert.equal(locked.statusCode, 409, 'approved minutes are a correct record: no more editing');
  });

  test('approved minutes can no longer be edited', async () => {
    const item = await itemOf(nov2018, 'Bright Spots Programme');
    const admin = await new Agent(t.app).signInAs('admin');
    const res = await admin.post(`/meetings/${nov2018}/minutes/items/${item.id}/edit`, { minutes: 'Rewritten history.', minutes_version: String(item.minutes_version) });
    assert.equal(res.statusCode, 409);
    const row = await t.ctx.db.selectFrom('agenda_item').select('minutes').where('id', '=', item.id).executeTakeFirstOrThrow();
    assert.notEqual(row.minutes, 'Rewritten history.');
  });
});
