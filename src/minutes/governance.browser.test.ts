import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PEOPLE } from '../demo.js';
import { todayInLondon } from '../platform/http/forms.js';
import { BrowserSession, checkAccessibility } from '../platform/testing/browser.js';

/**
 * The governance loop of issue 4, as a clerk (democratic services, role admin) and a chair would walk
 * it, in Chromium, with an axe check on every page: schedule a meeting, build its agenda from the
 * forward plan, record attendance and a declaration, minute an item with three resolutions (an action
 * due at the next meeting, a forward-plan item in six months, a noting), publish; then at the next
 * meeting see the matters arising and the forward plan, and approve the previous minutes.
 */
const BODY = 'Multi-Agency Looked After Partnership (MALAP)';
const PLAN_TITLE = 'Business case for a new in-house residential home';

function addDays(iso: string, days: number): { iso: string; day: string; month: string; year: string } {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const out = d.toISOString().slice(0, 10);
  return { iso: out, day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

async function submit(page: Page, button: string | RegExp) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', typeof button === 'string' ? { name: button, exact: true } : { name: button }).click()]);
  await page.waitForLoadState('load');
  const problem = page.locator('.govuk-error-summary');
  assert.equal(await problem.count(), 0, `no error after "${String(button)}": ${(await problem.count()) ? await problem.innerText() : ''}`);
  await checkAccessibility(page);
}

async function scheduleMeeting(page: Page, s: BrowserSession, date: { day: string; month: string; year: string }): Promise<number> {
  await s.visit(page, '/meetings/new');
  await page.getByLabel('Board or group').selectOption({ label: BODY });
  const when = page.getByRole('group', { name: 'Date of the meeting' });
  await when.getByLabel('Day').fill(date.day);
  await when.getByLabel('Month').fill(date.month);
  await when.getByLabel('Year').fill(date.year);
  await page.getByLabel('Start time').fill('10:00');
  await page.getByLabel('Venue').fill('Committee Room 2, Town Hall');
  await submit(page, 'Schedule the meeting');
  const m = /\/meetings\/(\d+)/.exec(new URL(page.url()).pathname);
  assert.ok(m, `scheduled, now at ${page.url()}`);
  return Number(m[1]);
}

describe('the governance loop, as a clerk and a chair', () => {
  let s: BrowserSession;
  before(async () => {
    s = await BrowserSession.start();
  });
  after(async () => {
    await s?.close();
  });

  it('meets, decides, follows through, and approves the minutes at the next meeting', async () => {
    const today = todayInLondon();
    const first = addDays(today, -14);
    const clerk = await s.signInAs('admin');

    // 1. Schedule a meeting for today: it starts with the standard opening items.
    const a = await scheduleMeeting(clerk, s, addDays(today, 0));
    const agenda = await clerk.locator('main').innerText();
    for (const t of ['1. Apologies', '2. Declarations of interest', '3. Minutes of the last meeting', '4. Matters arising']) assert.match(agenda, new RegExp(t));

    // 2. The forward plan asks for an item at that meeting; the agenda offers it; add it.
    await s.visit(clerk, '/forward-plan/new');
    await clerk.getByLabel('Board or group').selectOption({ label: BODY });
    await clerk.getByLabel('What should come to the meeting').fill(PLAN_TITLE);
    await clerk.getByRole('radio', { name: 'At a scheduled meeting' }).check();
    await clerk.locator('#targetMeeting').selectOption({ value: String(a) });
    await submit(clerk, 'Add to the forward plan');
    await s.visit(clerk, `/meetings/${a}`);
    await submit(clerk, /^Add to agenda/);
    const itemSection = clerk.locator('section.app-agenda-item', { hasText: PLAN_TITLE });
    assert.match(await itemSection.locator('h3').innerText(), new RegExp(`^5\\. ${PLAN_TITLE}`));
    const itemId = Number((await itemSection.getAttribute('id'))!.replace('item-', ''));

    // 3. Publish the agenda. Two weeks pass (the test moves the meeting's date back, as time would),
    // then the clerk marks it held and records attendance and a declaration.
    await submit(clerk, 'Publish the agenda');
    await s.t.ctx.db.updateTable('meeting').set({ meeting_date: first.iso }).where('id', '=', a).execute();
    await s.visit(clerk, `/meetings/${a}`);
    await submit(clerk, 'Mark as held');
    await s.visit(clerk, `/meetings/${a}/attendance`);
    await clerk.getByRole('group', { name: `${DEMO_PEOPLE.officer.name} (Chair)` }).getByLabel('Present').check();
    await clerk.getByRole('group', { name: `${DEMO_PEOPLE.partner.name} (Vice chair)` }).getByLabel('Present').check();
    await clerk.getByRole('group', { name: 'Inspector Mark Ellis (Member)' }).getByLabel('Apologies').check();
    await clerk.getByLabel('In attendance (officers and guests)').fill('Helen Ward, Executive Director of Children’s Care');
    await submit(clerk, 'Save attendance');
    await s.visit(clerk, `/meetings/${a}/declarations`);
    await clerk.getByLabel('Agenda item').selectOption({ label: `5. ${PLAN_TITLE}` });
    await clerk.getByLabel('Member').selectOption({ label: 'Pat Doyle' });
    await clerk.getByRole('radio').first().check();
    await clerk.getByLabel('Nature of the interest').fill('Is a foster carer for the authority');
    await submit(clerk, 'Record the declaration');

    // 4. The clerk schedules the next meeting (today), then writes the minutes of item 5 with three
    // numbered resolutions.
    const b = await scheduleMeeting(clerk, s, addDays(today, 0));
    await s.visit(clerk, `/meetings/${a}/minutes/items/${itemId}/edit`);
    await clerk.getByLabel('The discussion at this item').fill('The Head of Service presented the business case.\n\nMembers asked about **running costs**.');
    await submit(clerk, 'Save the minutes');

    await s.visit(clerk, `/meetings/${a}/minutes/items/${itemId}/edit`);
    await clerk.getByLabel('Resolution', { exact: true }).fill('That the business case be noted.');
    await clerk.getByRole('radio', { name: 'Notes or agrees something (nothing to follow up)' }).check();
    await submit(clerk, 'Add the resolution');

    await clerk.getByLabel('Resolution', { exact: true }).fill('That the Head of Service report the costed options to the next meeting.');
    await clerk.getByRole('radio', { name: 'Creates an action' }).check();
    await clerk.getByLabel('Owner').selectOption({ label: `${DEMO_PEOPLE.officer.name} (Example Borough Council)` });
    await clerk.getByRole('radio', { name: 'By the next meeting of the board or group chosen below' }).check();
    await clerk.getByLabel('Next meeting of', { exact: true }).selectOption({ label: BODY });
    await submit(clerk, 'Add the resolution');

    await clerk.getByLabel('Resolution', { exact: true }).fill('That a further update on the new home come to the partnership in six months.');
    await clerk.getByRole('radio', { name: 'Adds an item to the forward plan' }).check();
    await clerk.getByRole('group', { name: 'When should it come?' }).getByLabel('In the number of months below').check();
    await clerk.locator('#targetMonths').fill('6');
    await submit(clerk, 'Add the resolution');

    await s.visit(clerk, `/meetings/${a}/minutes`);
    const minutes = await clerk.locator('main').innerText();
    assert.match(minutes, /AGREED as follows:/);
    assert.match(minutes, /1\. That the business case be noted\./);
    assert.match(minutes, /2\. That the Head of Service report the costed options to the next meeting\./);
    assert.match(minutes, /3\. That a further update on the new home come to the partnership in six months\./);
    assert.match(minutes, /Pat Doyle/, 'the declaration is in the minutes');
    assert.match(minutes, /Inspector Mark Ellis/, 'apologies are in the minutes');
    await submit(clerk, 'Publish these minutes');
    assert.match(await clerk.locator('main').innerText(), /published/);

    // 5. The next meeting: matters arising lists the open action with its status; the forward plan holds the update.
    await s.visit(clerk, `/meetings/${b}`);
    const arising = await clerk.locator('#matters-arising').innerText();
    assert.match(arising, /report the costed options/);
    assert.match(arising, /Not started/);
    await s.visit(clerk, '/bodies/malap/forward-plan');
    assert.match(await clerk.locator('main').innerText(), /further update on the new home/);
    await s.visit(clerk, '/actions/mine');

    // 6. The chair approves the previous minutes at the next meeting.
    const chair = await s.signInAs('chair');
    await s.visit(chair, `/meetings/${b}/minutes`);
    await submit(chair, `Approve the minutes of the meeting held on ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${first.iso}T00:00:00Z`))} as a correct record`);
    await s.visit(chair, `/meetings/${a}/minutes`);
    assert.match(await chair.locator('main').innerText(), /Approved on/);

    // 7. The coverage page shows a priority with no work; the public reads the published minutes.
    await s.visit(chair, '/strategy/coverage');
    assert.match(await chair.locator('main').innerText(), /No work in the last 12 months/);
    const visitor = await s.newPage();
    await s.visit(visitor, `/public/meetings/${a}`);
    assert.match(await visitor.locator('main').innerText(), /That the business case be noted/);
  });
});
