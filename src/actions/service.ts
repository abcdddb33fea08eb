/**
 * The actions capability's commands. Each takes the actor and a transaction (the caller owns the
 * transaction, so a meeting's command can create its actions in the same one), validates its input
 * (ActionInputError names the field), writes, and records the audit in the same transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../platform/audit.js';
import { recordAudit } from '../platform/audit.js';
import type { Database } from '../platform/database/types.js';
import { todayInLondon } from '../platform/http/forms.js';
import { addMonths, isIsoDate, isIsoMonth, monthOf } from './dates.js';
import { ActionInputError, resolveDue, type DueRule } from './due.js';
import { formatLongDate } from './format.js';
import * as q from './queries.js';
import { ACTION_STATUSES, OPEN_STATUSES, ragFor, type ActionStatus, type Rag } from './rag.js';
import type { ForwardPlanStatus } from './schema.js';

export type Tx = Transaction<Database>;
type Db = Kysely<Database> | Tx;

export type Owner = { personId: number } | { organisationId: number };
export interface Tags {
  priorityIds: number[];
  principleIds: number[];
}

/** A second save of something changed since it was loaded. */
export class ActionConflictError extends Error {
  constructor(message = 'Someone else changed this while you were editing it. Your changes have not been saved. Check the latest version below, then make your changes again.') {
    super(message);
    this.name = 'ActionConflictError';
  }
}

/** Turns a Date or 'YYYY-MM-DD' into the London calendar date. */
export function asDate(today: string | Date | undefined): string {
  if (today === undefined) return todayInLondon();
  return typeof today === 'string' ? today : todayInLondon(today);
}

// ---------------------------------------------------------------- validation helpers

function cleanTitle(title: unknown, field = 'title', what = 'the action'): string {
  const t = typeof title === 'string' ? title.trim() : '';
  if (!t) throw new ActionInputError(field, `Enter ${what}`);
  if (t.length > 500) throw new ActionInputError(field, `${what.charAt(0).toUpperCase()}${what.slice(1).replace(/^the /, '')} must be 500 characters or fewer`);
  return t;
}

async function checkBody(db: Db, bodyId: number, field = 'bodyId') {
  const body = Number.isInteger(bodyId) ? await q.findBody(db, bodyId) : undefined;
  if (!body) throw new ActionInputError(field, 'Select a board or group from the list');
  return body;
}

async function checkOwner(db: Db, owner: Owner): Promise<{ owner_person_id: number | null; owner_organisation_id: number | null }> {
  if (owner && 'personId' in owner && Number.isInteger(owner.personId)) {
    if (await q.findPerson(db, owner.personId)) return { owner_person_id: owner.personId, owner_organisation_id: null };
  } else if (owner && 'organisationId' in owner && Number.isInteger(owner.organisationId)) {
    if (await q.findOrganisation(db, owner.organisationId)) return { owner_person_id: null, owner_organisation_id: owner.organisationId };
  }
  throw new ActionInputError('owner', 'Select an owner from the list: a person or an organisation');
}

async function checkTags(db: Db, tags: Tags | undefined): Promise<Tags> {
  const t = { priorityIds: [...new Set(tags?.priorityIds ?? [])], principleIds: [...new Set(tags?.principleIds ?? [])] };
  if (t.priorityIds.some((id) => !Number.isInteger(id)) || (await q.existingPriorityIds(db, t.priorityIds)).length !== t.priorityIds.length) {
    throw new ActionInputError('priorities', 'Select priorities from the list');
  }
  if (t.principleIds.some((id) => !Number.isInteger(id)) || (await q.existingPrincipleIds(db, t.principleIds)).length !== t.principleIds.length) {
    throw new ActionInputError('principles', 'Select principles from the list');
  }
  return t;
}

/** Where an action or item is set from: its resolution's meeting date, or today (London). */
async function referenceFor(db: Db, resolutionId: number | null | undefined, today: string) {
  if (resolutionId === null || resolutionId === undefined) return { reference: today, referenceIsMeeting: false, resolution: null };
  const resolution = Number.isInteger(resolutionId) ? await q.resolutionContext(db, resolutionId) : undefined;
  if (!resolution) throw new ActionInputError('resolutionId', 'That resolution does not exist');
  return { reference: resolution.meeting_date, referenceIsMeeting: true, resolution };
}

