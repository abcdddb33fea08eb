/** All of the actions capability's SQL (Kysely). Services and routes call these; nothing else touches the tables. */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { currentPrioritiesAndPrinciples, strategyQueries } from '../strategy/index.js';
import type { Database } from '../platform/database/types.js';
import type { ActionStatus } from './rag.js';
import './schema.js';

export type Db = Kysely<Database> | Transaction<Database>;

// ---------------------------------------------------------------- people, organisations, bodies

export function findPerson(db: Db, id: number) {
  return db.selectFrom('person').select(['id', 'name', 'organisation_id', 'user_id']).where('id', '=', id).executeTakeFirst();
}
export function findOrganisation(db: Db, id: number) {
  return db.selectFrom('organisation').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}
export function findBody(db: Db, id: number) {
  return db.selectFrom('body').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
}
export function findBodyBySlug(db: Db, slug: string) {
  return db.selectFrom('body').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
}
export function listBodies(db: Db) {
  return db.selectFrom('body').select(['id', 'slug', 'name']).orderBy('id').execute();
}
/** The person record of a signed-in user, with their organisation. */
export function personForUser(db: Db, userId: string) {
  return db
    .selectFrom('person')
    .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
    .select(['person.id', 'person.name', 'person.organisation_id', 'organisation.name as organisation_name'])
    .where('person.user_id', '=', userId)
    .executeTakeFirst();
}
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

// ---------------------------------------------------------------- meetings and resolutions (read only)

export function findMeeting(db: Db, id: number) {
  return db.selectFrom('meeting').select(['id', 'body_id', 'meeting_date', 'status']).where('id', '=', id).executeTakeFirst();
}

/** The first meeting of a body, not cancelled, after a date (or on it, when `inclusive`). */
export function nextMeetingOf(db: Db, bodyId: number, after: string, inclusive = false) {
  return db
    .selectFrom('meeting')
    .select(['id', 'meeting_date'])
    .where('body_id', '=', bodyId)
    .where('status', '<>', 'cancelled')
    .where('meeting_date', inclusive ? '>=' : '>', after)
    .orderBy('meeting_date')
    .orderBy('id')
    .executeTakeFirst();
}

