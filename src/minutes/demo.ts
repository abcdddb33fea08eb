/**
 * Demo content: the Corporate Parenting Board meeting of 7 November 2018 (seed 003, whose paper is
 * its minutes), reproduced item by item with its numbered resolutions and the actions and forward-plan
 * items they asked for; the next meetings in its cycle (January and March 2019), which took those
 * items and approved the minutes; and, relative to "today", two recent meetings with tagged items and
 * open actions, and a draft meeting three weeks ahead whose agenda is built from the forward plan.
 * Names are fictional. Runs after the bodies, strategy, meetings and actions demos.
 */
import { actionsService } from '../actions/index.js';
import { meetingsService } from '../meetings/index.js';
import type { Actor } from '../platform/audit.js';
import type { DemoContext } from '../platform/capability.js';
import { todayInLondon } from '../platform/http/forms.js';
import * as q from './queries.js';
import * as service from './service.js';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Tx = DemoContext['db'];
type ResolutionSpec = { text: string; action?: service.ResolutionActionInput; plan?: service.ResolutionPlanInput };
type ItemSpec = {
  kind: 'report' | 'presentation' | 'performance' | 'any-other-business' | 'spotlight';
  title: string;
  presenter?: string;
  minutes: string;
  resolutions: ResolutionSpec[];
  priorities?: string[];
  confidential?: { paragraph: number; reason: string };
};

async function writeItem(tx: Tx, actor: Actor, meetingId: number, itemId: number, minutes: string, resolutions: ResolutionSpec[]) {
  if (minutes) await service.saveMinutes(tx, actor, { meetingId, itemId, version: 1, minutes });
  const ids: { id: number; actionId?: number; forwardPlanItemId?: number }[] = [];
  for (const [i, r] of resolutions.entries()) {
    ids.push(
      await service.addResolution(tx, actor, {
        meetingId,
        itemId,
        number: i + 1,
        text: r.text,
        outcome: r.action ? 'action' : r.plan ? 'forward-plan' : 'noted',
        action: r.action,
        plan: r.plan,
      }),
    );
  }
  return ids;
}