async function resolveDueRule(db: Db, due: DueRule, reference: string, referenceIsMeeting: boolean) {
  if (!due || !['date', 'next-meeting', 'months'].includes(due.kind)) throw new ActionInputError('due', 'Select when the action is due');
  if (due.kind === 'next-meeting') {
    const body = await checkBody(db, due.bodyId, 'dueBody');
    const next = await q.nextMeetingOf(db, body.id, reference, !referenceIsMeeting);
    return {
      ...resolveDue(due, { reference, referenceIsMeeting, bodyName: body.name, nextMeeting: next ? { id: next.id, date: next.meeting_date } : null }),
      dueBodyId: body.id,
    };
  }
  return { ...resolveDue(due, { reference, referenceIsMeeting }), dueBodyId: null };
}

async function authorName(db: Db, actor: Actor): Promise<string> {
  if (!actor.id) return actor.label;
  const u = await db.selectFrom('app_user').select('name').where('id', '=', actor.id).executeTakeFirst();
  return u?.name ?? actor.label;
}

// ---------------------------------------------------------------- actions

export interface CreateActionInput {
  bodyId: number;
  resolutionId?: number | null;
  title: string;
  description?: string;
  owner: Owner;
  due: DueRule;
  tags?: Tags;
  /** "Today" for an action added on its own (defaults to today in Europe/London); the demo passes its own. */
  today?: string | Date;
}

/**
 * Creates an action. The due date is resolved now and stored with the rule that produced it.
 * "In the past" is judged against the date of the resolution's meeting when the action comes from a
 * resolution (minutes are often written after the meeting), else against today in Europe/London.
 */
export async function createAction(tx: Tx, actor: Actor, input: CreateActionInput): Promise<{ id: number; dueDate: string }> {
  const title = cleanTitle(input.title);
  const description = typeof input.description === 'string' ? input.description.trim().slice(0, 5000) : '';
  const body = await checkBody(tx, input.bodyId);
  const { reference, referenceIsMeeting } = await referenceFor(tx, input.resolutionId, asDate(input.today));
  const owner = await checkOwner(tx, input.owner);
  const due = await resolveDueRule(tx, input.due, reference, referenceIsMeeting);
  const tags = await checkTags(tx, input.tags);
  const row = await q.insertAction(tx, {
    body_id: body.id,
    resolution_id: input.resolutionId ?? null,
    title,
    description,
    ...owner,
    due_kind: input.due.kind,
    due_date: due.dueDate,
    due_reference: input.due.kind === 'months' ? input.due.from : reference,
    due_months: input.due.kind === 'months' ? input.due.months : null,
    due_body_id: due.dueBodyId,
    due_meeting_id: due.meetingId,
    created_by: actor.id,
  });
  await q.replaceTags(tx, 'action', row.id, tags);
  await recordAudit(tx, actor, 'create', 'action', row.id, null, { ...auditable(row), ...tags });
  return { id: row.id, dueDate: row.due_date };
}

function auditable(row: Record<string, unknown>) {
  const { created_at: _c, updated_at: _u, ...rest } = row;
  return rest;
}

export interface EditActionInput {
  title: string;
  description?: string;
  owner: Owner;
  /** The due rule; when it is the same as the stored one, the stored due date is kept. */
  due: DueRule;
  tags?: Tags;
  today?: string | Date;
}

function sameRule(row: { due_kind: string; due_date: string; due_months: number | null; due_body_id: number | null; due_reference: string }, due: DueRule): boolean {
  if (row.due_kind !== due.kind) return false;
  if (due.kind === 'date') return row.due_date === due.date;
  if (due.kind === 'months') return row.due_months === due.months && row.due_reference === due.from;
  return row.due_body_id === due.bodyId;
}

