/** The public site's SQL: only meetings whose agenda is published, and only their non-confidential items. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/database/types.js';
import '../meetings/index.js';
import '../bodies/index.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Every meeting with a published agenda, newest first, with its body. */
export function publishedMeetings(db: Db) {
  return db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select([
      'meeting.id',
      'meeting.body_id',
      'meeting.meeting_date',
      'meeting.start_time',
      'meeting.venue',
      'meeting.status',
      'meeting.minutes_published_at',
      'body.name as body_name',
      'body.slug as body_slug',
    ])
    .where('meeting.agenda_published_at', 'is not', null)
    .where('meeting.status', '<>', 'draft')
    .orderBy('body.id')
    .orderBy('meeting.meeting_date', 'desc')
    .execute();
}

/** A meeting, only when its agenda is published. */
export function publishedMeeting(db: Db, id: number) {
  return db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .selectAll('meeting')
    .select(['body.name as body_name', 'body.slug as body_slug'])
    .where('meeting.id', '=', id)
    .where('meeting.agenda_published_at', 'is not', null)
    .where('meeting.status', '<>', 'draft')
    .executeTakeFirst();
}

/**
 * The agenda of a published meeting: non-confidential items only (a sub-item of a confidential item is
 * withheld with it). Confidential items are counted, never named.
 */
export function publicAgenda(db: Db, meetingId: number) {
  return db
    .selectFrom('agenda_item')
    .leftJoin('agenda_item as parent', 'parent.id', 'agenda_item.parent_id')
    .select([
      'agenda_item.id',
      'agenda_item.position',
      'parent.position as parent_position',
      'agenda_item.title',
      'agenda_item.presenter',
      'agenda_item.summary',
    ])
    .where('agenda_item.meeting_id', '=', meetingId)
    .where('agenda_item.confidential', '=', false)
    .where((eb) => eb.or([eb('parent.id', 'is', null), eb('parent.confidential', '=', false)]))
    .orderBy(sql`coalesce(parent.position, agenda_item.position)`)
    .orderBy(sql`case when agenda_item.parent_id is null then 0 else agenda_item.position end`)
    .execute();
}

export function withheldCount(db: Db, meetingId: number) {
  return db
    .selectFrom('agenda_item')
    .select(sql<number>`count(*)`.as('n'))
    .where('meeting_id', '=', meetingId)
    .where('confidential', '=', true)
    .where('parent_id', 'is', null)
    .executeTakeFirst()
    .then((r) => Number(r?.n ?? 0));
}

export function papersOf(db: Db, itemIds: number[]) {
  if (!itemIds.length) return Promise.resolve([]);
  return db
    .selectFrom('agenda_paper')
    .select(['id', 'agenda_item_id', 'title', 'size_bytes'])
    .where('agenda_item_id', 'in', itemIds)
    .orderBy('id')
    .execute();
}