/** The meeting of the same body held before this one (not cancelled). */
export function previousMeetingOf(db: Db, meeting: { id: number; body_id: number; meeting_date: string }) {
  return db
    .selectFrom('meeting')
    .select(['id', 'meeting_date'])
    .where('body_id', '=', meeting.body_id)
    .where('status', '<>', 'cancelled')
    .where('id', '<>', meeting.id)
    .where((eb) => eb.or([eb('meeting_date', '<', meeting.meeting_date), eb.and([eb('meeting_date', '=', meeting.meeting_date), eb('id', '<', meeting.id)])]))
    .orderBy('meeting_date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** A resolution with its agenda item and meeting: where it was agreed. */
export function resolutionContext(db: Db, resolutionId: number) {
  return db
    .selectFrom('resolution')
    .innerJoin('agenda_item', 'agenda_item.id', 'resolution.agenda_item_id')
    .leftJoin('agenda_item as parent_item', 'parent_item.id', 'agenda_item.parent_id')
    .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
    .select([
      'resolution.id',
      'resolution.number',
      'resolution.text',
      'agenda_item.position as item_position',
      'parent_item.position as parent_position',
      'meeting.id as meeting_id',
      'meeting.body_id',
      'meeting.meeting_date',
    ])
    .where('resolution.id', '=', resolutionId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- actions

export type ActionRow = Awaited<ReturnType<typeof findAction>> & object;

function actionSelect(db: Db) {
  return db
    .selectFrom('action')
    .innerJoin('body', 'body.id', 'action.body_id')
    .leftJoin('person as owner_person', 'owner_person.id', 'action.owner_person_id')
    .leftJoin('organisation as owner_organisation', 'owner_organisation.id', 'action.owner_organisation_id')
    .leftJoin('organisation as owner_person_organisation', 'owner_person_organisation.id', 'owner_person.organisation_id')
    .leftJoin('body as due_body', 'due_body.id', 'action.due_body_id')
    .selectAll('action')
    .select([
      'body.name as body_name',
      'body.slug as body_slug',
      'owner_person.name as owner_person_name',
      'owner_person_organisation.name as owner_person_organisation_name',
      'owner_organisation.name as owner_organisation_name',
      'due_body.name as due_body_name',
    ]);
}

export function findAction(db: Db, id: number) {
  return actionSelect(db).where('action.id', '=', id).executeTakeFirst();
}

export interface ActionQuery {
  bodyId?: number;
  ownerPersonId?: number;
  ownerOrganisationId?: number;
  /** Owned by this person, or by this organisation. */
  mine?: { personId: number | null; organisationId: number | null };
  statuses?: ActionStatus[];
  priorityId?: number;
  dueAfter?: string;
  dueBefore?: string;
  resolutionIds?: number[];
  ids?: number[];
}

export function listActions(db: Db, f: ActionQuery) {
  let q = actionSelect(db);
  if (f.bodyId !== undefined) q = q.where('action.body_id', '=', f.bodyId);
  if (f.ownerPersonId !== undefined) q = q.where('action.owner_person_id', '=', f.ownerPersonId);
  if (f.ownerOrganisationId !== undefined) q = q.where('action.owner_organisation_id', '=', f.ownerOrganisationId);
  if (f.mine) {
    const { personId, organisationId } = f.mine;
    q = q.where((eb) =>
      eb.or([
        personId === null ? eb.val(false) : eb('action.owner_person_id', '=', personId),
        organisationId === null ? eb.val(false) : eb('action.owner_organisation_id', '=', organisationId),
      ]),
    );
  }
  if (f.statuses?.length) q = q.where('action.status', 'in', f.statuses);
  if (f.priorityId !== undefined) {
    const priorityId = f.priorityId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('strategy_tag')
          .select('strategy_tag.id')
          .where('strategy_tag.entity', '=', 'action')
          .whereRef('strategy_tag.entity_id', '=', sql<string>`action.id::text`)
          .where('strategy_tag.priority_id', '=', priorityId),
      ),
    );
  }
  if (f.dueAfter) q = q.where('action.due_date', '>=', f.dueAfter);
  if (f.dueBefore) q = q.where('action.due_date', '<=', f.dueBefore);
  if (f.resolutionIds) q = f.resolutionIds.length ? q.where('action.resolution_id', 'in', f.resolutionIds) : q.where(sql<boolean>`false`);
  if (f.ids) q = f.ids.length ? q.where('action.id', 'in', f.ids) : q.where(sql<boolean>`false`);
  return q.orderBy('action.due_date').orderBy('action.id').execute();
}

export function insertAction(db: Db, values: Insertable<Database['action']>) {
  return db.insertInto('action').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates an action if its version is still `version`; returns the new row, or undefined on a conflict. */
export function updateActionIfVersion(db: Db, id: number, version: number, values: Record<string, unknown>) {
  return db
    .updateTable('action')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function setActionDue(db: Db, id: number, dueDate: string, meetingId: number | null) {
  return db
    .updateTable('action')
    .set({ due_date: dueDate, due_meeting_id: meetingId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Open "next meeting" actions whose rule names this body. */
export function openNextMeetingActions(db: Db, dueBodyId: number) {
  return db
    .selectFrom('action')
    .selectAll()
    .where('due_kind', '=', 'next-meeting')
    .where('due_body_id', '=', dueBodyId)
    .where('status', 'in', ['not-started', 'in-progress'])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export function insertActionUpdate(db: Db, values: {
  action_id: number; comment: string; evidence_url: string | null; status_from: ActionStatus | null; status_to: ActionStatus | null; author_id: string | null; author_name: string;
}) {
  return db.insertInto('action_update').values(values).returningAll().executeTakeFirstOrThrow();
}

export function listActionUpdates(db: Db, actionId: number) {
  return db.selectFrom('action_update').selectAll().where('action_id', '=', actionId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** For each resolution, where it was agreed: meeting date, item position (and its parent's), resolution number. */
export function resolutionRefs(db: Db, resolutionIds: number[]) {
  if (!resolutionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('resolution')
    .innerJoin('agenda_item', 'agenda_item.id', 'resolution.agenda_item_id')
    .leftJoin('agenda_item as parent_item', 'parent_item.id', 'agenda_item.parent_id')
    .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
    .select(['resolution.id', 'resolution.number', 'resolution.text', 'agenda_item.position as item_position', 'parent_item.position as parent_position', 'meeting.id as meeting_id', 'meeting.meeting_date'])
    .where('resolution.id', 'in', resolutionIds)
    .execute();
}

/** The resolutions agreed at a meeting. */
export function resolutionIdsOfMeeting(db: Db, meetingId: number) {
  return db
    .selectFrom('resolution')
    .innerJoin('agenda_item', 'agenda_item.id', 'resolution.agenda_item_id')
    .select('resolution.id')
    .where('agenda_item.meeting_id', '=', meetingId)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

/** Open actions of a body from meetings before `meetingsBefore`, or added on their own before `looseBefore`. */
export function olderOpenActions(db: Db, bodyId: number, meetingsBefore: string, looseBefore: string, excludeIds: number[]) {
  let q = actionSelect(db)
    .leftJoin('resolution', 'resolution.id', 'action.resolution_id')
    .leftJoin('agenda_item', 'agenda_item.id', 'resolution.agenda_item_id')
    .leftJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
    .where('action.body_id', '=', bodyId)
    .where('action.status', 'in', ['not-started', 'in-progress'])
    .where((eb) =>
      eb.or([
        eb('meeting.meeting_date', '<', meetingsBefore),
        eb.and([eb('action.resolution_id', 'is', null), sql<boolean>`action.created_at < ${looseBefore}::date`]),
      ]),
    );
  if (excludeIds.length) q = q.where('action.id', 'not in', excludeIds);
  return q.orderBy('action.due_date').orderBy('action.id').execute();
}

// ---------------------------------------------------------------- strategy tags

/** Tags are the strategy capability's records: these delegate to its queries. */
export async function replaceTags(db: Db, entity: string, entityId: number, tags: { priorityIds: number[]; principleIds: number[] }) {
  await strategyQueries.replaceTags(db, entity, String(entityId), [...new Set(tags.priorityIds)], [...new Set(tags.principleIds)]);
}

export function tagsOf(db: Db, entity: string, ids: number[]) {
  return ids.length ? strategyQueries.tagsOf(db, entity, ids.map(String)) : Promise.resolve([]);
}

export async function existingPriorityIds(db: Db, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  return (await db.selectFrom('strategy_priority').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}
export async function existingPrincipleIds(db: Db, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  return (await db.selectFrom('strategy_principle').select('id').where('id', 'in', ids).execute()).map((r) => r.id);
}

/** Priorities and principles of the current strategy, for forms and filters. */
export async function currentPriorities(db: Db) {
  return (await currentPrioritiesAndPrinciples(db)).priorities;
}
export async function currentPrinciples(db: Db) {
  return (await currentPrioritiesAndPrinciples(db)).principles;
}

// ---------------------------------------------------------------- forward plan

function forwardPlanSelect(db: Db) {
  return db
    .selectFrom('forward_plan_item as fpi')
    .innerJoin('body', 'body.id', 'fpi.body_id')
    .leftJoin('meeting as target_meeting', 'target_meeting.id', 'fpi.target_meeting_id')
    .leftJoin('resolution', 'resolution.id', 'fpi.resolution_id')
    .selectAll('fpi')
    .select([
      'body.name as body_name',
      'body.slug as body_slug',
      'target_meeting.meeting_date as target_meeting_date',
      'target_meeting.status as target_meeting_status',
      'resolution.text as resolution_text',
      // The month an item is due: its target meeting's month while that meeting stands, else the month recorded.
      sql<string>`to_char(case when target_meeting.id is not null and target_meeting.status <> 'cancelled' then target_meeting.meeting_date else fpi.target_month end, 'YYYY-MM')`.as('effective_month'),
    ]);
}

export function findForwardPlanItem(db: Db, id: number) {
  return forwardPlanSelect(db).where('fpi.id', '=', id).executeTakeFirst();
}

export function listForwardPlan(db: Db, f: { bodyId?: number; statuses?: string[] }) {
  let q = forwardPlanSelect(db);
  if (f.bodyId !== undefined) q = q.where('fpi.body_id', '=', f.bodyId);
  if (f.statuses?.length) q = q.where('fpi.status', 'in', f.statuses as never);
  return q.orderBy(sql`effective_month`).orderBy('fpi.id').execute();
}

/**
 * Planned items of a body due for a meeting: targeted at it; or at its month or earlier and not at
 * another meeting still to come (an item whose target meeting was cancelled or has passed is due too).
 */
export function forwardPlanDueFor(db: Db, meeting: { id: number; body_id: number; meeting_date: string }) {
  const monthEnd = sql<string>`(date_trunc('month', ${meeting.meeting_date}::date) + interval '1 month' - interval '1 day')::date`;
  return forwardPlanSelect(db)
    .where('fpi.body_id', '=', meeting.body_id)
    .where('fpi.status', '=', 'planned')
    .where((eb) =>
      eb.or([
        eb('fpi.target_meeting_id', '=', meeting.id),
        eb.and([eb('fpi.target_meeting_id', 'is', null), eb('fpi.target_month', '<=', monthEnd)]),
        eb.and([
          eb('fpi.target_meeting_id', 'is not', null),
          eb('fpi.target_meeting_id', '<>', meeting.id),
          eb.or([eb('target_meeting.status', '=', 'cancelled'), eb('target_meeting.meeting_date', '<', meeting.meeting_date)]),
          eb('fpi.target_month', '<=', monthEnd),
        ]),
      ]),
    )
    .orderBy('fpi.target_month')
    .orderBy('fpi.id')
    .execute();
}

export function insertForwardPlanItem(db: Db, values: Insertable<Database['forward_plan_item']>) {
  return db.insertInto('forward_plan_item').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateForwardPlanItemIfVersion(db: Db, id: number, version: number | null, values: Record<string, unknown>) {
  let q = db
    .updateTable('forward_plan_item')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  return q.returningAll().executeTakeFirst();
}

export function forwardPlanRowForUpdate(db: Db, id: number) {
  return db.selectFrom('forward_plan_item').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
export function actionRowForUpdate(db: Db, id: number) {
  return db.selectFrom('action').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findAgendaItem(db: Db, id: number) {
  return db
    .selectFrom('agenda_item')
    .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
    .select(['agenda_item.id', 'agenda_item.meeting_id', 'meeting.body_id', 'meeting.meeting_date'])
    .where('agenda_item.id', '=', id)
    .executeTakeFirst();
}

/** Upcoming meetings of a body (for the forward-plan form's target meeting). */
export function upcomingMeetings(db: Db, bodyId: number | undefined, fromDate: string) {
  let q = db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select(['meeting.id', 'meeting.meeting_date', 'meeting.body_id', 'body.name as body_name'])
    .where('meeting.status', '<>', 'cancelled')
    .where('meeting.meeting_date', '>=', fromDate);
  if (bodyId !== undefined) q = q.where('meeting.body_id', '=', bodyId);
  return q.orderBy('meeting.meeting_date').orderBy('meeting.id').limit(50).execute();
}
