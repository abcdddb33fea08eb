/**
 * The minutes capability's commands: writing an item's minutes, recording numbered resolutions (and
 * the action or forward-plan item a resolution creates, in the same transaction), publishing minutes,
 * and approving the previous meeting's minutes as a correct record. Each takes (tx, actor, input),
 * validates, writes, and records the audit in the caller's transaction.
 */
import type { Transaction } from 'kysely';
import { actionsService } from '../actions/index.js';
import { meetingsService } from '../meetings/index.js';
import type { Actor } from '../platform/audit.js';
import { recordAudit } from '../platform/audit.js';
import type { Database } from '../platform/database/types.js';
import { formatDate } from '../platform/views/nunjucks.js';
import * as q from './queries.js';

export type Tx = Transaction<Database>;
type Owner = actionsService.Owner;
type DueRule = Parameters<typeof actionsService.createAction>[2]['due'];
type ForwardPlanTarget = actionsService.ForwardPlanTarget;

export const MINUTES_CONFLICT_MESSAGE =
  'Someone else saved these minutes while you were editing. Your text has not been saved: it is below. Compare it with the saved version, then save again.';

/** A bad input: the form field it belongs to (the id of the input) and a message for the user. */
export class MinutesInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'MinutesInputError';
  }
}

/** The minutes were saved by someone else since they were loaded. */
export class MinutesConflictError extends Error {
  constructor(
    readonly current: { minutes: string; minutes_version: number },
    message = MINUTES_CONFLICT_MESSAGE,
  ) {
    super(message);
    this.name = 'MinutesConflictError';
  }
}

/** An actions-capability field, as the id of the input on the resolution form. */
const ACTION_FIELDS: Record<string, string> = {
  title: 'actionTitle',
  owner: 'owner',
  due: 'due',
  dueDate: 'dueDate-day',
  dueBody: 'dueBody',
  dueMonths: 'dueMonths',
  bodyId: 'outcome',
  resolutionId: 'outcome',
  priorities: 'outcome',
  principles: 'outcome',
};
const PLAN_FIELDS: Record<string, string> = {
  title: 'planTitle',
  target: 'target',
  targetMeeting: 'targetMeeting',
  targetMonth: 'targetMonth-month',
  targetMonths: 'targetMonths',
  bodyId: 'outcome',
  resolutionId: 'outcome',
  priorities: 'outcome',
  principles: 'outcome',
};

/** Runs an actions command; its ActionInputError becomes a MinutesInputError naming our form's field. */
async function viaActions<T>(fields: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Error && err.name === 'ActionInputError' && typeof (err as { field?: unknown }).field === 'string') {
      const field = (err as unknown as { field: string }).field;
      throw new MinutesInputError(fields[field] ?? 'outcome', err.message);
    }
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { code?: unknown }).code === '23505';
}

async function loadMeeting(tx: Tx, meetingId: number) {
  const meeting = await q.findMeeting(tx, meetingId);
  if (!meeting) throw new MinutesInputError('form', 'That meeting does not exist', 404);
  return meeting;
}

/** Approved minutes are a correct record: they can no longer be changed. */
function assertChangeable(meeting: q.MeetingRow) {
  if (meeting.status === 'minutes-approved') {
    throw new MinutesInputError(
      'form',
      `These minutes were approved as a correct record${meeting.minutes_approved_on ? ` on ${formatDate(meeting.minutes_approved_on)}` : ''} and can no longer be changed.`,
      409,
    );
  }
  if (meeting.status === 'cancelled') throw new MinutesInputError('form', 'This meeting was cancelled: it has no minutes.', 409);
}

async function loadItem(tx: Tx, meeting: q.MeetingRow, itemId: number) {
  const item = await q.findAgendaItem(tx, meeting.id, itemId);
  if (!item) throw new MinutesInputError('form', 'That agenda item does not exist', 404);
  return item;
}

/** Writing minutes moves a held meeting to "minutes drafted". */
async function markDrafted(tx: Tx, actor: Actor, meeting: q.MeetingRow) {
  if (meeting.status !== 'held') return;
  await meetingsService.setMeetingStatus(tx, actor, meeting.id, ['held'], 'minutes-drafted');
}

// ---------------------------------------------------------------- minutes text

export const MAX_MINUTES = 50_000;

export interface SaveMinutesInput {
  meetingId: number;
  itemId: number;
  /** The minutes_version the page was loaded with. */
  version: number;
  minutes: string;
}

