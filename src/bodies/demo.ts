import type { DemoContext } from '../platform/capability.js';
import { recordAudit, SYSTEM_ACTOR } from '../platform/audit.js';
import './schema.js';

/** Fictional people for the demo authority: councillors, officers and partners, as seed 003 lists them. */
const ORGANISATIONS = [
  { name: 'Example Borough Council', kind: 'council' },
  { name: 'Example Integrated Care Board (NHS)', kind: 'nhs' },
  { name: 'Example Police', kind: 'police' },
  { name: 'Example Youth Offending Service', kind: 'youth-offending-service' },
  { name: 'Example Foster Carers Association', kind: 'foster-carers' },
  { name: 'Example Children in Care Council', kind: 'children-in-care-council' },
];

export async function bodiesDemo(ctx: DemoContext): Promise<void> {
  const orgs = await ctx.db.insertInto('organisation').values(ORGANISATIONS).returning(['id', 'name']).execute();
  const org = (name: string) => orgs.find((o) => o.name.startsWith(name))!.id;
  const u = ctx.users;
  const people = await ctx.db
    .insertInto('person')
    .values([
      { name: u.chair!.name, job_title: 'Councillor', organisation_id: org('Example Borough'), user_id: u.chair!.id, email: u.chair!.email },
      { name: 'Councillor Jo Brennan', job_title: 'Councillor', organisation_id: org('Example Borough') },
      { name: u.member!.name, job_title: 'Councillor', organisation_id: org('Example Borough'), user_id: u.member!.id, email: u.member!.email },
      { name: 'Councillor Tom Hughes', job_title: 'Councillor', organisation_id: org('Example Borough') },
      { name: 'Councillor Nadia Rahman', job_title: 'Councillor', organisation_id: org('Example Borough') },
      { name: 'Councillor Owen Price', job_title: 'Councillor', organisation_id: org('Example Borough') },
      { name: u.officer!.name, job_title: 'Head of Looked After Children and Corporate Parenting', organisation_id: org('Example Borough'), user_id: u.officer!.id, email: u.officer!.email },
      { name: 'Helen Ward', job_title: "Executive Director of Children's Care", organisation_id: org('Example Borough') },
      { name: u.analyst!.name, job_title: 'Performance and Data Quality Lead', organisation_id: org('Example Borough'), user_id: u.analyst!.id, email: u.analyst!.email },
      { name: u.partner!.name, job_title: 'Designated Nurse for Looked After Children', organisation_id: org('Example Integrated'), user_id: u.partner!.id, email: u.partner!.email },
      { name: 'Inspector Mark Ellis', job_title: 'Partnership Inspector', organisation_id: org('Example Police') },
      { name: 'Lena Fox', job_title: 'Youth Offending Service Manager', organisation_id: org('Example Youth') },
      { name: 'Pat Doyle', job_title: 'Foster carer', organisation_id: org('Example Foster') },
      { name: u['young-person']!.name, job_title: 'Children in Care Council representative', organisation_id: org('Example Children'), user_id: u['young-person']!.id, email: u['young-person']!.email },
      { name: u.admin!.name, job_title: 'Democratic Services Officer', organisation_id: org('Example Borough'), user_id: u.admin!.id, email: u.admin!.email },
    ])
    .returning(['id', 'name'])
    .execute();
  const person = (name: string) => people.find((p) => p.name === name)!.id;

  const board = await ctx.db
    .insertInto('body')
    .values({
      slug: 'corporate-parenting-board',
      name: 'Corporate Parenting Board',
      kind: 'board',
      remit: 'Makes sure the council and its partners act as good corporate parents to children in care and care leavers.',
      start_date: '2015-05-20',
      purpose: 'To deliver against the Corporate Parenting Strategy and provide the necessary challenge to the services across the partnership.',
      scope: 'Children in care and care leavers of the borough, wherever they live.',
      membership: 'Nine councillors, the Director of Children\'s Services, the Executive Director of Children\'s Care, and co-opted representatives of health, police, the youth offending service, foster carers and the children in care council.',
      quorum: 3,
      frequency: 'Every two months',
      reporting_line: 'Executive and Council',
      review_date: '2027-05-31',
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  const malap = await ctx.db
    .insertInto('body')
    .values({
      slug: 'malap',
      name: 'Multi-Agency Looked After Partnership (MALAP)',
      kind: 'partnership',
      parent_id: board.id,
      remit: 'Co-ordinates the strategic development of multi-agency services to children looked after, with an annual action plan monitored against performance indicators.',
      start_date: '2016-02-01',
      purpose: 'To deliver the partnership actions of the Corporate Parenting Strategy and report progress to the Board.',
      scope: 'Health, education, housing, youth justice and leisure services for children in care and care leavers.',
      membership: 'Representatives of each partner agency with a duty to co-operate under the Children Act 2004.',
      quorum: 4,
      frequency: 'Quarterly',
      reporting_line: 'Corporate Parenting Board',
      review_date: '2027-02-28',
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  const tfg = await ctx.db
    .insertInto('body')
    .values({
      slug: 'role-of-members-task-and-finish-group',
      name: 'Exploring good practice: the role of members in Corporate Parenting Boards',
      kind: 'task-and-finish',
      parent_id: board.id,
      remit: 'Seek out good practice in Corporate Parenting Boards of authorities rated good or better, and consider what this Board can learn.',
      start_date: '2026-10-01',
      end_date: '2027-03-31',
      purpose: 'An outward-facing look at how other Corporate Parenting Boards work effectively.',
      scope: 'Corporate Parenting Boards of other local authorities rated good or better by Ofsted.',
      membership: 'Four councillors of the Board, supported by officers.',
      quorum: 2,
      frequency: 'Monthly until it reports',
      reporting_line: 'Corporate Parenting Board, through a Spotlight report',
      review_date: '2027-03-31',
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();

  const since = '2026-05-20';
  const m = (body_id: number, name: string, role: 'chair' | 'vice-chair' | 'member' | 'co-opted' | 'adviser' | 'substitute', start_date = since) => ({
    body_id, person_id: person(name), role, start_date,
  });
  await ctx.db
    .insertInto('body_member')
    .values([
      m(board.id, u.chair!.name, 'chair'),
      m(board.id, 'Councillor Jo Brennan', 'vice-chair'),
      m(board.id, u.member!.name, 'member'),
      m(board.id, 'Councillor Tom Hughes', 'member'),
      m(board.id, 'Councillor Nadia Rahman', 'member'),
      m(board.id, 'Councillor Owen Price', 'substitute'),
      m(board.id, u.partner!.name, 'co-opted'),
      m(board.id, 'Pat Doyle', 'co-opted'),
      m(board.id, u['young-person']!.name, 'co-opted'),
      m(board.id, u.officer!.name, 'adviser'),
      m(board.id, 'Helen Ward', 'adviser'),
      m(malap.id, u.officer!.name, 'chair'),
      m(malap.id, u.partner!.name, 'vice-chair'),
      m(malap.id, 'Inspector Mark Ellis', 'member'),
      m(malap.id, 'Lena Fox', 'member'),
      m(malap.id, 'Pat Doyle', 'member'),
      m(malap.id, u.analyst!.name, 'adviser'),
      m(tfg.id, u.chair!.name, 'chair', '2026-10-01'),
      m(tfg.id, u.member!.name, 'member', '2026-10-01'),
      m(tfg.id, 'Councillor Tom Hughes', 'member', '2026-10-01'),
      m(tfg.id, 'Councillor Nadia Rahman', 'member', '2026-10-01'),
    ])
    .execute();
  for (const b of [board, malap, tfg]) await recordAudit(ctx.db, SYSTEM_ACTOR, 'create', 'body', b.id, null, { name: b.name });
  ctx.log(`Bodies: ${board.name}, ${malap.name}, and a task and finish group`);
}
