import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent, testApp, type TestApp } from '../platform/testing/app.js';
import { todayInLondon } from '../platform/http/forms.js';

/** The GOV.UK date input fields for 'YYYY-MM-DD'. */
function dateFields(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! };
}

function bodyForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Care Leavers Housing Task and Finish Group',
    kind: 'task-and-finish',
    parentId: '',
    remit: 'Find out why care leavers wait for housing.',
    purpose: 'To review housing for care leavers.',
    scope: 'Care leavers aged 18 to 25.',
    membership: 'Three councillors.',
    quorum: '2',
    frequency: 'Monthly',
    reportingLine: 'Corporate Parenting Board',
    ...dateFields('startDate', '2026-01-05'),
    ...dateFields('endDate', '2026-07-31'),
    ...dateFields('reviewDate', '2026-07-31'),
    ...overrides,
  };
}

describe('bodies: editing bodies, memberships, organisations and people', () => {
  let t: TestApp;
  let admin: Agent;
  let boardId: number;
  before(async () => {
    t = await testApp();
    admin = await new Agent(t.app).signInAs('admin');
    boardId = (await t.ctx.db.selectFrom('body').select('id').where('slug', '=', 'corporate-parenting-board').executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  const countBodies = async () => Number((await t.ctx.db.selectFrom('body').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('bad input is named field by field, the values typed are kept, and nothing is saved', async () => {
    const n = await countBodies();
    const res = await admin.post('/bodies/new', bodyForm({ name: '', quorum: 'three', ...dateFields('startDate', '2026-02-30') }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /govuk-error-summary/);
    assert.match(res.body, /href="#name">Enter the name of the board or group/);
    assert.match(res.body, /href="#parentId">Select the board or group the task and finish group reports to/);
    assert.match(res.body, /href="#quorum">Quorum must be a whole number/);
    assert.match(res.body, /href="#startDate-day">The start date must be a real date/);
    assert.match(res.body, /Find out why care leavers wait for housing\./, 'the remit typed is kept');
    assert.match(res.body, /value="three"/);
    assert.equal(await countBodies(), n);
  });

  test('an end date before the start date is refused', async () => {
    const res = await admin.post('/bodies/new', bodyForm({ parentId: String(boardId), ...dateFields('endDate', '2025-12-31') }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#endDate-day">End date must be the same as or after the start date/);
  });

  test('an administrator creates a task and finish group; its slug comes from its name and is unique; the change is audited', async () => {
    const res = await admin.post('/bodies/new', bodyForm({ parentId: String(boardId) }));
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/bodies/care-leavers-housing-task-and-finish-group?saved=body');
    const page = await admin.get('/bodies/care-leavers-housing-task-and-finish-group');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Task and finish group/);
    assert.match(page.body, /To review housing for care leavers\./);
    assert.match(page.body, /href="\/bodies\/corporate-parenting-board">Corporate Parenting Board/);
    const row = await t.ctx.db.selectFrom('body').selectAll().where('slug', '=', 'care-leavers-housing-task-and-finish-group').executeTakeFirstOrThrow();
    assert.equal(row.parent_id, boardId);
    assert.equal(row.quorum, 2);
    assert.equal(row.start_date, '2026-01-05');
    const audit = await t.ctx.db.selectFrom('audit_event').selectAll().where('entity', '=', 'body').where('entity_id', '=', String(row.id)).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'create');

    const again = await admin.post('/bodies/new', bodyForm({ parentId: String(boardId) }));
    assert.equal(again.headers.location, '/bodies/care-leavers-housing-task-and-finish-group-2?saved=body');
  });

  test('the terms of reference show "due for review" once the review date has passed', async () => {
    const page = await admin.get('/bodies/care-leavers-housing-task-and-finish-group');
    const due = '2026-07-31' < todayInLondon();
    assert.equal(/Terms of reference due for review/.test(page.body), due);
    const board = await admin.get('/bodies/corporate-parenting-board');
    assert.doesNotMatch(board.body, /Terms of reference due for review/, 'the board is reviewed in 2027');
    const list = await admin.get('/bodies');
    const row = list.body.slice(list.body.indexOf('/bodies/care-leavers-housing-task-and-finish-group"'));
    assert.equal(/^[^\n]*Terms of reference due for review/.test(row.slice(0, 300).replace(/\n/g, ' ')), due);
  });

  test('editing: the version check refuses a stale save with 409 and keeps what the user typed', async () => {
    const form = await admin.get('/bodies/malap/edit');
    assert.equal(form.statusCode, 200);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const malap = await t.ctx.db.selectFrom('body').selectAll().where('slug', '=', 'malap').executeTakeFirstOrThrow();
    const base = {
      name: malap.name, kind: malap.kind, parentId: String(malap.parent_id), remit: malap.remit, purpose: malap.purpose, scope: malap.scope,
      membership: malap.membership, quorum: String(malap.quorum), frequency: 'Every six weeks', reportingLine: malap.reporting_line,
      ...dateFields('startDate', malap.start_date!), ...dateFields('reviewDate', malap.review_date!), version,
    };
    const first = await admin.post('/bodies/malap/edit', base);
    assert.equal(first.statusCode, 303);
    const stale = await admin.post('/bodies/malap/edit', { ...base, frequency: 'Monthly, on Tuesdays' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this board or group while you were editing it/);
    assert.match(stale.body, /value="Monthly, on Tuesdays"/, 'the user’s text is kept');
    assert.match(stale.body, /Every six weeks/, 'the latest saved version is shown');
    const row = await t.ctx.db.selectFrom('body').selectAll().where('slug', '=', 'malap').executeTakeFirstOrThrow();
    assert.equal(row.frequency, 'Every six weeks');
    assert.equal(row.version, malap.version + 1);
    const newVersion = /name="version" value="(\d+)"/.exec(stale.body)![1]!;
    assert.equal(Number(newVersion), row.version, 'saving again from the conflict page is possible');
  });

  test('a body cannot report to itself or to a group that reports to it', async () => {
    const form = await admin.get('/bodies/corporate-parenting-board/edit');
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const malap = await t.ctx.db.selectFrom('body').select('id').where('slug', '=', 'malap').executeTakeFirstOrThrow();
    const res = await admin.post('/bodies/corporate-parenting-board/edit', { name: 'Corporate Parenting Board', kind: 'board', parentId: String(malap.id), version });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /cannot report to itself or to a group that reports to it/);
  });

  test('memberships: one chair at a time, past members kept, roles changed with the same rule', async () => {
    const people = await t.ctx.db.selectFrom('person').select(['id', 'name']).execute();
    const person = (name: string) => people.find((p) => p.name === name)!.id;
    // The board already has a chair from 2026: a second, open-ended chair is refused.
    const refused = await admin.post('/bodies/corporate-parenting-board/members/new', { personId: String(person('Lena Fox')), role: 'chair', ...dateFields('startDate', '2030-01-01') });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /is already the chair over those dates/);

    // A new group: add a chair, end their membership, then a new chair from the next day.
    await admin.post('/bodies/new', bodyForm({ name: 'Placement Sufficiency Group', kind: 'sub-group', ...dateFields('endDate', '2027-12-31') }));
    const first = await admin.post('/bodies/placement-sufficiency-group/members/new', { personId: String(person('Councillor Tom Hughes')), role: 'chair', ...dateFields('startDate', '2026-01-05') });
    assert.equal(first.statusCode, 303);
    const second = await admin.post('/bodies/placement-sufficiency-group/members/new', { personId: String(person('Councillor Nadia Rahman')), role: 'chair', ...dateFields('startDate', '2026-03-01') });
    assert.equal(second.statusCode, 400, 'two chairs over the same dates');
    const same = await admin.post('/bodies/placement-sufficiency-group/members/new', { personId: String(person('Councillor Tom Hughes')), role: 'member', ...dateFields('startDate', '2026-03-01') });
    assert.equal(same.statusCode, 400, 'one membership per person at a time');
    assert.match(same.body, /Councillor Tom Hughes is already a chair of this board or group/);

    const m = await t.ctx.db.selectFrom('body_member').selectAll().where('person_id', '=', person('Councillor Tom Hughes')).where('role', '=', 'chair').where('start_date', '=', '2026-01-05').executeTakeFirstOrThrow();
    const page = await admin.get(`/bodies/placement-sufficiency-group/members/${m.id}`);
    assert.equal(page.statusCode, 200);
    const ended = await admin.post(`/bodies/placement-sufficiency-group/members/${m.id}/end`, { ...dateFields('endDate', '2026-02-28'), version: String(m.version) });
    assert.equal(ended.statusCode, 303);
    const stale = await admin.post(`/bodies/placement-sufficiency-group/members/${m.id}/role`, { role: 'member', version: String(m.version) });
    assert.equal(stale.statusCode, 409, 'a stale membership form is refused');
    const now = await admin.post('/bodies/placement-sufficiency-group/members/new', { personId: String(person('Councillor Nadia Rahman')), role: 'chair', ...dateFields('startDate', '2026-03-01') });
    assert.equal(now.statusCode, 303);
    const vice = await admin.post('/bodies/placement-sufficiency-group/members/new', { personId: String(person('Councillor Jo Brennan')), role: 'vice-chair', ...dateFields('startDate', '2026-03-01') });
    assert.equal(vice.statusCode, 303);
    const member = await admin.post('/bodies/placement-sufficiency-group/members/new', { personId: String(person('Councillor Owen Price')), role: 'member', ...dateFields('startDate', '2026-03-01') });
    assert.equal(member.statusCode, 303);

    // Making the member vice chair too is refused; making them co-opted is fine.
    const price = await t.ctx.db.selectFrom('body_member').selectAll().where('person_id', '=', person('Councillor Owen Price')).where('start_date', '=', '2026-03-01').executeTakeFirstOrThrow();
    const twoVice = await admin.post(`/bodies/placement-sufficiency-group/members/${price.id}/role`, { role: 'vice-chair', version: String(price.version) });
    assert.equal(twoVice.statusCode, 400);
    assert.match(twoVice.body, /Councillor Jo Brennan is already the vice chair/);
    const coopted = await admin.post(`/bodies/placement-sufficiency-group/members/${price.id}/role`, { role: 'co-opted', version: String(price.version) });
    assert.equal(coopted.statusCode, 303);
    // With no date the new role starts today: the membership keeps its role until yesterday, and a new one
    // with the new role starts today, so the record says who held which role when.
    const today = todayInLondon();
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const prices = await t.ctx.db.selectFrom('body_member').select(['role', 'start_date', 'end_date']).where('person_id', '=', person('Councillor Owen Price'))
      .where('body_id', '=', price.body_id).orderBy('start_date').execute();
    assert.deepEqual(prices, [
      { role: 'member', start_date: '2026-03-01', end_date: yesterday },
      { role: 'co-opted', start_date: today, end_date: null },
    ]);
    const newer = await t.ctx.db.selectFrom('body_member').selectAll().where('person_id', '=', person('Councillor Owen Price')).where('start_date', '=', today).executeTakeFirstOrThrow();
    // From the membership's first day (or before), the role is changed in place.
    const inPlace = await admin.post(`/bodies/placement-sufficiency-group/members/${newer.id}/role`, { role: 'member', version: String(newer.version), ...dateFields('fromDate', today) });
    assert.equal(inPlace.statusCode, 303);
    assert.equal((await t.ctx.db.selectFrom('body_member').select('role').where('id', '=', newer.id).executeTakeFirstOrThrow()).role, 'member');
    const badDate = await admin.post(`/bodies/placement-sufficiency-group/members/${newer.id}/role`, { role: 'co-opted', version: String(newer.version + 1), 'fromDate-day': '31', 'fromDate-month': '2', 'fromDate-year': '2026' });
    assert.equal(badDate.statusCode, 400);
    assert.match(badDate.body, /href="#fromDate-day">The date the new role starts must be a real date/);

    const body = await admin.get('/bodies/placement-sufficiency-group');
    const chairRow = /Chair\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*([^<]+?)\s*<\/dd>/.exec(body.body);
    assert.equal(chairRow?.[1], 'Councillor Nadia Rahman');
    assert.match(body.body, /Vice chair\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Councillor Jo Brennan/);
    const past = body.body.slice(body.body.indexOf('id="past-members"'));
    assert.match(past, /Councillor Tom Hughes/, 'the ended chair is a past member');
    assert.match(past, /28 February 2026/);
    const audits = await t.ctx.db.selectFrom('audit_event').select('action').where('entity', '=', 'body_member').execute();
    assert.ok(audits.length >= 6);
  });

  test('organisations and people: added with field errors for bad input; a user account links to one person only', async () => {
    const bad = await admin.post('/organisations/new', { name: '', kind: 'circus' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Enter the name of the organisation/);
    assert.match(bad.body, /Select what kind of organisation it is/);
    const dup = await admin.post('/organisations/new', { name: 'example police', kind: 'police' });
    assert.equal(dup.statusCode, 400);
    assert.match(dup.body, /already exists/);
    const ok = await admin.post('/organisations/new', { name: 'Example Virtual School', kind: 'education' });
    assert.equal(ok.statusCode, 303);
    const list = await admin.get('/organisations');
    assert.match(list.body, /Example Virtual School/);

    const org = await t.ctx.db.selectFrom('organisation').select('id').where('name', '=', 'Example Virtual School').executeTakeFirstOrThrow();
    const badPerson = await admin.post('/people/new', { name: 'Sam Okafor', jobTitle: 'Virtual School Head', organisationId: String(org.id), email: 'not-an-email', userId: '' });
    assert.equal(badPerson.statusCode, 400);
    assert.match(badPerson.body, /Enter an email address in the correct format/);
    assert.match(badPerson.body, /value="Sam Okafor"/);
    const chairUser = await t.ctx.db.selectFrom('person').select('user_id').where('user_id', 'is not', null).executeTakeFirstOrThrow();
    const taken = await admin.post('/people/new', { name: 'Sam Okafor', jobTitle: 'Virtual School Head', organisationId: String(org.id), email: 'sam.okafor@example.gov.uk', userId: chairUser.user_id! });
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /That user account is already linked to/);
    const added = await admin.post('/people/new', { name: 'Sam Okafor', jobTitle: 'Virtual School Head', organisationId: String(org.id), email: 'sam.okafor@example.gov.uk', userId: '' });
    assert.equal(added.statusCode, 303);
    const sam = await t.ctx.db.selectFrom('person').selectAll().where('name', '=', 'Sam Okafor').executeTakeFirstOrThrow();
    const edit = await admin.post(`/people/${sam.id}/edit`, { name: 'Sam Okafor', jobTitle: 'Head of the Virtual School', organisationId: String(org.id), email: sam.email!, userId: '', version: String(sam.version) });
    assert.equal(edit.statusCode, 303);
    const stale = await admin.post(`/people/${sam.id}/edit`, { name: 'Sam Okafor', jobTitle: 'Virtual School Headteacher', organisationId: String(org.id), email: sam.email!, userId: '', version: String(sam.version) });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /value="Virtual School Headteacher"/);
  });

  test('members and chairs can read the pages but not change them (403)', async () => {
    const member = await new Agent(t.app).signInAs('member');
    assert.equal((await member.get('/bodies/corporate-parenting-board')).statusCode, 200);
    assert.doesNotMatch((await member.get('/bodies/corporate-parenting-board')).body, /Add a member/);
    for (const url of ['/bodies/new', '/bodies/malap/edit', '/bodies/malap/members/new', '/people', '/organisations', '/people/new']) {
      assert.equal((await member.get(url)).statusCode, 403, url);
    }
    assert.equal((await member.post('/bodies/new', bodyForm({ parentId: String(boardId), name: 'Sneaky group' }))).statusCode, 403);
    const chair = await new Agent(t.app).signInAs('chair');
    assert.equal((await chair.post('/bodies/malap/edit', { name: 'x', kind: 'board', version: '1' })).statusCode, 403);
    const sneaky = await t.ctx.db.selectFrom('body').select('id').where('name', '=', 'Sneaky group').execute();
    assert.equal(sneaky.length, 0);
  });
});