/** Saves an item's minutes (Markdown). A save over someone else's newer save is refused (MinutesConflictError). */
export async function saveMinutes(tx: Tx, actor: Actor, input: SaveMinutesInput): Promise<{ version: number }> {
  const meeting = await loadMeeting(tx, input.meetingId);
  assertChangeable(meeting);
  const item = await loadItem(tx, meeting, input.itemId);
  const text = typeof input.minutes === 'string' ? input.minutes.replace(/\r\n/g, '\n').trim() : '';
  if (text.length > MAX_MINUTES) throw new MinutesInputError('minutes', 'Minutes must be 50,000 characters or fewer');
  if (!Number.isInteger(input.version)) throw new MinutesInputError('minutes', 'The form could not be read. Reload the page and try again');
  const after = await q.updateMinutesIfVersion(tx, item.id, input.version, text);
  if (!after) throw new MinutesConflictError({ minutes: item.minutes, minutes_version: item.minutes_version });
  await recordAudit(tx, actor, 'update', 'agenda_item', item.id, { minutes: item.minutes }, { minutes: after.minutes });
  await markDrafted(tx, actor, meeting);
  return { version: after.minutes_version };
}

// ---------------------------------------------------------------- resolutions

export interface ResolutionActionInput {
  /** What the action is; the resolution's text when blank. */
  title?: string;
  owner: Owner;
  due: DueRule;
}
export interface ResolutionPlanInput {
  /** What should come to the meeting; the resolution's text when blank. */
  title?: string;
  target: ForwardPlanTarget;
}
export interface AddResolutionInput {
  meetingId: number;
  itemId: number;
  number: number;
  text: string;
  outcome: 'noted' | 'action' | 'forward-plan';
  action?: ResolutionActionInput;
  plan?: ResolutionPlanInput;
  /** "Today" for the demo; defaults to today in Europe/London. */
  today?: string;
}

function cleanNumber(n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 999) throw new MinutesInputError('number', 'Resolution number must be a whole number between 1 and 999');
  return n;
}
function cleanText(t: unknown): string {
  const text = typeof t === 'string' ? t.replace(/\r\n/g, '\n').trim() : '';
  if (!text) throw new MinutesInputError('text', 'Enter the resolution');
  if (text.length > 5000) throw new MinutesInputError('text', 'Resolution must be 5,000 characters or fewer');
  return text;
}
function derivedTitle(given: string | undefined, text: string): string {
  const t = (given ?? '').trim();
  if (t) return t;
  const oneLine = text.replace(/\s+/g, ' ').replace(/^That\s+/i, '');
  const capital = oneLine.charAt(0).toUpperCase() + oneLine.slice(1);
  return capital.length > 500 ? `${capital.slice(0, 497)}...` : capital;
}

function numberTaken(number: number): MinutesInputError {
  return new MinutesInputError('number', `Resolution ${number} already exists for this item. Enter a different number`);
}

/**
 * Records a numbered resolution on an agenda item. When its outcome is an action or a forward-plan
 * item, that is created in the same transaction through the actions capability and linked by
 * resolution_id; any bad input (ActionInputError) throws, so nothing is half-saved.
 */
export async function addResolution(tx: Tx, actor: Actor, input: AddResolutionInput): Promise<{ id: number; actionId?: number; forwardPlanItemId?: number }> {
  const meeting = await loadMeeting(tx, input.meetingId);
  assertChangeable(meeting);
  const item = await loadItem(tx, meeting, input.itemId);
  const number = cleanNumber(input.number);
  const text = cleanText(input.text);
  if (!['noted', 'action', 'forward-plan'].includes(input.outcome)) throw new MinutesInputError('outcome', 'Select what the resolution does');
  if (input.outcome === 'action' && !input.action) throw new MinutesInputError('owner', 'Select who owns the action');
  if (input.outcome === 'forward-plan' && !input.plan) throw new MinutesInputError('target', 'Select when the item should come to the board or group');
  if (await q.resolutionNumberTaken(tx, item.id, number)) throw numberTaken(number);
  let row;
  try {
    row = await q.insertResolution(tx, { agenda_item_id: item.id, number, text, outcome: input.outcome });
  } catch (err) {
    if (isUniqueViolation(err)) throw numberTaken(number);
    throw err;
  }
  await recordAudit(tx, actor, 'create', 'resolution', row.id, null, { agenda_item_id: item.id, number, text, outcome: input.outcome });
  const tags = await q.itemTags(tx, item.id);
  const result: { id: number; actionId?: number; forwardPlanItemId?: number } = { id: row.id };
  if (input.outcome === 'action') {
    const a = input.action!;
    const created = await viaActions(ACTION_FIELDS, () =>
      actionsService.createAction(tx, actor, { bodyId: meeting.body_id, resolutionId: row.id, title: derivedTitle(a.title, text), owner: a.owner, due: a.due, tags, today: input.today }),
    );
    result.actionId = created.id;
  } else if (input.outcome === 'forward-plan') {
    const p = input.plan!;
    const created = await viaActions(PLAN_FIELDS, () =>
      actionsService.createForwardPlanItem(tx, actor, { bodyId: meeting.body_id, resolutionId: row.id, title: derivedTitle(p.title, text), target: p.target, tags, today: input.today }),
    );
    result.forwardPlanItemId = created.id;
  }
  await markDrafted(tx, actor, meeting);
  return result;
}

