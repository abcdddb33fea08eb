/** All of the meetings capability's SQL: meetings, agenda items, papers, attendance, declarations. */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { currentPrioritiesAndPrinciples, strategyQueries } from '../strategy/index.js';
import type { Database } from '../platform/database/types.js';
import './schema.js';
import type { MeetingStatus } from './schema.js';

export type Db = Kysely<Database> | Transaction<Database>;

// ---------------------------------------------------------------- bodies and people (read only)

export function listBodies(db: Db) {
  return db.selectFrom('body').select(['id', 'slug', 'name']).orderBy('name').execute();
}
export function findBody(db: Db, id: number) {
  return db.selectFrom('body').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
}
export function findBodyBySlug(db: Db, slug: string) {
  return db.selectFrom('body').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}
export function findPeople(db: Db, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('person').select(['id', 'name']).where('id', 'in', ids).execute();
}

// ---------------------------------------------------------------- meetings

function meetingSelect(db: Db) {
  return db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .selectAll('meeting')
    .select(['body.name as body_name', 'body.slug as body_slug']);
}

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export function findMeeting(db: Db, id: number) {
  return meetingSelect(db).where('meeting.id', '=', id).executeTakeFirst();
}

export function meetingForUpdate(db: Db, id: number) {
  return db.selectFrom('meeting').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Meetings, optionally of one body, upcoming (on or after `today`, soonest first) or past (latest first). */
export function listMeetings(db: Db, f: { bodyId?: number; when: 'upcoming' | 'past'; today: string; limit?: number }) {
  let q = meetingSelect(db);
  if (f.bodyId !== undefined) q = q.where('meeting.body_id', '=', f.bodyId);
  q = f.when === 'upcoming' ? q.where('meeting.meeting_date', '>=', f.today) : q.where('meeting.meeting_date', '<', f.today);
  return q
    .orderBy('meeting.meeting_date', f.when === 'upcoming' ? 'asc' : 'desc')
    .orderBy('meeting.start_time', f.when === 'upcoming' ? 'asc' : 'desc')
    .orderBy('meeting.id')
    .limit(f.limit ?? 200)
    .execute();
}

export function insertMeeting(db: Db, values: Insertable<Database['meeting']>) {
  return db.insertInto('meeting').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates a meeting if it is still at `version` (null: whatever its version); undefined when it was not. */
export function updateMeetingIfVersion(db: Db, id: number, version: number | null, values: Record<string, unknown>) {
  let q = db
    .updateTable('meeting')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  return q.returningAll().executeTakeFirst();
}

export function setMeetingStatusIf(db: Db, id: number, from: readonly MeetingStatus[], values: Record<string, unknown>) {
  return db
    .updateTable('meeting')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .returningAll()
    .executeTakeFirst();
}

// ---------------------------------------------------------------- agenda items

export type AgendaItemRow = Awaited<ReturnType<typeof itemsOfMeeting>>[number];

/** Every item of a meeting, top-level items first by position, then sub-items by position. */
export function itemsOfMeeting(db: Db, meetingId: number) {
  return db
    .selectFrom('agenda_item')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy(sql`parent_id is not null`)
    .orderBy('parent_id')
    .orderBy('position')
    .execute();
}

export function findItem(db: Db, id: number) {
  return db.selectFrom('agenda_item').selectAll().where('id', '=', id).executeTakeFirst();
}
export function itemForUpdate(db: Db, id: number) {
  return db.selectFrom('agenda_item').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The ids of an item's siblings (same meeting, same parent) in order. */
export async function siblingIds(db: Db, meetingId: number, parentId: number | null): Promise<number[]> {
  let q = db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  return (await q.orderBy('position').execute()).map((r) => r.id);
}

export async function nextPosition(db: Db, meetingId: number, parentId: number | null): Promise<number> {
  let q = db.selectFrom('agenda_item').select(sql<number>`coalesce(max(position), 0)`.as('max')).where('meeting_id', '=', meetingId);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.max) + 1;
}

/**
 * Numbers the given siblings 1, 2, 3 ... in the order given. The positions are first moved out of
 * the way (the unique indexes are checked row by row), then set, all in the caller's transaction.
 */
export async function renumber(db: Db, meetingId: number, parentId: number | null, orderedIds: number[]): Promise<void> {
  if (!orderedIds.length) return;
  let bump = db.updateTable('agenda_item').set({ position: sql`position + 1000000` }).where('meeting_id', '=', meetingId);
  bump = parentId === null ? bump.where('parent_id', 'is', null) : bump.where('parent_id', '=', parentId);
  await bump.execute();
  for (const [i, id] of orderedIds.entries()) {
    await db.updateTable('agenda_item').set({ position: i + 1 }).where('id', '=', id).execute();
  }
}

export function insertItem(db: Db, values: Insertable<Database['agenda_item']>) {
  return db.insertInto('agenda_item').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateItemIfVersion(db: Db, id: number, version: number, values: Record<string, unknown>) {
  return db
    .updateTable('agenda_item')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function deleteItem(db: Db, id: number) {
  return db.deleteFrom('agenda_item').where('id', '=', id).execute();
}

export function childCount(db: Db, id: number) {
  return db.selectFrom('agenda_item').select(sql<number>`count(*)`.as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow().then((r) => Number(r.n));
}

// ---------------------------------------------------------------- strategy tags of agenda items

export async function replaceItemTags(db: Db, itemId: number, tags: { priorityIds: number[]; principleIds: number[] }) {
  await strategyQueries.replaceTags(db, 'agenda_item', String(itemId), [...new Set(tags.priorityIds)], [...new Set(tags.principleIds)]);
}

/** Tags of records of one entity kind ('agenda_item', 'forward_plan_item', ...), from the strategy capability. */
export function tagsOf(db: Db, entity: string, ids: number[]) {
  return ids.length ? strategyQueries.tagsOf(db, entity, ids.map(String)) : Promise.resolve([]);
}

export async function currentPriorities(db: Db) {
  return (await currentPrioritiesAndPrinciples(db)).priorities;
}
export async function currentPrinciples(db: Db) {
  return (await currentPrioritiesAndPrinciples(db)).principles;
}

// ---------------------------------------------------------------- papers

/** Papers of some items, without their content. */
export function papersOfItems(db: Db, itemIds: number[]) {
  if (!itemIds.length) return Promise.resolve([]);
  return db
    .selectFrom('agenda_paper')
    .select(['id', 'agenda_item_id', 'title', 'filename', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'])
    .where('agenda_item_id', 'in', itemIds)
    .orderBy('id')
    .execute();
}

export function insertPaper(db: Db, values: Insertable<Database['agenda_paper']>) {
  return db
    .insertInto('agenda_paper')
    .values(values)
    .returning(['id', 'agenda_item_id', 'title', 'filename', 'content_type', 'size_bytes', 'sha256'])
    .executeTakeFirstOrThrow();
}

export function findPaperMeta(db: Db, id: number) {
  return db
    .selectFrom('agenda_paper')
    .select(['id', 'agenda_item_id', 'title', 'filename', 'content_type', 'size_bytes', 'sha256'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A paper with its content and what decides who may read it: its item, the parent item, the meeting. */
export function findPaperForDownload(db: Db, id: number) {
  return db
    .selectFrom('agenda_paper')
    .innerJoin('agenda_item', 'agenda_item.id', 'agenda_paper.agenda_item_id')
    .leftJoin('agenda_item as parent', 'parent.id', 'agenda_item.parent_id')
    .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
    .select([
      'agenda_paper.id',
      'agenda_paper.filename',
      'agenda_paper.content_type',
      'agenda_paper.size_bytes',
      'agenda_paper.sha256',
      'agenda_paper.content',
      'agenda_item.confidential',
      'parent.confidential as parent_confidential',
      'meeting.body_id',
      'meeting.status as meeting_status',
      'meeting.agenda_published_at',
    ])
    .where('agenda_paper.id', '=', id)
    .executeTakeFirst();
}

export function deletePaper(db: Db, id: number) {
  return db.deleteFrom('agenda_paper').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- attendance

export function attendanceOf(db: Db, meetingId: number) {
  return db
    .selectFrom('attendance')
    .leftJoin('person', 'person.id', 'attendance.person_id')
    .leftJoin('person as replaced', 'replaced.id', 'attendance.substitute_for_person_id')
    .selectAll('attendance')
    .select(['person.name as person_name', 'replaced.name as substitute_for_name'])
    .where('attendance.meeting_id', '=', meetingId)
    .orderBy(sql`attendance.person_id is null`)
    .orderBy('person.name')
    .orderBy('attendance.id')
    .execute();
}

export function deleteAttendance(db: Db, meetingId: number) {
  return db.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
}

export function insertAttendance(db: Db, rows: Insertable<Database['attendance']>[]) {
  if (!rows.length) return Promise.resolve([]);
  return db.insertInto('attendance').values(rows).returningAll().execute();
}

// ---------------------------------------------------------------- declarations

export function declarationsOf(db: Db, meetingId: number) {
  return db
    .selectFrom('declaration')
    .innerJoin('person', 'person.id', 'declaration.person_id')
    .innerJoin('agenda_item', 'agenda_item.id', 'declaration.agenda_item_id')
    .leftJoin('agenda_item as parent', 'parent.id', 'agenda_item.parent_id')
    .selectAll('declaration')
    .select([
      'person.name as person_name',
      'agenda_item.title as item_title',
      'agenda_item.position as item_position',
      'parent.position as parent_position',
      'agenda_item.confidential as item_confidential',
      'parent.confidential as parent_confidential',
    ])
    .where('declaration.meeting_id', '=', meetingId)
    .orderBy(sql`coalesce(parent.position, agenda_item.position)`)
    .orderBy(sql`case when parent.id is null then 0 else agenda_item.position end`)
    .orderBy('declaration.id')
    .execute();
}

export function insertDeclaration(db: Db, values: Insertable<Database['declaration']>) {
  return db.insertInto('declaration').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findDeclaration(db: Db, id: number) {
  return db.selectFrom('declaration').selectAll().where('id', '=', id).executeTakeFirst();
}

export function deleteDeclaration(db: Db, id: number) {
  return db.deleteFrom('declaration').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- attendance statistics

/**
 * For each person who was a member of the body on the date of one of its meetings that took place
 * (not cancelled; held or later, or dated before `today`), one row per such meeting with their recorded
 * attendance status (null when none was recorded).
 */
export function memberMeetingAttendance(db: Db, bodyId: number, today: string) {
  return db
    .selectFrom('meeting')
    .innerJoin('body_member', (join) =>
      join
        .onRef('body_member.body_id', '=', 'meeting.body_id')
        .onRef('body_member.start_date', '<=', 'meeting.meeting_date')
        .on((eb) => eb.or([eb('body_member.end_date', 'is', null), eb('body_member.end_date', '>=', eb.ref('meeting.meeting_date'))])),
    )
    .innerJoin('person', 'person.id', 'body_member.person_id')
    .leftJoin('attendance', (join) => join.onRef('attendance.meeting_id', '=', 'meeting.id').onRef('attendance.person_id', '=', 'person.id'))
    .select(['person.id as person_id', 'person.name', 'meeting.id as meeting_id', 'attendance.status'])
    .where('meeting.body_id', '=', bodyId)
    .where('meeting.status', '<>', 'cancelled')
    .where((eb) => eb.or([eb('meeting.status', 'in', ['held', 'minutes-drafted', 'minutes-approved']), eb('meeting.meeting_date', '<', today)]))
    .orderBy('person.name')
    .orderBy('meeting.meeting_date')
    .execute();
}