/** Edits an action's title, description, owner, due rule and tags, if nobody has changed it since `version`. */
export async function editAction(tx: Tx, actor: Actor, actionId: number, version: number, input: EditActionInput): Promise<void> {
  const before = await q.actionRowForUpdate(tx, actionId);
  if (!before) throw new ActionInputError('action', 'That action does not exist');
  const title = cleanTitle(input.title);
  const description = typeof input.description === 'string' ? input.description.trim().slice(0, 5000) : '';
  const owner = await checkOwner(tx, input.owner);
  const tags = await checkTags(tx, input.tags);
  let dueValues: Record<string, unknown> = {};
  if (!sameRule(before, input.due)) {
    // A changed due rule is resolved as of today: the new date is being set now.
    const today = asDate(input.today);
    const due = await resolveDueRule(tx, input.due, today, false);
    dueValues = {
      due_kind: input.due.kind,
      due_date: due.dueDate,
      due_reference: input.due.kind === 'months' ? input.due.from : today,
      due_months: input.due.kind === 'months' ? input.due.months : null,
      due_body_id: due.dueBodyId,
      due_meeting_id: due.meetingId,
    };
  }
  if (before.version !== version) throw new ActionConflictError();
  const after = await q.updateActionIfVersion(tx, actionId, version, { title, description, ...owner, ...dueValues });
  if (!after) throw new ActionConflictError();
  const beforeTags = await q.tagsOf(tx, 'action', [actionId]);
  await q.replaceTags(tx, 'action', actionId, tags);
  await recordAudit(
    tx, actor, 'update', 'action', actionId,
    { ...auditable(before), priorityIds: beforeTags.filter((t) => t.priority_id).map((t) => t.priority_id), principleIds: beforeTags.filter((t) => t.principle_id).map((t) => t.principle_id) },
    { ...auditable(after), ...tags },
  );
}

export interface ActionUpdateInput {
  comment: string;
  evidenceUrl?: string | null;
  /** A new status, if the update changes it. */
  status?: ActionStatus | null;
  /** The action's version when the page was loaded: a status change on a stale page is refused. */
  version?: number | null;
  today?: string | Date;
}

