/**
 * All of the minutes capability's SQL (Kysely). The meeting tables belong to the meetings capability
 * (src/meetings/schema.ts); minutes, resolutions, publication and approval are written from here.
 * Actions and forward-plan items are only read here (they are created through actionsService).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/database/types.js';
import '../meetings/index.js';
import '../actions/index.js';
import '../bodies/index.js';
import '../strategy/index.js';

export type Db = Kysely<Database> | Transaction<Database>;

// ---------------------------------------------------------------- meetings

export function findMeeting(db: Db, id: number) {
  return db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .selectAll('meeting')
    .select(['body.name as body_name', 'body.slug as body_slug'])
    .where('meeting.id', '=', id)
    .executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** The meeting of the same body held before this one (not cancelled). */
export function previousMeeting(db: Db, meeting: { id: number; body_id: number; meeting_date: string }) {
  return db
    .selectFrom('meeting')
    .selectAll()
    .where('body_id', '=', meeting.body_id)
    .where('status', '<>', 'cancelled')
    .where('id', '<>', meeting.id)
    .where((eb) => eb.or([eb('meeting_date', '<', meeting.meeting_date), eb.and([eb('meeting_date', '=', meeting.meeting_date), eb('id', '<', meeting.id)])]))
    .orderBy('meeting_date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Meetings of a body after a date (not cancelled), for "the item should come to" a meeting. */
export function meetingsOfBodyAfter(db: Db, bodyId: number, after: string) {
  return db
    .selectFrom('meeting')
    .select(['id', 'meeting_date'])
    .where('body_id', '=', bodyId)
    .where('status', '<>', 'cancelled')
    .where('meeting_date', '>', after)
    .orderBy('meeting_date')
    .execute();
}

export function publishMinutes(db: Db, meetingId: number) {
  return db
    .updateTable('meeting')
    .set({ minutes_published_at: sql`now()`, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', meetingId)
    .where('minutes_published_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export function markMinutesApproved(db: Db, meetingId: number, atMeetingId: number, on: string) {
  return db
    .updateTable('meeting')
    .set({ status: 'minutes-approved', minutes_approved_at_meeting_id: atMeetingId, minutes_approved_on: on, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', meetingId)
    .where('status', '<>', 'minutes-approved')
    .returningAll()
    .executeTakeFirst();
}

// ---------------------------------------------------------------- agenda items and minutes

export function agendaItems(db: Db, meetingId: number) {
  return db
    .selectFrom('agenda_item')
    .leftJoin('agenda_item as parent', 'parent.id', 'agenda_item.parent_id')
    .select([
      'agenda_item.id',
      'agenda_item.parent_id',
      'agenda_item.position',
      'parent.position as parent_position',
      'agenda_item.kind',
      'agenda_item.title',
      'agenda_item.presenter',
      'agenda_item.summary',
      'agenda_item.confidential',
      'agenda_item.exemption_paragraph',
      'agenda_item.minutes',
      'agenda_item.minutes_version',
    ])
    .where('agenda_item.meeting_id', '=', meetingId)
    .orderBy(sql`coalesce(parent.position, agenda_item.position)`)
    .orderBy(sql`case when agenda_item.parent_id is null then 0 else agenda_item.position end`)
    .execute();
}
export type AgendaItemRow = Awaited<ReturnType<typeof agendaItems>>[number];

export function findAgendaItem(db: Db, meetingId: number, itemId: number) {
  return db
    .selectFrom('agenda_item')
    .leftJoin('agenda_item as parent', 'parent.id', 'agenda_item.parent_id')
    .selectAll('agenda_item')
    .select('parent.position as parent_position')
    .where('agenda_item.meeting_id', '=', meetingId)
    .where('agenda_item.id', '=', itemId)
    .executeTakeFirst();
}

export function minutesItemOf(db: Db, meetingId: number) {
  return db.selectFrom('agenda_item').select(['id']).where('meeting_id', '=', meetingId).where('kind', '=', 'minutes').orderBy('position').executeTakeFirst();
}

/** Saves an item's minutes if nobody has saved them since `version`; undefined when someone has. */
export function updateMinutesIfVersion(db: Db, itemId: number, version: number, minutes: string) {
  return db
    .updateTable('agenda_item')
    .set({ minutes, minutes_version: sql`minutes_version + 1`, updated_at: sql`now()` })
    .where('id', '=', itemId)
    .where('minutes_version', '=', version)
    .returning(['id', 'minutes', 'minutes_version'])
    .executeTakeFirst();
}

export function papersOf(db: Db, itemIds: number[]) {
  if (!itemIds.length) return Promise.resolve([]);
  return db
    .selectFrom('agenda_paper')
    .select(['id', 'agenda_item_id', 'title', 'filename', 'content_type', 'size_bytes'])
    .where('agenda_item_id', 'in', itemIds)
    .orderBy('id')
    .execute();
}

// ---------------------------------------------------------------- attendance and declarations

export function attendanceOf(db: Db, meetingId: number) {
  return db
    .selectFrom('attendance')
    .leftJoin('person', 'person.id', 'attendance.person_id')
    .leftJoin('person as substituted', 'substituted.id', 'attendance.substitute_for_person_id')
    .select([
      'attendance.id',
      'attendance.status',
      'attendance.note',
      'attendance.name as typed_name',
      'person.name as person_name',
      'person.job_title',
      'substituted.name as substitute_for_name',
    ])
    .where('attendance.meeting_id', '=', meetingId)
    .orderBy('attendance.id')
    .execute();
}

export function declarationsOf(db: Db, meetingId: number) {
  return db
    .selectFrom('declaration')
    .innerJoin('person', 'person.id', 'declaration.person_id')
    .select(['declaration.id', 'declaration.agenda_item_id', 'declaration.kind', 'declaration.nature', 'person.name as person_name'])
    .where('declaration.meeting_id', '=', meetingId)
    .orderBy('declaration.id')
    .execute();
}

// ---------------------------------------------------------------- resolutions

export function resolutionsOf(db: Db, meetingId: number) {
  return db
    .selectFrom('resolution')
    .innerJoin('agenda_item', 'agenda_item.id', 'resolution.agenda_item_id')
    .selectAll('resolution')
    .where('agenda_item.meeting_id', '=', meetingId)
    .orderBy('resolution.agenda_item_id')
    .orderBy('resolution.number')
    .execute();
}

export function resolutionsOfItem(db: Db, itemId: number) {
  return db.selectFrom('resolution').selectAll().where('agenda_item_id', '=', itemId).orderBy('number').execute();
}

export function findResolution(db: Db, itemId: number, resolutionId: number) {
  return db.selectFrom('resolution').selectAll().where('agenda_item_id', '=', itemId).where('id', '=', resolutionId).executeTakeFirst();
}

export function resolutionNumberTaken(db: Db, itemId: number, number: number, exceptId?: number) {
  let q = db.selectFrom('resolution').select('id').where('agenda_item_id', '=', itemId).where('number', '=', number);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export async function nextResolutionNumber(db: Db, itemId: number): Promise<number> {
  const row = await db.selectFrom('resolution').select(sql<number>`coalesce(max(number), 0) + 1`.as('next')).where('agenda_item_id', '=', itemId).executeTakeFirst();
  return Number(row?.next ?? 1);
}

export function insertResolution(db: Db, values: { agenda_item_id: number; number: number; text: string; outcome: 'noted' | 'action' | 'forward-plan' }) {
  return db.insertInto('resolution').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Changes a resolution if it is still at `version` (undefined when someone else changed it first). */
export function updateResolutionIfVersion(db: Db, id: number, version: number, values: { number: number; text: string }) {
  return db.updateTable('resolution').set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
}

export function deleteResolution(db: Db, id: number) {
  return db.deleteFrom('resolution').where('id', '=', id).execute();
}

/** The actions a meeting's resolutions created (read only: actions are the actions capability's). */
export function actionsOfResolutions(db: Db, resolutionIds: number[]) {
  if (!resolutionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('action')
    .leftJoin('person', 'person.id', 'action.owner_person_id')
    .leftJoin('organisation', 'organisation.id', 'action.owner_organisation_id')
    .select([
      'action.id',
      'action.resolution_id',
      'action.title',
      'action.status',
      'action.due_date',
      'action.version',
      'person.name as owner_person_name',
      'organisation.name as owner_organisation_name',
      sql<number>`(select count(*) from action_update u where u.action_id = action.id)`.as('update_count'),
    ])
    .where('action.resolution_id', 'in', resolutionIds)
    .orderBy('action.id')
    .execute();
}

/** The forward-plan items a meeting's resolutions created (read only). */
export function forwardPlanOfResolutions(db: Db, resolutionIds: number[]) {
  if (!resolutionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('forward_plan_item')
    .leftJoin('meeting', 'meeting.id', 'forward_plan_item.target_meeting_id')
    .select([
      'forward_plan_item.id',
      'forward_plan_item.resolution_id',
      'forward_plan_item.title',
      'forward_plan_item.status',
      'forward_plan_item.version',
      'forward_plan_item.target_month',
      'meeting.meeting_date as target_meeting_date',
    ])
    .where('forward_plan_item.resolution_id', 'in', resolutionIds)
    .orderBy('forward_plan_item.id')
    .execute();
}

// ---------------------------------------------------------------- people, organisations, bodies, tags

export function listPeople(db: Db) {
  return db
    .selectFrom('person')
    .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
    .select(['person.id', 'person.name', 'organisation.name as organisation_name'])
    .orderBy('person.name')
    .execute();
}
export function listOrganisations(db: Db) {
  return db.selectFrom('organisation').select(['id', 'name']).orderBy('name').execute();
}
export function listBodies(db: Db) {
  return db.selectFrom('body').select(['id', 'slug', 'name']).orderBy('id').execute();
}

/** The strategy tags of an agenda item (an action or forward-plan item created from it inherits them). */
export async function itemTags(db: Db, itemId: number): Promise<{ priorityIds: number[]; principleIds: number[] }> {
  const rows = await db.selectFrom('strategy_tag').select(['priority_id', 'principle_id']).where('entity', '=', 'agenda_item').where('entity_id', '=', String(itemId)).execute();
  return {
    priorityIds: rows.map((r) => r.priority_id).filter((x): x is number => x !== null),
    principleIds: rows.map((r) => r.principle_id).filter((x): x is number => x !== null),
  };
}

// ---------------------------------------------------------------- demo only

export function personIdsByName(db: Db) {
  return db.selectFrom('person').select(['id', 'name']).execute().then((rows) => new Map(rows.map((r) => [r.name, r.id])));
}
export function organisationIdsByName(db: Db) {
  return db.selectFrom('organisation').select(['id', 'name']).execute().then((rows) => new Map(rows.map((r) => [r.name, r.id])));
}
export function priorityIdsBySlug(db: Db) {
  return db
    .selectFrom('strategy_priority')
    .innerJoin('strategy', 'strategy.id', 'strategy_priority.strategy_id')
    .select(['strategy_priority.id', 'strategy_priority.slug'])
    .where('strategy.is_current', '=', true)
    .execute()
    .then((rows) => new Map(rows.map((r) => [r.slug, r.id])));
}
export function bodyIdBySlug(db: Db, slug: string) {
  return db.selectFrom('body').select('id').where('slug', '=', slug).executeTakeFirst().then((r) => r?.id);
}
export function insertAttendance(db: Db, rows: { meeting_id: number; person_id: number | null; name: string; status: 'present' | 'apologies' | 'absent' | 'substitute' | 'in-attendance'; substitute_for_person_id: number | null; note: string }[]) {
  return rows.length ? db.insertInto('attendance').values(rows).execute() : Promise.resolve([]);
}
export function itemsByKind(db: Db, meetingId: number) {
  return db.selectFrom('agenda_item').select(['id', 'kind', 'title']).where('meeting_id', '=', meetingId).where('parent_id', 'is', null).orderBy('position').execute();
}
export function forwardPlanVersion(db: Db, id: number) {
  return db.selectFrom('forward_plan_item').select('version').where('id', '=', id).executeTakeFirstOrThrow().then((r) => r.version);
}