export async function minutesDemo(ctx: DemoContext): Promise<void> {
  const tx = ctx.db;
  const today = todayInLondon(ctx.today);
  const admin = ctx.users.admin!;
  const actor: Actor = { id: admin.id, label: admin.email };
  const boardId = await q.bodyIdBySlug(tx, 'corporate-parenting-board');
  if (boardId === undefined) return;
  const people = await q.personIdsByName(tx);
  const orgs = await q.organisationIdsByName(tx);
  const priorities = await q.priorityIdsBySlug(tx);
  const person = (name: string) => people.get(name)!;
  const u = ctx.users;
  const chair = u.chair!.name;
  const member = u.member!.name;
  const officer = u.officer!.name; // Head of Looked After Children and Corporate Parenting
  const director = 'Helen Ward'; // Executive Director of Children's Care
  const venue2018 = 'Mandela Room, Town Hall';
  const venue = 'Committee Room 2, Town Hall';

  // ---------------------------------------------------------------- the meetings, first, so "next meeting" resolves
  const meet = async (date: string, startTime: string, where: string) => (await meetingsService.createMeeting(tx, actor, { bodyId: boardId, date, startTime, venue: where })).id;
  const nov2018 = await meet('2018-11-07', '15:00', venue2018);
  const jan2019 = await meet('2019-01-09', '15:00', venue2018);
  const mar2019 = await meet('2019-03-13', '15:00', venue2018);
  const earlier = await meet(addDays(today, -105), '14:00', venue);
  const recent = await meet(addDays(today, -42), '14:00', venue);
  const next = await meet(addDays(today, 21), '14:00', venue);

  const addItems = async (meetingId: number, items: ItemSpec[]) => {
    const out: { id: number; spec: ItemSpec }[] = [];
    for (const spec of items) {
      const { id } = await meetingsService.addItem(tx, actor, meetingId, null, {
        kind: spec.kind,
        title: spec.title,
        presenter: spec.presenter ?? '',
        confidential: !!spec.confidential,
        exemptionParagraph: spec.confidential?.paragraph ?? null,
        exemptionReason: spec.confidential?.reason ?? '',
        tags: { priorityIds: (spec.priorities ?? []).map((s) => priorities.get(s)!).filter((x) => x !== undefined), principleIds: [] },
      });
      out.push({ id, spec });
    }
    return out;
  };
  const hold = async (meetingId: number) => {
    await meetingsService.publishAgenda(tx, actor, meetingId);
    await meetingsService.markHeld(tx, actor, meetingId, today);
  };
  const standard = async (meetingId: number) => new Map((await q.itemsByKind(tx, meetingId)).map((i) => [i.kind, i.id]));

  // ---------------------------------------------------------------- 7 November 2018 (seed 003)
  const novItems = await addItems(nov2018, [
    {
      kind: 'presentation',
      title: 'Local Offer for Care Leavers',
      presenter: 'Amy Carter, Leaving Care (Pathways) Team Manager, and Chris Cole, Personal Adviser',
      minutes: [
        "The Leaving Care (Pathways) Team Manager and a Personal Adviser presented the Local Offer for the borough's care leavers. An e-brochure had been circulated before the meeting and was on the council's website.",
        'The Children and Social Work Act 2017 requires local authorities to publish the services they offer care leavers to help them into adulthood and independent living. The Local Offer was written after consultation with care leavers and would be reviewed every six months. Young people in care for at least 13 weeks since the age of 14 could have a Personal Adviser until they were 25.',
        'The Local Offer covered:',
        '- relationships\n- education and training\n- employment\n- emotional well-being\n- health and well-being\n- accommodation\n- finances\n- participation\n- useful contacts',
        'The local hospital trust and the council had offered volunteering opportunities, and the council guaranteed an interview for its apprenticeships and jobs to care leavers who met the essential criteria. The Pathways Team had a dedicated CAMHS mental health worker and a looked after children nurse. The Children in Care Council had been consulted and would be each time the document was updated.',
        'The Chair commended those involved and thanked the officers for their presentation.',
      ].join('\n\n'),
      resolutions: [{ text: 'That the content of the Local Offer for Care Leavers document be noted.' }],
    },
    {
      kind: 'report',
      title: 'Ofsted Focused Visit, August 2018',
      presenter: `${director}, Executive Director of Children's Care`,
      minutes: [
        "The Executive Director updated the Board on Ofsted's focused visit of 7 and 8 August 2018. The inspector's letter of 31 August 2018 and the two resulting action plans (Practice Improvement, and Quality of Practice) had been circulated.",
        'There were no areas for priority action and no children were found to be at risk. Work on the action plans was moving at pace and outstanding actions were on target.',
        'In discussion:',
        "- the process had been rigorous but fair; a Strategic Partnership Board chaired by the Chief Executive had since been set up, and a multi-agency children's hub was planned;\n- more than 200 staff had completed Signs of Safety training, a big culture change whose progress was very positive;\n- the areas for improvement related to operating systems, not to staff, who had stayed positive under pressure.",
      ].join('\n\n'),
      resolutions: [{ text: 'That the update information provided and the content of the Ofsted Focused Visit (August 2018) letter and subsequent action plans be noted.' }],
    },
    {
      kind: 'report',
      title: 'Bright Spots Programme',
      presenter: `${officer}, Head of Looked After Children and Corporate Parenting`,
      minutes: [
        "The Head of Looked After Children and Corporate Parenting updated the Board on the Bright Spots Programme, developed by Coram Voice with the University of Bristol to improve the well-being of children in care. Two surveys, 'Your Life, Your Care' and 'Your Life Beyond Care', had been developed with young people.",
        "The deadline had been extended to 9 November 2018. The response rate, particularly among care leavers, stood at around 75%. The Children in Care Council would use the findings for a report and action plan for the Voice of the Child Participation Conference on 28 January 2019.",
        'Care leavers had run a powerful workshop on their experiences of grief and loss at the regional Children in Care Council, and were keen to present it to the Board.',
      ].join('\n\n'),
      resolutions: [
        { text: 'That the update information in relation to the Bright Spots Programme be noted.' },
        { text: 'That the Pathways Team be congratulated on their work in achieving a 75% response rate from care leavers.' },
        {
          text: "That arrangements be made for the Children in Care Council to replicate the workshop of their experiences in care and leaving care for the Corporate Parenting Board, on a date to be determined, and that members of the council's Leadership Management Team also be invited.",
          action: { title: 'Arrange for the Children in Care Council to run its workshop for the Board and the Leadership Management Team', owner: { personId: person(officer) }, due: { kind: 'next-meeting', bodyId: boardId } },
        },
        {
          text: 'That feedback on the findings of the surveys be presented to a future meeting of the Corporate Parenting Board, following the Participation Conference on 28 January 2019.',
          plan: { title: 'Bright Spots survey findings and feedback from the Participation Conference', target: { kind: 'month', month: '2019-03' } },
        },
      ],
    },
    {
      kind: 'report',
      title: "South Tees Multi-Agency Children's Hub",
      presenter: `${director}, Executive Director of Children's Care`,
      minutes: [
        "The Executive Director updated the Board on the multi-agency children's hub to be shared with the neighbouring authority: a single point of access for appropriate and timely sharing of information, risk assessment and decision making for vulnerable children and their families, with police and health partners.",
        'A project board and work-streams were in place. An outline business case had been produced; the full business case was being written, with a view to the new operating model from April 2019.',
      ].join('\n\n'),
      resolutions: [
        { text: 'That the information provided be noted.' },
        { text: "That the business case for the Multi-Agency Children's Hub be presented to a future meeting of the Corporate Parenting Board.", plan: { title: "Business case for the Multi-Agency Children's Hub", target: { kind: 'month', month: '2019-03' } } },
      ],
    },
    {
      kind: 'report',
      title: 'Fostering marketing plan: impact',
      presenter: 'Sue Mason, Fostering Team Manager',
      minutes: [
        'The Fostering Team Manager reported that all fostering literature, the website and social media had been refreshed under the new marketing plan. There had been 118 expressions of interest since, and the conversion rate was good.',
        'The borough had 127 approved foster carers, with 15 initial expressions of interest, seven people at assessment stage 1 and eight preparing for the Family Placement Panel.',
        'In discussion:',
        '- some carers had been lost through age or by moving on to permanent placements, but carers had transferred in from independent fostering agencies, valuing the continuity of a named supervising social worker;\n- there were 17 fully approved connected persons carers, counted separately;\n- the service particularly wanted carers for children aged 11 and over, large sibling groups, children with complex needs, and parent and child placements.',
      ].join('\n\n'),
      resolutions: [
        {
          text: "That the information provided be noted and that a further update be provided to the Corporate Parenting Board in six months' time.",
          plan: { title: 'Fostering marketing plan: further update', target: { kind: 'months', months: 6, from: '2018-11-07' } },
        },
      ],
    },
    {
      kind: 'report',
      title: 'Peer challenge of the Pathways (Leaving Care) Team',
      presenter: `${director}, Executive Director of Children's Care`,
      minutes: [
        'The Executive Director advised the Board that the Pathways (Leaving Care) Team would be the subject of a sector-led peer challenge from 12 to 14 November 2018. The Team Manager had completed a self-assessment, copies of which were available at the meeting.',
        "The peer challenge team would look at the council's strategic approach to care leavers and its role as corporate parent; support for care leavers not in education, employment or training; participation and the voice of young people; the role of partners; pathway planning and Personal Education Plans; and quality of practice.",
        'A member commended the service for its commitment to peer challenge. The Executive Director hoped to report feedback to the next meeting.',
      ].join('\n\n'),
      resolutions: [
        { text: 'That the information provided be noted.' },
        {
          text: 'That feedback from the peer challenge of the Pathways (Leaving Care) Team be presented to a future meeting of the Corporate Parenting Board.',
          plan: { title: 'Feedback from the peer challenge of the Pathways (Leaving Care) Team', target: { kind: 'meeting', meetingId: jan2019 } },
        },
      ],
    },
    {
      kind: 'performance',
      title: 'Performance dashboard',
      presenter: `${officer}, Head of Looked After Children and Corporate Parenting`,
      minutes: [
        "The Head of Looked After Children and Corporate Parenting described the new performance dashboard, which covered all open cases in children's services, including partner information such as health and dental checks, and let managers spot and escalate critical issues.",
        'The Board was asked whether it wished to receive regular performance reports and, if so, what information: for example numbers of children in need, on child protection plans and looked after; emerging trends; and breakdowns by age, ethnicity and education.',
      ].join('\n\n'),
      resolutions: [
        { text: 'That the Corporate Parenting Board be provided with a demonstration of the performance dashboard at a future meeting.', plan: { title: 'Demonstration of the performance dashboard', target: { kind: 'month', month: '2019-03' } } },
        { text: 'That, following the demonstration, the Board determines the types of information it wishes to receive in a regular performance report.' },
        {
          text: 'That suggestions for the information to include in the regular performance report be forwarded to the Chair of the Corporate Parenting Board or the Head of Looked After Children and Corporate Parenting.',
          action: { title: 'Collect members’ suggestions for the regular performance report', owner: { personId: person(officer) }, due: { kind: 'next-meeting', bodyId: boardId } },
        },
      ],
    },
    {
      kind: 'any-other-business',
      title: 'Association of Directors of Children’s Services (ADCS): Safeguarding Pressures, phase 6',
      presenter: `${director}, Executive Director of Children's Care`,
      minutes:
        'The Executive Director reported that the ADCS had published the sixth phase of its Safeguarding Pressures research, drawing on responses from 92% of local authorities in England, the highest response rate yet. The executive summary and press release would be circulated to members of the Board and its invitees.',
      resolutions: [
        {
          text: 'That the executive summary of Safeguarding Pressures phase 6, and the associated press release, be circulated to members of the Corporate Parenting Board, and its invitees, following the meeting.',
          action: { title: 'Circulate the ADCS Safeguarding Pressures phase 6 executive summary and press release', owner: { personId: person(admin.name) }, due: { kind: 'date', date: '2018-11-14' } },
        },
      ],
    },
  ]);
  await hold(nov2018);
  await q.insertAttendance(tx, [
    { meeting_id: nov2018, person_id: person(chair), name: '', status: 'present', substitute_for_person_id: null, note: 'Chair' },
    { meeting_id: nov2018, person_id: person('Councillor Jo Brennan'), name: '', status: 'present', substitute_for_person_id: null, note: 'Vice Chair' },
    { meeting_id: nov2018, person_id: person(member), name: '', status: 'present', substitute_for_person_id: null, note: '' },
    { meeting_id: nov2018, person_id: person('Councillor Tom Hughes'), name: '', status: 'present', substitute_for_person_id: null, note: '' },
    { meeting_id: nov2018, person_id: person('Councillor Owen Price'), name: '', status: 'substitute', substitute_for_person_id: person('Councillor Nadia Rahman'), note: '' },
    { meeting_id: nov2018, person_id: person('Councillor Nadia Rahman'), name: '', status: 'apologies', substitute_for_person_id: null, note: '' },
    { meeting_id: nov2018, person_id: person(u.partner!.name), name: '', status: 'present', substitute_for_person_id: null, note: '' },
    { meeting_id: nov2018, person_id: person(officer), name: '', status: 'in-attendance', substitute_for_person_id: null, note: '' },
    { meeting_id: nov2018, person_id: person(director), name: '', status: 'in-attendance', substitute_for_person_id: null, note: '' },
    { meeting_id: nov2018, person_id: null, name: 'Amy Carter, Leaving Care (Pathways) Team Manager', status: 'in-attendance', substitute_for_person_id: null, note: '' },
    { meeting_id: nov2018, person_id: null, name: 'Chris Cole, Personal Adviser', status: 'in-attendance', substitute_for_person_id: null, note: '' },
    { meeting_id: nov2018, person_id: null, name: 'Sue Mason, Fostering Team Manager', status: 'in-attendance', substitute_for_person_id: null, note: '' },
    { meeting_id: nov2018, person_id: person(admin.name), name: '', status: 'in-attendance', substitute_for_person_id: null, note: '' },
  ]);
  const novStd = await standard(nov2018);
  await writeItem(tx, actor, nov2018, novStd.get('apologies')!, 'Apologies for absence were received from Councillor Nadia Rahman.', []);
  await writeItem(tx, actor, nov2018, novStd.get('declarations')!, 'There were no declarations of interest made by members at this point in the meeting.', []);
  await writeItem(tx, actor, nov2018, novStd.get('minutes')!, 'The minutes of the previous meeting of the Corporate Parenting Board held on 12 September 2018 were submitted.', [
    { text: 'That the minutes of the meeting held on 12 September 2018 be approved as a correct record.' },
  ]);
  await writeItem(tx, actor, nov2018, novStd.get('matters-arising')!, 'There were no matters arising.', []);
  const novCreated: { actionIds: number[] } = { actionIds: [] };
  for (const { id, spec } of novItems) {
    const made = await writeItem(tx, actor, nov2018, id, spec.minutes, spec.resolutions);
    novCreated.actionIds.push(...made.flatMap((m) => (m.actionId ? [m.actionId] : [])));
  }
  await service.publishMinutes(tx, actor, nov2018);

  // ---------------------------------------------------------------- 9 January 2019: peer challenge feedback; approves November's minutes
  const dueJan = await actionsService.forwardPlanDueFor(tx, jan2019);
  for (const f of dueJan) await meetingsService.addForwardPlanItem(tx, actor, jan2019, f.id);
  await hold(jan2019);
  await service.approvePreviousMinutes(tx, actor, { meetingId: jan2019, today });
  const janItems = await q.itemsByKind(tx, jan2019);
  const peer = janItems.find((i) => i.title.startsWith('Feedback from the peer challenge'));
  if (peer) {
    await writeItem(tx, actor, jan2019, peer.id, 'The Executive Director reported the peer challenge team’s feedback: strong relationships between Personal Advisers and young people, and a need to widen housing options and support for care leavers not in education, employment or training.', [
      { text: 'That the feedback from the peer challenge be noted, and that the resulting action plan be monitored by the Multi-Agency Looked After Partnership.' },
    ]);
  }
  for (const id of novCreated.actionIds) {
    await actionsService.addActionUpdate(tx, actor, id, { comment: 'Done, and reported to the Board at its meeting on 9 January 2019.', status: 'complete', today: '2019-01-09' });
  }
  await service.publishMinutes(tx, actor, jan2019);

  // ---------------------------------------------------------------- 13 March 2019: survey findings, hub business case, dashboard demonstration
  const dueMar = await actionsService.forwardPlanDueFor(tx, mar2019);
  for (const f of dueMar) await meetingsService.addForwardPlanItem(tx, actor, mar2019, f.id);
  await hold(mar2019);
  await service.approvePreviousMinutes(tx, actor, { meetingId: mar2019, today });
  for (const i of await q.itemsByKind(tx, mar2019)) {
    if (i.kind === 'report') await writeItem(tx, actor, mar2019, i.id, 'The Board received the report and asked questions of the officers.', [{ text: 'That the report be noted.' }]);
  }
  await service.publishMinutes(tx, actor, mar2019);
  // The six-month fostering update was taken at a development session, not a meeting.
  for (const f of await actionsService.overdueForwardPlan(tx, boardId, today)) {
    await actionsService.setForwardPlanItemStatus(tx, actor, f.id, await q.forwardPlanVersion(tx, f.id), 'done');
  }

  // ---------------------------------------------------------------- a meeting some months ago: voice and education
  const earlierItems = await addItems(earlier, [
    {
      kind: 'spotlight',
      title: 'Children in Care Council: what we want our corporate parents to know',
      presenter: `${u['young-person']!.name}, Children in Care Council`,
      priorities: ['voice-participation-influence'],
      minutes: 'Members of the Children in Care Council presented their priorities for the year: being listened to at reviews, stable social workers, and help with the cost of travel to see family.',
      resolutions: [
        { text: 'That the Children in Care Council be thanked for their presentation.' },
        {
          text: 'That a response to each of the Children in Care Council’s priorities be brought to the Board.',
          plan: { title: 'Response to the Children in Care Council’s priorities', target: { kind: 'meeting', meetingId: next } },
        },
      ],
    },
    {
      kind: 'report',
      title: 'Virtual School annual report',
      presenter: 'Head of the Virtual School',
      priorities: ['education-employment-health-wellbeing'],
      minutes: 'The Head of the Virtual School presented the annual report: attendance of children in care had improved, and more care leavers were in education, employment or training.',
      resolutions: [{ text: 'That the Virtual School annual report be noted.' }],
    },
  ]);
  await hold(earlier);
  await service.approvePreviousMinutes(tx, actor, { meetingId: earlier, today });
  for (const { id, spec } of earlierItems) await writeItem(tx, actor, earlier, id, spec.minutes, spec.resolutions);
  await service.publishMinutes(tx, actor, earlier);

  // ---------------------------------------------------------------- the recent meeting: placements, prevention, resources; open actions
  const recentDate = addDays(today, -42);
  const recentItems = await addItems(recent, [
    {
      kind: 'report',
      title: 'Placement sufficiency strategy: progress',
      presenter: `${director}, Executive Director of Children's Care`,
      priorities: ['sufficient-stable-placements'],
      minutes: 'The Executive Director reported progress on the sufficiency strategy: two new in-house children’s homes were planned, and the number of children placed more than 20 miles away had fallen.',
      resolutions: [
        { text: 'That the progress report be noted.' },
        {
          text: 'That a recruitment drive for foster carers for children aged 11 and over be launched.',
          action: { title: 'Launch a recruitment drive for foster carers for children aged 11 and over', owner: { personId: person(officer) }, due: { kind: 'date', date: addDays(today, 7) } },
        },
        {
          text: 'That the business case for the second in-house children’s home be presented to the next meeting.',
          plan: { title: 'Business case for a second in-house children’s home', target: { kind: 'meeting', meetingId: next } },
        },
      ],
    },
    {
      kind: 'report',
      title: 'Edge of care: family help and early support',
      presenter: `${officer}, Head of Looked After Children and Corporate Parenting`,
      priorities: ['prevention-edge-of-care'],
      minutes: 'The Board heard how the family help service was supporting families on the edge of care, and asked for a breakdown of outcomes for adolescents.',
      resolutions: [
        {
          text: 'That a breakdown of edge-of-care outcomes for adolescents be circulated to members.',
          action: { title: 'Circulate the breakdown of edge-of-care outcomes for adolescents', owner: { personId: person(u.analyst!.name) }, due: { kind: 'date', date: addDays(recentDate, 28) } },
        },
        {
          text: 'That health partners report on the timeliness of initial health assessments to the next meeting.',
          action: { title: 'Report on the timeliness of initial health assessments', owner: { organisationId: orgs.get('Example Integrated Care Board (NHS)')! }, due: { kind: 'next-meeting', bodyId: boardId } },
        },
      ],
    },
    {
      kind: 'report',
      title: 'Commissioning of individual placements: contract award',
      presenter: 'Head of Commissioning',
      priorities: ['maximising-resources'],
      confidential: { paragraph: 3, reason: 'Information about the financial or business affairs of particular providers' },
      minutes: 'The Board considered the proposed contract award for individual placements and the prices offered by providers.',
      resolutions: [{ text: 'That the contract award be supported.' }],
    },
  ]);
  await hold(recent);
  for (const { id, spec } of recentItems) await writeItem(tx, actor, recent, id, spec.minutes, spec.resolutions);

  // ---------------------------------------------------------------- three weeks ahead: a draft agenda built from the forward plan
  for (const f of await actionsService.forwardPlanDueFor(tx, next)) await meetingsService.addForwardPlanItem(tx, actor, next, f.id);

  ctx.log('Minutes: the Corporate Parenting Board of 7 November 2018 (seed 003) and its cycle, two recent meetings and a draft agenda built from the forward plan');
}
