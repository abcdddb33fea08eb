import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/database/types.js';
import './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export function listBodies(db: Db) {
  return db
    .selectFrom('body')
    .leftJoin('body as parent', 'parent.id', 'body.parent_id')
    .select(['body.id', 'body.slug', 'body.name', 'body.kind', 'body.start_date', 'body.end_date', 'parent.name as parent_name'])
    .orderBy(sql`case body.kind when 'board' then 0 when 'partnership' then 1 when 'sub-group' then 2 else 3 end`)
    .orderBy('body.name')
    .execute();
}

export function findBodyBySlug(db: Db, slug: string) {
  return db
    .selectFrom('body')
    .leftJoin('body as parent', 'parent.id', 'body.parent_id')
    .selectAll('body')
    .select(['parent.name as parent_name', 'parent.slug as parent_slug'])
    .where('body.slug', '=', slug)
    .executeTakeFirst();
}

/** Current members of a body on a date, chair first. */
export function currentMembers(db: Db, bodyId: number, onDate: string) {
  return db
    .selectFrom('body_member')
    .innerJoin('person', 'person.id', 'body_member.person_id')
    .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
    .select(['body_member.id', 'body_member.role', 'body_member.start_date', 'body_member.end_date', 'person.id as person_id', 'person.name', 'person.job_title', 'organisation.name as organisation'])
    .where('body_member.body_id', '=', bodyId)
    .where('body_member.start_date', '<=', onDate)
    .where((eb) => eb.or([eb('body_member.end_date', 'is', null), eb('body_member.end_date', '>=', onDate)]))
    .orderBy(sql`case body_member.role when 'chair' then 0 when 'vice-chair' then 1 when 'member' then 2 when 'co-opted' then 3 when 'adviser' then 4 else 5 end`)
    .orderBy('person.name')
    .execute();
}

/** The bodies a signed-in user is a current member of (by their person record). */
export async function bodyIdsForUser(db: Db, userId: string, onDate: string): Promise<number[]> {
  const rows = await db
    .selectFrom('body_member')
    .innerJoin('person', 'person.id', 'body_member.person_id')
    .select('body_member.body_id')
    .where('person.user_id', '=', userId)
    .where('body_member.start_date', '<=', onDate)
    .where((eb) => eb.or([eb('body_member.end_date', 'is', null), eb('body_member.end_date', '>=', onDate)]))
    .execute();
  return [...new Set(rows.map((r) => r.body_id))];
}
