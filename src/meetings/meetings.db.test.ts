import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { actionsService } from '../actions/index.js';
import { DEMO_PEOPLE } from '../demo.js';
import type { Actor } from '../platform/audit.js';
import type { Role } from '../platform/auth/roles.js';
import { todayInLondon } from '../platform/http/forms.js';
import { Agent, DEMO_PASSWORD, testApp, type TestApp } from '../platform/testing/app.js';
import { agendaTree, flatten } from './agenda.js';
import * as service from './service.js';
import { bodyAttendanceStatistics } from './stats.js';

const MAX_UPLOAD_BYTES = Math.round(0.01 * 1024 * 1024); // SPOTLIGHT_MAX_UPLOAD_MB=0.01

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function dateFields(iso: string) {
  const [y, m, d] = iso.split('-');
  return { 'date-day': String(Number(d)), 'date-month': String(Number(m)), 'date-year': y! };
}

/** A signed-in session for raw requests (multipart uploads, downloads): its cookie header and CSRF token. */
async function session(app: FastifyInstance, role: Role): Promise<{ cookie: string; csrf: string }> {
  const first = await app.inject({ method: 'GET', url: '/sign-in' });
  const csrf = first.cookies.find((c) => c.name === 'spotlight_csrf')!.value;
  const res = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: `spotlight_csrf=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, email: DEMO_PEOPLE[role].email, password: DEMO_PASSWORD }).toString(),
  });
  assert.equal(res.statusCode, 303);
  const sessionCookie = res.cookies.find((c) => c.name === 'spotlight_session')!.value;
  return { cookie: `spotlight_csrf=${csrf}; spotlight_session=${sessionCookie}`, csrf };
}

function multipart(fields: Record<string, string>, file: { name: string; filename: string; bytes: Buffer; type?: string }) {
  const boundary = '----spotlight-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('meetings', () => {
  let t: TestApp;
  let admin: Agent;
  const today = todayInLondon();
  const actor: Actor = { id: null, label: 'test' };
  let boardId: number;
  let panelId: number;
  let panelSlug: string;

  before(async () => {
    t = await testApp({ env: { SPOTLIGHT_MAX_UPLOAD_MB: '0.01' } });
    admin = await new Agent(t.app).signInAs('admin');
    const db = t.ctx.db;
    boardId = (await db.selectFrom('body').select('id').where('slug', '=', 'corporate-parenting-board').executeTakeFirstOrThrow()).id;
    // A second body, with the demo councillor (role "member") as its only member.
    const panel = await db.insertInto('body').values({ slug: 'test-fostering-panel', name: 'Test Fostering Panel', kind: 'sub-group' }).returning(['id', 'slug']).executeTakeFirstOrThrow();
    panelId = panel.id;
    panelSlug = panel.slug;
    const priya = await db.selectFrom('person').select('id').where('email', '=', DEMO_PEOPLE.member.email).executeTakeFirstOrThrow();
    await db.insertInto('body_member').values({ body_id: panelId, person_id: priya.id, role: 'member', start_date: '2020-01-01' }).execute();
  });
  after(() => t.close());

  const createMeeting = async (bodyId: number, date: string): Promise<number> => {
    const res = await admin.post('/meetings/new', { bodyId: String(bodyId), ...dateFields(date), startTime: '14:00', venue: 'Committee Room 1' });
    assert.equal(res.statusCode, 303, res.body);
    return Number(/\/meetings\/(\d+)/.exec(res.headers.location as string)![1]);
  };
  const numbered = async (meetingId: number) => flatten(await agendaTree(t.ctx.db, meetingId, { id: 'x', role: 'admin' })).map((i) => `${i.number} ${i.title}`);
  const itemId = async (meetingId: number, title: string) =>
    (await t.ctx.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).where('title', '=', title).executeTakeFirstOrThrow()).id;
  const addItem = async (meetingId: number, form: Record<string, string | string[]>) => {
    const res = await admin.post(`/meetings/${meetingId}/items/new`, { kind: 'report', confidential: 'no', ...form });
    assert.equal(res.statusCode, 303, res.body);
  };

  test('a new meeting gets the standard opening items; items and sub-items are numbered, moved and renumbered', async () => {
    const id = await createMeeting(boardId, addDays(today, 20));
    assert.deepEqual(await numbered(id), ['1 Apologies for absence', '2 Declarations of interest', '3 Minutes of the last meeting', '4 Matters arising']);
    await addItem(id, { title: 'Sufficiency strategy', presenter: 'Helen Ward' });
    await addItem(id, { title: 'Health of children in care', kind: 'performance' });
    const parent = await itemId(id, 'Sufficiency strategy');
    await addItem(id, { title: 'Foster carer recruitment', parentId: String(parent) });
    await addItem(id, { title: 'Residential places', parentId: String(parent) });
    assert.deepEqual((await numbered(id)).slice(4), ['5 Sufficiency strategy', '5.1 Foster carer recruitment', '5.2 Residential places', '6 Health of children in care']);

    const page = await admin.get(`/meetings/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /5\.1 Foster carer recruitment/);
    assert.match(page.body, /6\. Health of children in care/);

    // Move 6 up above 5: it becomes 5 and the old 5 (with its sub-items) becomes 6.
    assert.equal((await admin.post(`/meetings/${id}/items/${await itemId(id, 'Health of children in care')}/move`, { direction: 'up' })).statusCode, 303);
    assert.deepEqual((await numbered(id)).slice(4), ['5 Health of children in care', '6 Sufficiency strategy', '6.1 Foster carer recruitment', '6.2 Residential places']);
    // Move a sub-item down; moving the last one down changes nothing.
    await admin.post(`/meetings/${id}/items/${await itemId(id, 'Foster carer recruitment')}/move`, { direction: 'down' });
    await admin.post(`/meetings/${id}/items/${await itemId(id, 'Foster carer recruitment')}/move`, { direction: 'down' });
    assert.deepEqual((await numbered(id)).slice(6), ['6.1 Residential places', '6.2 Foster carer recruitment']);
    // Deleting item 2 renumbers everything after it.
    assert.equal((await admin.post(`/meetings/${id}/items/${await itemId(id, 'Declarations of interest')}/delete`, {})).statusCode, 303);
    assert.deepEqual(await numbered(id), [
      '1 Apologies for absence', '2 Minutes of the last meeting', '3 Matters arising', '4 Health of children in care',
      '5 Sufficiency strategy', '5.1 Residential places', '5.2 Foster carer recruitment',
    ]);
  });

  test('bad meeting and item input: field errors, values kept, nothing saved', async () => {
    const before = await t.ctx.db.selectFrom('meeting').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await admin.post('/meetings/new', { bodyId: String(boardId), 'date-day': '31', 'date-month': '2', 'date-year': '2027', startTime: '25:00', venue: 'Town Hall' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#date-day">The date of the meeting must be a real date/);
    assert.match(res.body, /value="Town Hall"/);
    const badTime = await admin.post('/meetings/new', { bodyId: String(boardId), ...dateFields(addDays(today, 10)), startTime: '25:00', venue: 'Town Hall' });
    assert.equal(badTime.statusCode, 400);
    assert.match(badTime.body, /href="#startTime">Start time must be a 24-hour time/);
    const after = await t.ctx.db.selectFrom('meeting').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));

    const id = await createMeeting(boardId, addDays(today, 25));
    const noReason = await admin.post(`/meetings/${id}/items/new`, { kind: 'report', title: 'Secret report', confidential: 'yes', exemptionParagraph: '3' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /href="#exemptionReason">Enter the reason the item is confidential/);
    assert.match(noReason.body, /value="Secret report"/);
    const empty = await admin.post(`/meetings/${id}/items/new`, { kind: '', title: '', confidential: 'yes' });
    assert.equal(empty.statusCode, 400);
    for (const field of ['kind', 'title', 'exemptionParagraph', 'exemptionReason']) assert.match(empty.body, new RegExp(`href="#${field}"`), `error for ${field}`);
    assert.equal((await numbered(id)).length, 4);
  });

  test('editing a meeting checks its version; a second save of a stale form is refused with 409', async () => {
    const id = await createMeeting(boardId, addDays(today, 30));
    const form = { ...dateFields(addDays(today, 31)), startTime: '10:00', venue: 'Council Chamber', version: '1' };
    assert.equal((await admin.post(`/meetings/${id}/edit`, form)).statusCode, 303);
    const stale = await admin.post(`/meetings/${id}/edit`, { ...form, venue: 'Online' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /Someone else changed this/);
    assert.match(stale.body, /value="Online"/);
    const row = await t.ctx.db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.venue, 'Council Chamber');
    assert.equal(row.start_time, '10:00');

    // The same for an agenda item: the second save of version 1 is refused and the typed title kept.
    const item = await itemId(id, 'Matters arising');
    const edit = { kind: 'matters-arising', title: 'Matters arising from the last meeting', confidential: 'no', version: '1' };
    assert.equal((await admin.post(`/meetings/${id}/items/${item}/edit`, edit)).statusCode, 303);
    const second = await admin.post(`/meetings/${id}/items/${item}/edit`, { ...edit, title: 'Matters arising (second editor)' });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /value="Matters arising \(second editor\)"/);
    assert.ok((await numbered(id)).includes('4 Matters arising from the last meeting'));
  });

  test('papers: PDF and Word accepted with a checksum; wrong type and over-size refused, nothing saved', async () => {
    const id = await createMeeting(boardId, addDays(today, 35));
    await addItem(id, { title: 'Annual report' });
    const item = await itemId(id, 'Annual report');
    const s = await session(t.app, 'admin');
    const upload = (file: { filename: string; bytes: Buffer }, title = '') => {
      const body = multipart({ paperTitle: title }, { name: 'paper', ...file });
      return t.app.inject({
        method: 'POST',
        url: `/meetings/${id}/items/${item}/papers?_csrf=${s.csrf}`,
        headers: { cookie: s.cookie, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const count = async () => Number((await t.ctx.db.selectFrom('agenda_paper').select((eb) => eb.fn.countAll<number>().as('n')).where('agenda_item_id', '=', item).executeTakeFirstOrThrow()).n);

    const ok = await upload({ filename: 'annual-report.pdf', bytes: PDF_BYTES }, 'Annual report 2026');
    assert.equal(ok.statusCode, 303, ok.body);
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('[Content_Types].xml word/document.xml')]);
    assert.equal((await upload({ filename: 'appendix.docx', bytes: docx })).statusCode, 303);
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]);
    assert.equal((await upload({ filename: 'old.doc', bytes: doc })).statusCode, 303);
    assert.equal(await count(), 3);

    // A renamed executable, a spreadsheet (a ZIP without word/document.xml) and a file over the limit are refused.
    const exe = await upload({ filename: 'report.pdf', bytes: Buffer.from('MZ\x90\x00 this is not a pdf') });
    assert.equal(exe.statusCode, 400);
    assert.match(exe.body, /href="#paper">The selected file must be a PDF or a Word document/);
    const xlsx = await upload({ filename: 'figures.docx', bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml')]) });
    assert.equal(xlsx.statusCode, 400);
    const big = await upload({ filename: 'huge.pdf', bytes: Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_UPLOAD_BYTES + 10, 0x20)]) });
    assert.equal(big.statusCode, 413);
    assert.match(big.body, /href="#paper">The selected file must be smaller than/);
    const empty = await upload({ filename: 'empty.pdf', bytes: Buffer.alloc(0) });
    assert.equal(empty.statusCode, 400);
    assert.equal(await count(), 3, 'nothing saved for refused uploads');

    const stored = await t.ctx.db.selectFrom('agenda_paper').selectAll().where('agenda_item_id', '=', item).orderBy('id').execute();
    assert.equal(stored[0]!.content_type, 'application/pdf');
    assert.equal(stored[0]!.title, 'Annual report 2026');
    assert.match(stored[0]!.sha256, /^[0-9a-f]{64}$/);
    assert.equal(stored[1]!.content_type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.equal(stored[2]!.content_type, 'application/msword');

    const download = await admin.get(`/papers/${stored[0]!.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.match(String(download.headers['content-disposition']), /^attachment; filename="annual-report\.pdf"/);
    assert.deepEqual(download.rawPayload, PDF_BYTES);
    // The public may download it only once the agenda is published.
    assert.equal((await t.app.inject({ method: 'GET', url: `/papers/${stored[0]!.id}` })).statusCode, 403);
    assert.equal((await admin.post(`/meetings/${id}/publish`, {})).statusCode, 303);
    assert.equal((await t.app.inject({ method: 'GET', url: `/papers/${stored[0]!.id}` })).statusCode, 200);
    // Removing a paper.
    assert.equal((await admin.post(`/meetings/${id}/papers/${stored[2]!.id}/delete`, {})).statusCode, 303);
    assert.equal(await count(), 2);
  });

  test('a confidential item is hidden from a member of another body and from the public, shown to a member of the body', async () => {
    const s = await session(t.app, 'admin');
    const check = async (bodyId: number) => {
      const id = await createMeeting(bodyId, addDays(today, 40));
      await addItem(id, { title: 'Placement breakdown of a named child', confidential: 'yes', exemptionParagraph: '2', exemptionReason: 'Would identify a child in care' });
      const item = await itemId(id, 'Placement breakdown of a named child');
      await addItem(id, { title: 'Sub-item of the confidential item', parentId: String(item) });
      const body = multipart({ paperTitle: 'Case summary' }, { name: 'paper', filename: 'case.pdf', bytes: PDF_BYTES });
      const up = await t.app.inject({ method: 'POST', url: `/meetings/${id}/items/${item}/papers?_csrf=${s.csrf}`, headers: { cookie: s.cookie, 'content-type': body.contentType }, payload: body.payload });
      assert.equal(up.statusCode, 303);
      assert.equal((await admin.post(`/meetings/${id}/publish`, {})).statusCode, 303);
      const paperId = (await t.ctx.db.selectFrom('agenda_paper').select('id').where('agenda_item_id', '=', item).executeTakeFirstOrThrow()).id;
      return { id, paperId };
    };
    const panel = await check(panelId); // members: the demo councillor (role member) only
    const board = await check(boardId); // the chair and the councillor are both members

    const member = await new Agent(t.app).signInAs('member');
    const chair = await new Agent(t.app).signInAs('chair');

    // The councillor is a member of the panel: sees the title, the Schedule 12A notice and the paper.
    const seen = await member.get(`/meetings/${panel.id}`);
    assert.match(seen.body, /Placement breakdown of a named child/);
    assert.match(seen.body, /Confidential: not for publication \(Schedule 12A, paragraph 2\)/);
    assert.match(seen.body, new RegExp(`/papers/${panel.paperId}`));
    assert.equal((await member.get(`/papers/${panel.paperId}`)).statusCode, 200);

    // The chair is not a member of the panel: "Confidential item", no title, no papers, 403 on the paper.
    const hidden = await chair.get(`/meetings/${panel.id}`);
    assert.equal(hidden.statusCode, 200);
    assert.doesNotMatch(hidden.body, /Placement breakdown/);
    assert.doesNotMatch(hidden.body, /Sub-item of the confidential item/);
    assert.doesNotMatch(hidden.body, /Case summary/);
    assert.match(hidden.body, /Confidential item/);
    assert.equal((await chair.get(`/papers/${panel.paperId}`)).statusCode, 403);
    const viaTree = flatten(await agendaTree(t.ctx.db, panel.id, null)).filter((i) => i.confidential);
    assert.deepEqual(viaTree.map((i) => [i.title, i.papers.length, i.hidden]), [['Confidential item', 0, true], ['Confidential item', 0, true]]);

    // The chair is a member of the Board: sees the Board's confidential item.
    assert.match((await chair.get(`/meetings/${board.id}`)).body, /Placement breakdown of a named child/);
    assert.equal((await chair.get(`/papers/${board.paperId}`)).statusCode, 200);

    // The public never gets a confidential paper, even with the agenda published.
    for (const p of [panel.paperId, board.paperId]) assert.equal((await t.app.inject({ method: 'GET', url: `/papers/${p}` })).statusCode, 403);
  });

  test('attendance is recorded per member; statistics leave out cancelled meetings', async () => {
    const db = t.ctx.db;
    const body = await db.insertInto('body').values({ slug: 'test-stats-group', name: 'Test Stats Group', kind: 'sub-group' }).returning(['id', 'slug']).executeTakeFirstOrThrow();
    const people = await db.insertInto('person').values([{ name: 'Test Member A' }, { name: 'Test Member B' }]).returning(['id', 'name']).execute();
    const [a, b] = people;
    await db.insertInto('body_member').values(people.map((p) => ({ body_id: body.id, person_id: p.id, role: 'member' as const, start_date: '2020-01-01' }))).execute();

    const held = await createMeeting(body.id, addDays(today, -60));
    const held2 = await createMeeting(body.id, addDays(today, -30));
    const cancelled = await createMeeting(body.id, addDays(today, -15));
    const res = await admin.post(`/meetings/${held}/attendance`, { [`status-${a!.id}`]: 'present', [`status-${b!.id}`]: 'apologies', inAttendance: 'Helen Ward, Executive Director\nA guest' });
    assert.equal(res.statusCode, 303, res.body);
    await admin.post(`/meetings/${held2}/attendance`, { [`status-${a!.id}`]: 'present', [`status-${b!.id}`]: 'substitute', [`substituteFor-${b!.id}`]: String(a!.id) });
    // Recorded before it was cancelled: must not count.
    await admin.post(`/meetings/${cancelled}/attendance`, { [`status-${a!.id}`]: 'absent', [`status-${b!.id}`]: 'absent' });
    assert.equal((await admin.post(`/meetings/${cancelled}/cancel`, { reason: 'Not quorate', version: '1' })).statusCode, 303);

    // A substitute must say whom for.
    const bad = await admin.post(`/meetings/${held}/attendance`, { [`status-${a!.id}`]: 'substitute' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, new RegExp(`href="#substituteFor-${a!.id}">Select the member they are substituting for`));

    const page = await admin.get(`/meetings/${held}/attendance`);
    assert.match(page.body, /A guest/);
    assert.match(page.body, /Test Member A/);

    const stats = await bodyAttendanceStatistics(db, body.id, today);
    const byName = Object.fromEntries(stats.map((s) => [s.name, s]));
    assert.deepEqual({ ...byName['Test Member A'] }, { personId: a!.id, name: 'Test Member A', expected: 2, present: 2, apologies: 0, absent: 0, notRecorded: 0, percentage: 100 });
    assert.deepEqual({ ...byName['Test Member B'] }, { personId: b!.id, name: 'Test Member B', expected: 2, present: 1, apologies: 1, absent: 0, notRecorded: 0, percentage: 50 });
    const statsPage = await admin.get(`/bodies/${body.slug}/attendance`);
    assert.equal(statsPage.statusCode, 200);
    assert.match(statsPage.body, /50%/);
  });

  test('declarations of interest per item, by a member', async () => {
    const id = await createMeeting(panelId, addDays(today, 45));
    const item = await itemId(id, 'Minutes of the last meeting');
    const priya = (await t.ctx.db.selectFrom('person').select('id').where('email', '=', DEMO_PEOPLE.member.email).executeTakeFirstOrThrow()).id;
    const missing = await admin.post(`/meetings/${id}/declarations`, { agendaItemId: String(item), personId: String(priya), nature: '' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /href="#kind">Select the kind of interest/);
    const ok = await admin.post(`/meetings/${id}/declarations`, { agendaItemId: String(item), personId: String(priya), kind: 'other-registrable', nature: 'Governor of a school attended by children in care' });
    assert.equal(ok.statusCode, 303);
    const page = await admin.get(`/meetings/${id}/declarations`);
    assert.match(page.body, /Governor of a school attended by children in care/);
    assert.match(page.body, /Other registrable interest/);
    const chairPerson = (await t.ctx.db.selectFrom('person').select('id').where('email', '=', DEMO_PEOPLE.chair.email).executeTakeFirstOrThrow()).id;
    const notMember = await admin.post(`/meetings/${id}/declarations`, { agendaItemId: String(item), personId: String(chairPerson), kind: 'non-registrable', nature: 'x' });
    assert.equal(notMember.statusCode, 400);
  });

  test('changing a meeting date re-resolves actions due "at the next meeting" (via the actions service)', async () => {
    const db = t.ctx.db;
    const body = await db.insertInto('body').values({ slug: 'test-next-meeting', name: 'Test Next Meeting Group', kind: 'sub-group' }).returning(['id']).executeTakeFirstOrThrow();
    const first = await createMeeting(body.id, addDays(today, 50));
    const owner = (await db.selectFrom('person').select('id').where('email', '=', DEMO_PEOPLE.officer.email).executeTakeFirstOrThrow()).id;
    const action = await db.transaction().execute((tx) =>
      actionsService.createAction(tx, actor, { bodyId: body.id, title: 'Report back on placements', owner: { personId: owner }, due: { kind: 'next-meeting', bodyId: body.id } }),
    );
    assert.equal(action.dueDate, addDays(today, 50));
    const moved = await admin.post(`/meetings/${first}/edit`, { ...dateFields(addDays(today, 55)), startTime: '14:00', venue: 'Committee Room 1', version: '1' });
    assert.equal(moved.statusCode, 303);
    const row = await db.selectFrom('action').select(['due_date', 'due_meeting_id']).where('id', '=', action.id).executeTakeFirstOrThrow();
    assert.equal(row.due_date, addDays(today, 55));
    assert.equal(row.due_meeting_id, first);
    // Cancelling it moves the action to the following meeting.
    const second = await createMeeting(body.id, addDays(today, 80));
    assert.equal((await admin.post(`/meetings/${first}/cancel`, { reason: 'Moved', version: '2' })).statusCode, 303);
    const after = await db.selectFrom('action').select(['due_date', 'due_meeting_id']).where('id', '=', action.id).executeTakeFirstOrThrow();
    assert.equal(after.due_meeting_id, second);
  });

  test('the forward plan offers items due for a meeting; "Add to agenda" schedules them as report items', async () => {
    const db = t.ctx.db;
    const body = await db.insertInto('body').values({ slug: 'test-forward-plan', name: 'Test Forward Plan Group', kind: 'sub-group' }).returning(['id']).executeTakeFirstOrThrow();
    const id = await createMeeting(body.id, addDays(today, 60));
    const fp = await db.transaction().execute((tx) => actionsService.createForwardPlanItem(tx, actor, { bodyId: body.id, title: 'Care leavers’ accommodation update', target: { kind: 'meeting', meetingId: id } }));
    const page = await admin.get(`/meetings/${id}`);
    assert.match(page.body, /Care leavers’ accommodation update/);
    assert.match(page.body, new RegExp(`/meetings/${id}/forward-plan/${fp.id}`));
    assert.equal((await admin.post(`/meetings/${id}/forward-plan/${fp.id}`, {})).statusCode, 303);
    assert.deepEqual((await numbered(id)).slice(4), ['5 Care leavers’ accommodation update']);
    const item = await db.selectFrom('forward_plan_item').select(['status', 'agenda_item_id']).where('id', '=', fp.id).executeTakeFirstOrThrow();
    assert.equal(item.status, 'scheduled');
    assert.equal(item.agenda_item_id, await itemId(id, 'Care leavers’ accommodation update'));
    assert.deepEqual(await actionsService.forwardPlanDueFor(db, id), []);
  });

  test('status: publish and mark held; other statuses through setMeetingStatus; members cannot manage', async () => {
    const id = await createMeeting(boardId, addDays(today, -1));
    assert.equal((await admin.post(`/meetings/${id}/publish`, {})).statusCode, 303);
    assert.equal((await admin.post(`/meetings/${id}/held`, {})).statusCode, 303);
    await t.ctx.db.transaction().execute((tx) => service.setMeetingStatus(tx, actor, id, ['held'], 'minutes-drafted'));
    await assert.rejects(
      t.ctx.db.transaction().execute((tx) => service.setMeetingStatus(tx, actor, id, ['held'], 'minutes-approved')),
      service.MeetingInputError,
    );
    const row = await t.ctx.db.selectFrom('meeting').select(['status', 'agenda_published_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'minutes-drafted');
    assert.ok(row.agenda_published_at);
    const future = await createMeeting(boardId, addDays(today, 90));
    const early = await admin.post(`/meetings/${future}/held`, {});
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /cannot be marked as held before its date/);

    const member = await new Agent(t.app).signInAs('member');
    assert.equal((await member.get('/meetings')).statusCode, 200);
    assert.equal((await member.get('/meetings/new')).statusCode, 403);
    assert.equal((await member.post(`/meetings/${future}/items/new`, { kind: 'report', title: 'x' })).statusCode, 403);
    assert.equal((await member.get(`/bodies/${panelSlug}/attendance`)).statusCode, 200);
  });
});