export interface EditResolutionInput {
  meetingId: number;
  itemId: number;
  resolutionId: number;
  /** The resolution's version the form was loaded with. */
  version: number;
  number: number;
  text: string;
}

export const RESOLUTION_CONFLICT_MESSAGE =
  'Someone else changed this resolution while you were editing it. Your wording has not been saved: it is below. Compare it with the saved version, then save again.';

/** The resolution was changed by someone else since it was loaded. */
export class ResolutionConflictError extends Error {
  constructor(readonly current: { number: number; text: string; version: number }) {
    super(RESOLUTION_CONFLICT_MESSAGE);
    this.name = 'ResolutionConflictError';
  }
}

/** Changes a resolution's number or wording (what it created is changed on the action or forward plan). */
export async function editResolution(tx: Tx, actor: Actor, input: EditResolutionInput): Promise<void> {
  const meeting = await loadMeeting(tx, input.meetingId);
  assertChangeable(meeting);
  const item = await loadItem(tx, meeting, input.itemId);
  const before = await q.findResolution(tx, item.id, input.resolutionId);
  if (!before) throw new MinutesInputError('form', 'That resolution does not exist', 404);
  const number = cleanNumber(input.number);
  const text = cleanText(input.text);
  if (!Number.isInteger(input.version)) throw new MinutesInputError('text', 'The form could not be read. Reload the page and try again');
  if (before.version !== input.version) throw new ResolutionConflictError(before);
  if (await q.resolutionNumberTaken(tx, item.id, number, before.id)) throw numberTaken(number);
  let after;
  try {
    after = await q.updateResolutionIfVersion(tx, before.id, input.version, { number, text });
  } catch (err) {
    if (isUniqueViolation(err)) throw numberTaken(number);
    throw err;
  }
  if (!after) {
    // Changed between the read above and this update (another transaction committed in between).
    const current = await q.findResolution(tx, item.id, before.id);
    if (!current) throw new MinutesInputError('form', 'That resolution does not exist', 404);
    throw new ResolutionConflictError(current);
  }
  await recordAudit(tx, actor, 'update', 'resolution', before.id, { number: before.number, text: before.text }, { number: after.number, text: after.text });
}

/**
 * Deletes a resolution. Refused when what it created has moved on (an action with updates or no longer
 * "not started"; a forward-plan item already on an agenda or done). Otherwise its untouched action is
 * cancelled and its planned forward-plan item withdrawn, with a note saying why, so the trackers
 * keep an honest record.
 */
export async function deleteResolution(tx: Tx, actor: Actor, input: { meetingId: number; itemId: number; resolutionId: number; today?: string }): Promise<void> {
  const meeting = await loadMeeting(tx, input.meetingId);
  assertChangeable(meeting);
  const item = await loadItem(tx, meeting, input.itemId);
  const before = await q.findResolution(tx, item.id, input.resolutionId);
  if (!before) throw new MinutesInputError('form', 'That resolution does not exist', 404);
  const [actions, plans] = await Promise.all([q.actionsOfResolutions(tx, [before.id]), q.forwardPlanOfResolutions(tx, [before.id])]);
  const moved = actions.find((a) => Number(a.update_count) > 0 || a.status !== 'not-started');
  if (moved) {
    throw new MinutesInputError('form', `Resolution ${before.number} cannot be deleted: its action "${moved.title}" has progress updates. Change the resolution's wording instead.`, 409);
  }
  const placed = plans.find((p) => p.status === 'scheduled' || p.status === 'done');
  if (placed) {
    throw new MinutesInputError('form', `Resolution ${before.number} cannot be deleted: its forward-plan item "${placed.title}" is already ${placed.status}. Change the resolution's wording instead.`, 409);
  }
  for (const a of actions) {
    await actionsService.addActionUpdate(tx, actor, a.id, {
      comment: `Cancelled: resolution ${before.number} was deleted from the minutes.`,
      status: 'cancelled',
      version: a.version,
      today: input.today,
    });
  }
  for (const p of plans.filter((x) => x.status === 'planned')) await actionsService.setForwardPlanItemStatus(tx, actor, p.id, p.version, 'withdrawn');
  await q.deleteResolution(tx, before.id);
  await recordAudit(tx, actor, 'delete', 'resolution', before.id, { agenda_item_id: item.id, number: before.number, text: before.text, outcome: before.outcome }, null);
}

