import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/database/types.js';
import './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export function listBodies(db: Db) {
  return db
    .selectFrom('body')
    .leftJoin('body as parent', 'parent.id', 'body.parent_id')
    .select(['body.id', 'body.slug', 'body.name', 'body.kind', 'body.start_date', 'body.end_date', 'body.review_date', 'parent.name as parent_name'])
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

// ---------------------------------------------------------------- bodies (editing)

type BodyTable = Database['body'];
export type BodyValues = {
  name: string;
  kind: BodyTable['kind'];
  parent_id: number | null;
  remit: string;
  start_date: string | null;
  end_date: string | null;
  purpose: string;
  scope: string;
  membership: string;
  quorum: number | null;
  frequency: string;
  reporting_line: string;
  review_date: string | null;
};

export function findBodyById(db: Db, id: number) {
  return db.selectFrom('body').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks a body's row for the rest of the transaction, so membership rules are checked one change at a time. */
export function lockBody(db: Db, id: number) {
  return db.selectFrom('body').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function slugsLike(db: Db, base: string): Promise<string[]> {
  const rows = await db.selectFrom('body').select('slug').where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)])).execute();
  return rows.map((r) => r.slug);
}

export function insertBody(db: Db, values: BodyValues & { slug: string }) {
  return db.insertInto('body').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates a body if its version is still `version`; undefined when someone else changed it first. */
export function updateBodyIfVersion(db: Db, id: number, version: number, values: BodyValues) {
  return db
    .updateTable('body')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The parent chain of a body (its parent, the parent's parent, ...). */
export async function parentIdOf(db: Db, id: number): Promise<number | null | undefined> {
  const row = await db.selectFrom('body').select('parent_id').where('id', '=', id).executeTakeFirst();
  return row ? row.parent_id : undefined;
}

// ---------------------------------------------------------------- memberships

/** Every membership of a body, past, present and future, chair first then by name. */
export function allMembers(db: Db, bodyId: number) {
  return db
    .selectFrom('body_member')
    .innerJoin('person', 'person.id', 'body_member.person_id')
    .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
    .select([
      'body_member.id', 'body_member.role', 'body_member.start_date', 'body_member.end_date', 'body_member.version',
      'person.id as person_id', 'person.name', 'person.job_title', 'organisation.name as organisation',
    ])
    .where('body_member.body_id', '=', bodyId)
    .orderBy(sql`case body_member.role when 'chair' then 0 when 'vice-chair' then 1 when 'member' then 2 when 'co-opted' then 3 when 'adviser' then 4 else 5 end`)
    .orderBy('person.name')
    .orderBy('body_member.start_date')
    .execute();
}

export function findMembership(db: Db, id: number) {
  return db
    .selectFrom('body_member')
    .innerJoin('person', 'person.id', 'body_member.person_id')
    .innerJoin('body', 'body.id', 'body_member.body_id')
    .selectAll('body_member')
    .select(['person.name as person_name', 'body.slug as body_slug', 'body.name as body_name'])
    .where('body_member.id', '=', id)
    .executeTakeFirst();
}

export function membershipRow(db: Db, id: number) {
  return db.selectFrom('body_member').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertMembership(db: Db, values: { body_id: number; person_id: number; role: Database['body_member']['role']; start_date: string; end_date?: string | null }) {
  return db.insertInto('body_member').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateMembershipIfVersion(db: Db, id: number, version: number, values: { role?: Database['body_member']['role']; end_date?: string | null }) {
  return db
    .updateTable('body_member')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

// ---------------------------------------------------------------- organisations and people

export function listOrganisations(db: Db) {
  return db
    .selectFrom('organisation')
    .select(['organisation.id', 'organisation.name', 'organisation.kind'])
    .select((eb) => eb.selectFrom('person').select(eb.fn.countAll<number>().as('n')).whereRef('person.organisation_id', '=', 'organisation.id').as('people'))
    .orderBy('organisation.name')
    .execute();
}

export function findOrganisation(db: Db, id: number) {
  return db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
}

export function organisationNamed(db: Db, name: string) {
  return db.selectFrom('organisation').selectAll().where(sql<boolean>`lower(name) = lower(${name})`).executeTakeFirst();
}

export function insertOrganisation(db: Db, values: { name: string; kind: string }) {
  return db.insertInto('organisation').values(values).returningAll().executeTakeFirstOrThrow();
}

export function listPeople(db: Db) {
  return db
    .selectFrom('person')
    .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
    .leftJoin('app_user', 'app_user.id', 'person.user_id')
    .select(['person.id', 'person.name', 'person.job_title', 'person.email', 'organisation.name as organisation', 'app_user.email as user_email'])
    .orderBy('person.name')
    .execute();
}

export function findPerson(db: Db, id: number) {
  return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

export function personWithUser(db: Db, userId: string) {
  return db.selectFrom('person').select(['id', 'name']).where('user_id', '=', userId).executeTakeFirst();
}

export type PersonValues = { name: string; job_title: string; organisation_id: number | null; email: string | null; user_id: string | null };

export function insertPerson(db: Db, values: PersonValues) {
  return db.insertInto('person').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updatePersonIfVersion(db: Db, id: number, version: number, values: PersonValues) {
  return db
    .updateTable('person')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** User accounts, for linking a person to the account they sign in with. */
export function listUsers(db: Db) {
  return db.selectFrom('app_user').select(['id', 'name', 'email']).orderBy('name').execute();
}

export function findUser(db: Db, id: string) {
  return db.selectFrom('app_user').select(['id', 'name', 'email']).where('id', '=', id).executeTakeFirst();
}