/** http(s) links only: a `javascript:` or `file:` link is refused. */
export function cleanEvidenceUrl(url: unknown): string | null {
  const s = typeof url === 'string' ? url.trim() : '';
  if (!s) return null;
  let parsed: URL;
  try {
    parsed = new URL(s);
  } catch {
    throw new ActionInputError('evidenceUrl', 'Enter a link to the evidence starting with https:// or http://');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new ActionInputError('evidenceUrl', 'Enter a link to the evidence starting with https:// or http://');
  if (s.length > 2000) throw new ActionInputError('evidenceUrl', 'Link must be 2,000 characters or fewer');
  return parsed.toString();
}

/** Adds a progress update (comment, optional evidence link) to an action; it may change the status. */
export async function addActionUpdate(tx: Tx, actor: Actor, actionId: number, input: ActionUpdateInput): Promise<{ id: number }> {
  const action = await q.actionRowForUpdate(tx, actionId);
  if (!action) throw new ActionInputError('action', 'That action does not exist');
  const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
  if (!comment) throw new ActionInputError('comment', 'Enter a comment on progress');
  if (comment.length > 5000) throw new ActionInputError('comment', 'Comment must be 5,000 characters or fewer');
  const evidenceUrl = cleanEvidenceUrl(input.evidenceUrl);
  const status = input.status ?? action.status;
  if (!ACTION_STATUSES.includes(status)) throw new ActionInputError('status', 'Select a status');
  const changes = status !== action.status;
  if (changes && input.version !== undefined && input.version !== null && input.version !== action.version) {
    throw new ActionConflictError('Someone else changed this action while you were writing your update. Your update has not been saved. Check the latest status below, then add your update again.');
  }
  const row = await q.insertActionUpdate(tx, {
    action_id: actionId,
    comment,
    evidence_url: evidenceUrl,
    status_from: changes ? action.status : null,
    status_to: changes ? status : null,
    author_id: actor.id,
    author_name: await authorName(tx, actor),
  });
  await recordAudit(tx, actor, 'create', 'action_update', row.id, null, { action_id: actionId, comment, evidence_url: evidenceUrl, status_from: row.status_from, status_to: row.status_to });
  if (changes) {
    const after = await q.updateActionIfVersion(tx, actionId, action.version, {
      status,
      completed_on: status === 'complete' ? asDate(input.today) : null,
    });
    if (!after) throw new ActionConflictError();
    await recordAudit(tx, actor, 'update', 'action', actionId, auditable(action), auditable(after));
  }
  return { id: row.id };
}

/**
 * A meeting moved, was cancelled or was added: re-resolves the open actions due "next meeting of"
 * its body (those that resolved to it, to a cancelled meeting, or to none), and keeps forward-plan
 * items targeted at it in its month. An action whose rule now finds no meeting keeps its date and
 * loses its meeting (the tracker says "next meeting: none scheduled"). Returns the actions changed.
 */
export async function onMeetingDateChanged(tx: Tx, actor: Actor, meetingId: number): Promise<number[]> {
  const meeting = await q.findMeeting(tx, meetingId);
  if (!meeting) return [];
  const changed: number[] = [];
  for (const a of await q.openNextMeetingActions(tx, meeting.body_id)) {
    const next = await q.nextMeetingOf(tx, meeting.body_id, a.due_reference, a.resolution_id === null);
    const dueDate = next ? next.meeting_date : a.due_date;
    const meetingIdNow = next ? next.id : null;
    if (dueDate === a.due_date && meetingIdNow === a.due_meeting_id) continue;
    const after = await q.setActionDue(tx, a.id, dueDate, meetingIdNow);
    await recordAudit(tx, actor, 'update', 'action', a.id, auditable(a), auditable(after));
    changed.push(a.id);
  }
  if (meeting.status !== 'cancelled') {
    const month = `${monthOf(meeting.meeting_date)}-01`;
    const items = await tx.selectFrom('forward_plan_item').selectAll().where('target_meeting_id', '=', meetingId).where('status', '=', 'planned').where('target_month', '<>', month).execute();
    for (const item of items) {
      const after = await q.updateForwardPlanItemIfVersion(tx, item.id, null, { target_month: month });
      await recordAudit(tx, actor, 'update', 'forward_plan_item', item.id, auditable(item), after ? auditable(after) : null);
    }
  }
  return changed;
}

// ---------------------------------------------------------------- matters arising

export interface MatterArising {
  actionId: number;
  title: string;
  ownerName: string;
  dueDate: string;
  status: ActionStatus;
  rag: Rag | null;
  /** e.g. "7 November 2018, item 5, resolution 2"; null for an action added outside a meeting. */
  resolutionRef: string | null;
  /** True for an action from an earlier meeting than the last one, still open. */
  carriedForward: boolean;
}

export function ownerNameOf(a: { owner_person_name: string | null; owner_organisation_name: string | null }): string {
  return a.owner_person_name ?? a.owner_organisation_name ?? '';
}

export function formatResolutionRef(r: { meeting_date: string; item_position: number; parent_position: number | null; number: number }): string {
  const item = r.parent_position !== null && r.parent_position !== undefined ? `${r.parent_position}.${r.item_position}` : String(r.item_position);
  return `${formatLongDate(r.meeting_date)}, item ${item}, resolution ${r.number}`;
}

/**
 * The matters arising at a meeting: the open actions created at the previous (not cancelled) meeting
 * of the same body, then the still-open actions of that body from earlier meetings (or added on their
 * own before this meeting), marked as carried forward. Open means not started or in progress.
 */
export async function mattersArisingFor(db: Db, meetingId: number, today?: string | Date): Promise<MatterArising[]> {
  const meeting = await q.findMeeting(db, meetingId);
  if (!meeting) return [];
  const day = asDate(today);
  const previous = await q.previousMeetingOf(db, meeting);
  const fromPrevious = previous
    ? await q.listActions(db, { bodyId: meeting.body_id, resolutionIds: await q.resolutionIdsOfMeeting(db, previous.id), statuses: [...OPEN_STATUSES] })
    : [];
  const older = await q.olderOpenActions(db, meeting.body_id, previous?.meeting_date ?? meeting.meeting_date, meeting.meeting_date, fromPrevious.map((a) => a.id));
  const refs = new Map(
    (await q.resolutionRefs(db, [...fromPrevious, ...older].map((a) => a.resolution_id).filter((id): id is number => id !== null))).map((r) => [r.id, formatResolutionRef(r)]),
  );
  const present = (a: (typeof fromPrevious)[number], carriedForward: boolean): MatterArising => ({
    actionId: a.id,
    title: a.title,
    ownerName: ownerNameOf(a),
    dueDate: a.due_date,
    status: a.status,
    rag: ragFor({ status: a.status, dueDate: a.due_date }, day),
    resolutionRef: a.resolution_id !== null ? (refs.get(a.resolution_id) ?? null) : null,
    carriedForward,
  });
  return [...fromPrevious.map((a) => present(a, false)), ...older.map((a) => present(a, true))];
}

// ---------------------------------------------------------------- forward plan

export type ForwardPlanTarget =
  | { kind: 'meeting'; meetingId: number }
  | { kind: 'month'; month: string }
  | { kind: 'months'; months: number; from: string };

export interface CreateForwardPlanItemInput {
  bodyId: number;
  resolutionId?: number | null;
  title: string;
  target: ForwardPlanTarget;
  tags?: Tags;
  today?: string | Date;
}

async function resolveTarget(db: Db, bodyId: number, target: ForwardPlanTarget, reference: string, referenceIsMeeting: boolean) {
  if (!target || !['meeting', 'month', 'months'].includes(target.kind)) throw new ActionInputError('target', 'Select when the item should come to the board or group');
  if (target.kind === 'meeting') {
    const meeting = Number.isInteger(target.meetingId) ? await q.findMeeting(db, target.meetingId) : undefined;
    if (!meeting || meeting.body_id !== bodyId) throw new ActionInputError('targetMeeting', 'Select a meeting of this board or group');
    if (meeting.status === 'cancelled') throw new ActionInputError('targetMeeting', 'That meeting has been cancelled. Select another meeting');
    if (meeting.meeting_date < reference) throw new ActionInputError('targetMeeting', 'Select a meeting that has not happened yet');
    return { target_kind: 'meeting' as const, target_meeting_id: meeting.id, target_month: `${monthOf(meeting.meeting_date)}-01`, target_months: null, target_from: null };
  }
  if (target.kind === 'month') {
    if (!isIsoMonth(target.month)) throw new ActionInputError('targetMonth', 'Target month must be a real month');
    if (target.month < monthOf(reference)) {
      throw new ActionInputError('targetMonth', referenceIsMeeting ? 'Target month must be the month of the meeting or later' : 'Target month must be this month or later');
    }
    return { target_kind: 'month' as const, target_meeting_id: null, target_month: `${target.month}-01`, target_months: null, target_from: null };
  }
  if (!Number.isInteger(target.months) || target.months < 1 || target.months > 60) throw new ActionInputError('targetMonths', 'Number of months must be a whole number between 1 and 60');
  if (!isIsoDate(target.from)) throw new ActionInputError('targetMonths', 'The date the months are counted from must be a real date');
  return { target_kind: 'months' as const, target_meeting_id: null, target_month: `${monthOf(addMonths(target.from, target.months))}-01`, target_months: target.months, target_from: target.from };
}

/** Adds an item to a body's forward plan: something asked for at a future meeting or month. */
export async function createForwardPlanItem(tx: Tx, actor: Actor, input: CreateForwardPlanItemInput): Promise<{ id: number }> {
  const title = cleanTitle(input.title, 'title', 'what should come to the meeting');
  const body = await checkBody(tx, input.bodyId);
  const { reference, referenceIsMeeting } = await referenceFor(tx, input.resolutionId, asDate(input.today));
  const target = await resolveTarget(tx, body.id, input.target, reference, referenceIsMeeting);
  const tags = await checkTags(tx, input.tags);
  const row = await q.insertForwardPlanItem(tx, { body_id: body.id, resolution_id: input.resolutionId ?? null, title, ...target, created_by: actor.id });
  await q.replaceTags(tx, 'forward_plan_item', row.id, tags);
  await recordAudit(tx, actor, 'create', 'forward_plan_item', row.id, null, { ...auditable(row), ...tags });
  return { id: row.id };
}

export interface EditForwardPlanItemInput {
  itemId: number;
  /** The item's version the form was loaded with. */
  version: number;
  title: string;
  target: ForwardPlanTarget;
  tags?: Tags;
  today?: string | Date;
}

/**
 * Changes a planned forward-plan item's wording, target and tags, if nobody has changed it since
 * `version`. The target is checked against today (a meeting not yet held, this month or later). An item
 * on an agenda, done or withdrawn is not changed here: put it back on the plan first.
 */
export async function editForwardPlanItem(tx: Tx, actor: Actor, input: EditForwardPlanItemInput): Promise<void> {
  const item = await q.forwardPlanRowForUpdate(tx, input.itemId);
  if (!item) throw new ActionInputError('forwardPlanItem', 'That forward-plan item does not exist');
  if (item.version !== input.version) throw new ActionConflictError('Someone else changed this forward-plan item since you loaded the page. Nothing has been saved. Check it below and try again.');
  if (item.status !== 'planned') throw new ActionInputError('title', `This item is ${item.status}: put it back on the plan before changing it`);
  const title = cleanTitle(input.title, 'title', 'what should come to the meeting');
  const target = await resolveTarget(tx, item.body_id, input.target, asDate(input.today), false);
  const tags = await checkTags(tx, input.tags);
  const after = await q.updateForwardPlanItemIfVersion(tx, item.id, input.version, { title, ...target });
  if (!after) throw new ActionConflictError();
  const beforeTags = await q.tagsOf(tx, 'forward_plan_item', [item.id]);
  await q.replaceTags(tx, 'forward_plan_item', item.id, tags);
  await recordAudit(
    tx, actor, 'update', 'forward_plan_item', item.id,
    { ...auditable(item), priorityIds: beforeTags.filter((t) => t.priority_id).map((t) => t.priority_id), principleIds: beforeTags.filter((t) => t.principle_id).map((t) => t.principle_id) },
    { ...auditable(after), ...tags },
  );
}

/** The agenda builder turned a forward-plan item into an agenda item. */
export async function markForwardPlanItemScheduled(tx: Tx, actor: Actor, itemId: number, agendaItemId: number): Promise<void> {
  const item = await q.forwardPlanRowForUpdate(tx, itemId);
  if (!item) throw new ActionInputError('forwardPlanItem', 'That forward-plan item does not exist');
  const agendaItem = await q.findAgendaItem(tx, agendaItemId);
  if (!agendaItem) throw new ActionInputError('agendaItem', 'That agenda item does not exist');
  if (agendaItem.body_id !== item.body_id) throw new ActionInputError('forwardPlanItem', 'That forward-plan item belongs to another board or group');
  if (item.status === 'scheduled' && item.agenda_item_id === agendaItemId) return;
  if (item.status === 'withdrawn' || item.status === 'done') throw new ActionInputError('forwardPlanItem', `That forward-plan item is ${item.status} and cannot be scheduled`);
  const after = await q.updateForwardPlanItemIfVersion(tx, itemId, item.version, { status: 'scheduled', agenda_item_id: agendaItemId });
  if (!after) throw new ActionConflictError();
  await recordAudit(tx, actor, 'update', 'forward_plan_item', itemId, auditable(item), auditable(after));
}

/** Marks a forward-plan item done, withdrawn, or back to planned, if nobody has changed it since `version`. */
export async function setForwardPlanItemStatus(tx: Tx, actor: Actor, itemId: number, version: number, status: ForwardPlanStatus): Promise<void> {
  const item = await q.forwardPlanRowForUpdate(tx, itemId);
  if (!item) throw new ActionInputError('forwardPlanItem', 'That forward-plan item does not exist');
  if (!['planned', 'done', 'withdrawn'].includes(status)) throw new ActionInputError('status', 'Select planned, done or withdrawn');
  if (item.version !== version) throw new ActionConflictError('Someone else changed this forward-plan item since you loaded the page. Nothing has been saved. Check it below and try again.');
  const after = await q.updateForwardPlanItemIfVersion(tx, itemId, version, { status, agenda_item_id: status === 'planned' ? null : item.agenda_item_id });
  if (!after) throw new ActionConflictError();
  await recordAudit(tx, actor, 'update', 'forward_plan_item', itemId, auditable(item), auditable(after));
}

export interface ForwardPlanDue {
  id: number;
  title: string;
  /** 'YYYY-MM' */
  targetMonth: string;
  resolutionText: string | null;
  bodyId: number;
  targetMeetingId: number | null;
}

/** The planned forward-plan items due for a meeting (for the agenda builder). */
export async function forwardPlanDueFor(db: Db, meetingId: number): Promise<ForwardPlanDue[]> {
  const meeting = await q.findMeeting(db, meetingId);
  if (!meeting) return [];
  const rows = await q.forwardPlanDueFor(db, meeting);
  return rows.map((r) => ({ id: r.id, title: r.title, targetMonth: r.effective_month, resolutionText: r.resolution_text, bodyId: r.body_id, targetMeetingId: r.target_meeting_id }));
}

/** Is a planned item overdue: its target meeting has passed, or its target month has, and it is not on an agenda. */
export function isForwardPlanItemOverdue(item: { status: string; effective_month: string; target_meeting_date: string | null; target_meeting_status: string | null }, today: string): boolean {
  if (item.status !== 'planned') return false;
  if (item.target_meeting_date && item.target_meeting_status !== 'cancelled' && item.target_meeting_date < today) return true;
  return item.effective_month < monthOf(today);
}

/** A body's planned forward-plan items that are overdue on `today` (a date, or 'YYYY-MM-DD' in London). */
export async function overdueForwardPlan(db: Db, bodyId: number, today?: string | Date) {
  const day = asDate(today);
  const rows = await q.listForwardPlan(db, { bodyId, statuses: ['planned'] });
  return rows
    .filter((r) => isForwardPlanItemOverdue(r, day))
    .map((r) => ({ id: r.id, title: r.title, targetMonth: r.effective_month, resolutionText: r.resolution_text, bodyId: r.body_id, targetMeetingId: r.target_meeting_id }));
}