// ---------------------------------------------------------------- publication and approval

/** Publishes a meeting's minutes on the public site (non-confidential items only). */
export async function publishMinutes(tx: Tx, actor: Actor, meetingId: number): Promise<void> {
  const meeting = await loadMeeting(tx, meetingId);
  if (meeting.minutes_published_at) return;
  if (!['held', 'minutes-drafted', 'minutes-approved'].includes(meeting.status)) {
    throw new MinutesInputError('form', 'Minutes can be published only once the meeting has been held.', 409);
  }
  const after = await q.publishMinutes(tx, meetingId);
  if (after) await recordAudit(tx, actor, 'update', 'meeting', meetingId, { minutes_published_at: null }, { minutes_published_at: after.minutes_published_at });
}

export function approvalResolutionText(previousDate: string): string {
  return `That the minutes of the meeting held on ${formatDate(previousDate)} be approved as a correct record.`;
}

/**
 * At a later meeting of the same body, approves the previous meeting's minutes as a correct record:
 * the previous meeting becomes "minutes approved" (at this meeting, on its date), and a resolution
 * saying so is added to this meeting's "Minutes of the last meeting" item when it has one.
 */
export async function approvePreviousMinutes(tx: Tx, actor: Actor, input: { meetingId: number; today: string }): Promise<{ previousMeetingId: number; resolutionId: number | null }> {
  const meeting = await loadMeeting(tx, input.meetingId);
  if (meeting.status === 'cancelled') throw new MinutesInputError('form', 'This meeting was cancelled: minutes cannot be approved at it.', 409);
  if (meeting.meeting_date > input.today) throw new MinutesInputError('form', `Minutes can be approved at this meeting once it is held, on ${formatDate(meeting.meeting_date)}.`, 409);
  const previous = await q.previousMeeting(tx, meeting);
  if (!previous) throw new MinutesInputError('form', 'There is no earlier meeting of this board or group whose minutes could be approved.', 409);
  if (previous.status === 'minutes-approved') throw new MinutesInputError('form', `The minutes of the meeting held on ${formatDate(previous.meeting_date)} have already been approved.`, 409);
  if (!['held', 'minutes-drafted'].includes(previous.status)) {
    throw new MinutesInputError('form', `The meeting of ${formatDate(previous.meeting_date)} has not been held, so it has no minutes to approve.`, 409);
  }
  const after = await q.markMinutesApproved(tx, previous.id, meeting.id, meeting.meeting_date);
  if (!after) throw new MinutesInputError('form', 'Someone else has just approved these minutes.', 409);
  await recordAudit(
    tx, actor, 'update', 'meeting', previous.id,
    { status: previous.status, minutes_approved_at_meeting_id: previous.minutes_approved_at_meeting_id, minutes_approved_on: previous.minutes_approved_on },
    { status: after.status, minutes_approved_at_meeting_id: after.minutes_approved_at_meeting_id, minutes_approved_on: after.minutes_approved_on },
  );
  let resolutionId: number | null = null;
  const minutesItem = await q.minutesItemOf(tx, meeting.id);
  if (minutesItem && meeting.status !== 'minutes-approved') {
    const number = await q.nextResolutionNumber(tx, minutesItem.id);
    const text = approvalResolutionText(previous.meeting_date);
    const row = await q.insertResolution(tx, { agenda_item_id: minutesItem.id, number, text, outcome: 'noted' });
    await recordAudit(tx, actor, 'create', 'resolution', row.id, null, { agenda_item_id: minutesItem.id, number, text, outcome: 'noted' });
    resolutionId = row.id;
    await markDrafted(tx, actor, meeting);
  }
  return { previousMeetingId: previous.id, resolutionId };
}
