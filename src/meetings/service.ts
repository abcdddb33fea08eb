/**
 * The meetings capability's commands. Each takes a transaction and the actor (the caller owns the
 * transaction), validates its input (MeetingInputError names the field), writes, and records the audit
 * in the same transaction, so nothing is ever half-saved.
 */
import type { Transaction } from 'kysely';
import { actionsService } from '../actions/index.js';
import { bodyQueries } from '../bodies/index.js';
import type { Actor } from '../platform/audit.js';
import { recordAudit } from '../platform/audit.js';
import type { Database } from '../platform/database/types.js';
import { todayInLondon } from '../platform/http/forms.js';
import { cleanFilename, detectPaperKind, formatBytes, PAPER_TYPES, sha256Hex } from './papers.js';
import * as q from './queries.js';
import { AGENDA_ITEM_KINDS, DECLARATION_KINDS, type AgendaItemKind, type AttendanceStatus, type DeclarationKind, type MeetingStatus } from './schema.js';

export type Tx = Transaction<Database>;

/** Bad input, naming the form field it belongs to. */
export class MeetingInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
    /** Every field error found, when there is more than one (field → message, in form order). */
    readonly all: Record<string, string> = { [field]: message },
  ) {
    super(message);
    this.name = 'MeetingInputError';
  }
}

/** Runs the checks in order and throws one MeetingInputError naming every field that failed. */
function collect<T extends Record<string, unknown>>(checks: { [K in keyof T]: () => T[K] }): T {
  const out: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [k, check] of Object.entries(checks) as [string, () => unknown][]) {
    try {
      out[k] = check();
    } catch (err) {
      if (!(err instanceof MeetingInputError)) throw err;
      Object.assign(errors, err.all);
    }
  }
  const fields = Object.keys(errors);
  if (fields.length) throw new MeetingInputError(fields[0]!, errors[fields[0]!]!, errors);
  return out as T;
}

/** A save of something changed by someone else since it was loaded. */
export class MeetingConflictError extends Error {
  constructor(message = 'Someone else changed this while you were editing it. Your changes have not been saved: they are below. Check the latest version, then save again.') {
    super(message);
    this.name = 'MeetingConflictError';
  }
}

/** The standard opening items of every new meeting. */
export const STANDARD_ITEMS: { kind: AgendaItemKind; title: string }[] = [
  { kind: 'apologies', title: 'Apologies for absence' },
  { kind: 'declarations', title: 'Declarations of interest' },
  { kind: 'minutes', title: 'Minutes of the last meeting' },
  { kind: 'matters-arising', title: 'Matters arising' },
];

/** Statuses in which the agenda may still be changed. */
const AGENDA_EDITABLE: readonly MeetingStatus[] = ['draft', 'agenda-published', 'held', 'minutes-drafted'];

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(v: unknown, max: number, field: string, what: string, required = false): string {
  const s = typeof v === 'string' ? v.trim() : '';
  if (required && !s) throw new MeetingInputError(field, `Enter ${what}`);
  if (s.length > max) throw new MeetingInputError(field, `${what.charAt(0).toUpperCase()}${what.slice(1).replace(/^(the|a|an) /, '')} must be ${max} characters or fewer`);
  return s;
}

function meetingAudit(m: Record<string, unknown>) {
  const { created_at: _c, updated_at: _u, body_name: _b, body_slug: _s, ...rest } = m;
  return rest;
}

function itemAudit(i: Record<string, unknown>) {
  const { created_at: _c, updated_at: _u, minutes: _m, ...rest } = i;
  return rest;
}

// ---------------------------------------------------------------- meetings

export interface MeetingInput {
  bodyId: number;
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM' */
  startTime: string;
  venue: string;
}

function checkMeetingFields(input: Omit<MeetingInput, 'bodyId'>) {
  return collect({
    meeting_date: () => {
      if (typeof input.date !== 'string' || !ISO_DATE.test(input.date) || Number.isNaN(new Date(`${input.date}T12:00:00Z`).getTime())) {
        throw new MeetingInputError('date', 'Date of the meeting must be a real date');
      }
      return input.date;
    },
    start_time: () => {
      const startTime = typeof input.startTime === 'string' ? input.startTime.trim() : '';
      if (!startTime) throw new MeetingInputError('startTime', 'Enter the start time');
      if (!TIME.test(startTime)) throw new MeetingInputError('startTime', 'Start time must be a 24-hour time, like 14:00');
      return startTime;
    },
    venue: () => text(input.venue, 300, 'venue', 'the venue', true),
  });
}

/** Schedules a meeting of a body with the standard opening items (apologies, declarations, minutes, matters arising). */
export async function createMeeting(tx: Tx, actor: Actor, input: MeetingInput): Promise<{ id: number }> {
  const body = Number.isInteger(input.bodyId) ? await q.findBody(tx, input.bodyId) : undefined;
  if (!body) throw new MeetingInputError('bodyId', 'Select a board or group');
  const fields = checkMeetingFields(input);
  const meeting = await q.insertMeeting(tx, { body_id: body.id, ...fields, created_by: actor.id });
  await recordAudit(tx, actor, 'create', 'meeting', meeting.id, null, meetingAudit(meeting));
  for (const [i, s] of STANDARD_ITEMS.entries()) {
    const item = await q.insertItem(tx, { meeting_id: meeting.id, parent_id: null, position: i + 1, kind: s.kind, title: s.title });
    await recordAudit(tx, actor, 'create', 'agenda_item', item.id, null, itemAudit(item));
  }
  // A new meeting may be the "next meeting" some actions are waiting for.
  await actionsService.onMeetingDateChanged(tx, actor, meeting.id);
  return { id: meeting.id };
}

/** Changes a meeting's date, time or venue if nobody has changed it since `version`; a date change re-resolves "next meeting" actions. */
export async function editMeeting(tx: Tx, actor: Actor, meetingId: number, version: number, input: Omit<MeetingInput, 'bodyId'>): Promise<void> {
  const before = await q.meetingForUpdate(tx, meetingId);
  if (!before) throw new MeetingInputError('meeting', 'That meeting does not exist');
  const fields = checkMeetingFields(input);
  if (before.status === 'cancelled') throw new MeetingInputError('date', 'This meeting has been cancelled and cannot be changed');
  if (before.version !== version) throw new MeetingConflictError();
  const after = await q.updateMeetingIfVersion(tx, meetingId, version, fields);
  if (!after) throw new MeetingConflictError();
  await recordAudit(tx, actor, 'update', 'meeting', meetingId, meetingAudit(before), meetingAudit(after));
  if (before.meeting_date !== after.meeting_date) await actionsService.onMeetingDateChanged(tx, actor, meetingId);
}

/** Cancels a meeting that has not been held, with the reason; its "next meeting" actions move to the following meeting. */
export async function cancelMeeting(tx: Tx, actor: Actor, meetingId: number, version: number, reason: string): Promise<void> {
  const before = await q.meetingForUpdate(tx, meetingId);
  if (!before) throw new MeetingInputError('meeting', 'That meeting does not exist');
  const why = text(reason, 1000, 'reason', 'the reason for cancelling the meeting', true);
  if (!['draft', 'agenda-published'].includes(before.status)) throw new MeetingInputError('reason', 'Only a meeting that has not been held can be cancelled');
  if (before.version !== version) throw new MeetingConflictError();
  const after = await q.updateMeetingIfVersion(tx, meetingId, version, { status: 'cancelled', cancelled_reason: why });
  if (!after) throw new MeetingConflictError();
  await recordAudit(tx, actor, 'update', 'meeting', meetingId, meetingAudit(before), meetingAudit(after));
  await actionsService.onMeetingDateChanged(tx, actor, meetingId);
}

/**
 * Moves a meeting from one of the statuses `from` to `to` (the minutes capability uses it for
 * 'minutes-drafted' and 'minutes-approved'). Publishing the agenda stamps agenda_published_at.
 * Refused (MeetingInputError on 'status') if the meeting is not in one of `from`.
 */
export async function setMeetingStatus(tx: Tx, actor: Actor, meetingId: number, from: readonly MeetingStatus[], to: MeetingStatus): Promise<void> {
  const before = await q.meetingForUpdate(tx, meetingId);
  if (!before) throw new MeetingInputError('meeting', 'That meeting does not exist');
  if (before.status === to) return;
  const values: Record<string, unknown> = { status: to };
  if (to === 'agenda-published' && !before.agenda_published_at) values.agenda_published_at = new Date();
  const after = await q.setMeetingStatusIf(tx, meetingId, from, values);
  if (!after) throw new MeetingInputError('status', `This meeting is ${before.status.replace(/-/g, ' ')}, so it cannot be marked as ${to.replace(/-/g, ' ')}`);
  await recordAudit(tx, actor, 'update', 'meeting', meetingId, meetingAudit(before), meetingAudit(after));
}

export async function publishAgenda(tx: Tx, actor: Actor, meetingId: number): Promise<void> {
  await setMeetingStatus(tx, actor, meetingId, ['draft'], 'agenda-published');
}

/** Marks a meeting held, on or after its date. */
export async function markHeld(tx: Tx, actor: Actor, meetingId: number, today = todayInLondon()): Promise<void> {
  const m = await q.findMeeting(tx, meetingId);
  if (!m) throw new MeetingInputError('meeting', 'That meeting does not exist');
  if (m.meeting_date > today) throw new MeetingInputError('status', 'A meeting cannot be marked as held before its date');
  await setMeetingStatus(tx, actor, meetingId, ['draft', 'agenda-published'], 'held');
}

// ---------------------------------------------------------------- agenda items

export interface Tags {
  priorityIds: number[];
  principleIds: number[];
}

export interface ItemInput {
  kind: AgendaItemKind;
  title: string;
  presenter?: string;
  summary?: string;
  confidential?: boolean;
  exemptionParagraph?: number | null;
  exemptionReason?: string;
  tags?: Tags;
}

async function checkTags(tx: Tx, tags: Tags | undefined): Promise<Tags> {
  const t = { priorityIds: [...new Set(tags?.priorityIds ?? [])], principleIds: [...new Set(tags?.principleIds ?? [])] };
  const priorities = new Set((await q.currentPriorities(tx)).map((p) => p.id));
  const principles = new Set((await q.currentPrinciples(tx)).map((p) => p.id));
  if (t.priorityIds.some((id) => !priorities.has(id))) throw new MeetingInputError('priorities', 'Select priorities from the list');
  if (t.principleIds.some((id) => !principles.has(id))) throw new MeetingInputError('principles', 'Select principles from the list');
  return t;
}

function checkItemFields(input: ItemInput) {
  const confidential = input.confidential === true;
  return collect({
    kind: () => {
      if (!(AGENDA_ITEM_KINDS as readonly string[]).includes(input.kind)) throw new MeetingInputError('kind', 'Select the type of item');
      return input.kind;
    },
    title: () => text(input.title, 500, 'title', 'the title of the item', true),
    presenter: () => text(input.presenter, 300, 'presenter', 'the presenter'),
    summary: () => text(input.summary, 10000, 'summary', 'the summary'),
    confidential: () => confidential,
    exemption_paragraph: (): number | null => {
      if (!confidential) return null;
      const p = input.exemptionParagraph;
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 1 || p > 7) {
        throw new MeetingInputError('exemptionParagraph', 'Select the paragraph of Schedule 12A that makes the item confidential');
      }
      return p;
    },
    exemption_reason: () => (confidential ? text(input.exemptionReason, 2000, 'exemptionReason', 'the reason the item is confidential', true) : ''),
  });
}

async function editableMeeting(tx: Tx, meetingId: number) {
  const meeting = await q.meetingForUpdate(tx, meetingId);
  if (!meeting) throw new MeetingInputError('meeting', 'That meeting does not exist');
  if (!AGENDA_EDITABLE.includes(meeting.status)) {
    throw new MeetingInputError('title', meeting.status === 'cancelled' ? 'This meeting has been cancelled, so its agenda cannot be changed' : 'The minutes of this meeting have been approved, so its agenda cannot be changed');
  }
  return meeting;
}

/** Adds an item at the end of the agenda, or a sub-item at the end of an item (5.1, 5.2 ...). */
export async function addItem(tx: Tx, actor: Actor, meetingId: number, parentId: number | null, input: ItemInput): Promise<{ id: number }> {
  const meeting = await editableMeeting(tx, meetingId);
  if (parentId !== null) {
    const parent = await q.findItem(tx, parentId);
    if (!parent || parent.meeting_id !== meeting.id) throw new MeetingInputError('parentId', 'Select an item of this agenda');
    if (parent.parent_id !== null) throw new MeetingInputError('parentId', 'A sub-item cannot have sub-items of its own');
  }
  const fields = checkItemFields(input);
  const tags = await checkTags(tx, input.tags);
  const position = await q.nextPosition(tx, meeting.id, parentId);
  const item = await q.insertItem(tx, { meeting_id: meeting.id, parent_id: parentId, position, ...fields });
  await q.replaceItemTags(tx, item.id, tags);
  await recordAudit(tx, actor, 'create', 'agenda_item', item.id, null, { ...itemAudit(item), ...tags });
  return { id: item.id };
}

/** Changes an item if nobody has changed it since `version`. */
export async function editItem(tx: Tx, actor: Actor, itemId: number, version: number, input: ItemInput): Promise<void> {
  const before = await q.itemForUpdate(tx, itemId);
  if (!before) throw new MeetingInputError('title', 'That agenda item does not exist');
  await editableMeeting(tx, before.meeting_id);
  const fields = checkItemFields(input);
  const tags = await checkTags(tx, input.tags);
  if (before.version !== version) throw new MeetingConflictError();
  const after = await q.updateItemIfVersion(tx, itemId, version, fields);
  if (!after) throw new MeetingConflictError();
  await q.replaceItemTags(tx, itemId, tags);
  await recordAudit(tx, actor, 'update', 'agenda_item', itemId, itemAudit(before), { ...itemAudit(after), ...tags });
}

/** Deletes an item (and its sub-items and papers) and renumbers the items after it. Refused once it has minutes or resolutions. */
export async function deleteItem(tx: Tx, actor: Actor, itemId: number): Promise<void> {
  const item = await q.itemForUpdate(tx, itemId);
  if (!item) throw new MeetingInputError('item', 'That agenda item does not exist');
  await editableMeeting(tx, item.meeting_id);
  const ids = [item.id, ...(await tx.selectFrom('agenda_item').select('id').where('parent_id', '=', item.id).execute()).map((r) => r.id)];
  const hasMinutes = await tx.selectFrom('agenda_item').select('id').where('id', 'in', ids).where('minutes', '<>', '').executeTakeFirst();
  const hasResolutions = await tx.selectFrom('resolution').select('id').where('agenda_item_id', 'in', ids).executeTakeFirst();
  if (hasMinutes || hasResolutions) throw new MeetingInputError('item', 'This item has minutes or resolutions, so it cannot be deleted');
  await q.deleteItem(tx, item.id);
  await recordAudit(tx, actor, 'delete', 'agenda_item', item.id, itemAudit(item), null);
  await q.renumber(tx, item.meeting_id, item.parent_id, await q.siblingIds(tx, item.meeting_id, item.parent_id));
}

/** Moves an item up or down among its siblings; the agenda is renumbered in the same transaction. */
export async function moveItem(tx: Tx, actor: Actor, itemId: number, direction: 'up' | 'down'): Promise<void> {
  const item = await q.itemForUpdate(tx, itemId);
  if (!item) throw new MeetingInputError('item', 'That agenda item does not exist');
  await editableMeeting(tx, item.meeting_id);
  const ids = await q.siblingIds(tx, item.meeting_id, item.parent_id);
  const i = ids.indexOf(item.id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= ids.length) return;
  [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  await q.renumber(tx, item.meeting_id, item.parent_id, ids);
  await recordAudit(tx, actor, 'update', 'agenda_item', item.id, { position: item.position }, { position: j + 1 });
}

/** "Add to agenda" from the forward plan: a report item with the forward-plan item's title and tags, which is then marked scheduled. */
export async function addForwardPlanItem(tx: Tx, actor: Actor, meetingId: number, forwardPlanItemId: number): Promise<{ id: number }> {
  const due = await actionsService.forwardPlanDueFor(tx, meetingId);
  const fpi = due.find((d) => d.id === forwardPlanItemId);
  if (!fpi) throw new MeetingInputError('forwardPlanItem', 'That forward-plan item is not due for this meeting');
  const tags = await q.tagsOf(tx, 'forward_plan_item', [fpi.id]);
  const { id } = await addItem(tx, actor, meetingId, null, {
    kind: 'report',
    title: fpi.title.slice(0, 500),
    tags: { priorityIds: tags.flatMap((t) => (t.priority_id !== null ? [t.priority_id] : [])), principleIds: tags.flatMap((t) => (t.principle_id !== null ? [t.principle_id] : [])) },
  });
  await actionsService.markForwardPlanItemScheduled(tx, actor, fpi.id, id);
  return { id };
}

// ---------------------------------------------------------------- papers

export interface PaperInput {
  title?: string;
  filename: string;
  bytes: Uint8Array;
  /** The largest file accepted (config.maxUploadBytes). */
  maxBytes: number;
  /** True when the upload was cut off at the size limit. */
  truncated?: boolean;
}

/** Attaches a paper (PDF or Word, judged by its content) to an item, with its SHA-256 checksum. */
export async function addPaper(tx: Tx, actor: Actor, itemId: number, input: PaperInput): Promise<{ id: number }> {
  const item = await q.itemForUpdate(tx, itemId);
  if (!item) throw new MeetingInputError('paper', 'That agenda item does not exist');
  await editableMeeting(tx, item.meeting_id);
  if (!input.filename) throw new MeetingInputError('paper', 'Select a file');
  if (input.truncated || input.bytes.byteLength > input.maxBytes) throw new MeetingInputError('paper', `The selected file must be smaller than ${formatBytes(input.maxBytes)}`);
  if (input.bytes.byteLength === 0) throw new MeetingInputError('paper', 'The selected file is empty');
  const kind = detectPaperKind(input.bytes);
  if (!kind) throw new MeetingInputError('paper', 'The selected file must be a PDF or a Word document');
  const filename = cleanFilename(input.filename, kind);
  const title = text(input.title, 300, 'paperTitle', 'the title of the paper') || filename.replace(/\.[a-z]+$/, '');
  const paper = await q.insertPaper(tx, {
    agenda_item_id: item.id,
    title,
    filename,
    content_type: PAPER_TYPES[kind].contentType,
    size_bytes: input.bytes.byteLength,
    sha256: sha256Hex(input.bytes),
    content: input.bytes,
    uploaded_by: actor.id,
  });
  await recordAudit(tx, actor, 'create', 'agenda_paper', paper.id, null, paper);
  return { id: paper.id };
}

export async function removePaper(tx: Tx, actor: Actor, paperId: number): Promise<void> {
  const paper = await q.findPaperMeta(tx, paperId);
  if (!paper) throw new MeetingInputError('paper', 'That paper does not exist');
  const item = await q.findItem(tx, paper.agenda_item_id);
  await editableMeeting(tx, item!.meeting_id);
  await q.deletePaper(tx, paperId);
  await recordAudit(tx, actor, 'delete', 'agenda_paper', paperId, paper, null);
}

// ---------------------------------------------------------------- attendance

export interface AttendanceInput {
  members: { personId: number; status: AttendanceStatus | ''; substituteForPersonId?: number | null }[];
  /** Officers and guests "in attendance", one name each. */
  inAttendance: string[];
}

/** Records who attended: replaces the meeting's attendance with what was submitted. */
export async function recordAttendance(tx: Tx, actor: Actor, meetingId: number, input: AttendanceInput): Promise<void> {
  const meeting = await q.meetingForUpdate(tx, meetingId);
  if (!meeting) throw new MeetingInputError('meeting', 'That meeting does not exist');
  if (meeting.status === 'cancelled') throw new MeetingInputError('attendance', 'This meeting was cancelled, so there is no attendance to record');
  const members = await bodyQueries.currentMembers(tx, meeting.body_id, meeting.meeting_date);
  const memberIds = new Set(members.map((m) => m.person_id));
  const rows: { meeting_id: number; person_id: number | null; name: string; status: AttendanceStatus; substitute_for_person_id: number | null }[] = [];
  const seen = new Set<number>();
  for (const m of input.members) {
    if (!memberIds.has(m.personId) || seen.has(m.personId)) throw new MeetingInputError('attendance', 'Record attendance only for members of the board or group');
    seen.add(m.personId);
    if (m.status === '') continue;
    if (!['present', 'apologies', 'absent', 'substitute'].includes(m.status)) throw new MeetingInputError(`status-${m.personId}`, 'Select present, apologies, absent or substitute');
    let substituteFor: number | null = null;
    if (m.status === 'substitute') {
      substituteFor = m.substituteForPersonId ?? null;
      if (substituteFor === null || !memberIds.has(substituteFor) || substituteFor === m.personId) {
        throw new MeetingInputError(`substituteFor-${m.personId}`, 'Select the member they are substituting for');
      }
    }
    rows.push({ meeting_id: meeting.id, person_id: m.personId, name: '', status: m.status, substitute_for_person_id: substituteFor });
  }
  const names = [...new Set(input.inAttendance.map((n) => n.trim()).filter(Boolean))];
  if (names.some((n) => n.length > 300)) throw new MeetingInputError('inAttendance', 'Each name in attendance must be 300 characters or fewer');
  if (names.length > 100) throw new MeetingInputError('inAttendance', 'Enter at most 100 names in attendance');
  for (const name of names) rows.push({ meeting_id: meeting.id, person_id: null, name, status: 'in-attendance', substitute_for_person_id: null });
  const before = await q.attendanceOf(tx, meeting.id);
  await q.deleteAttendance(tx, meeting.id);
  await q.insertAttendance(tx, rows);
  const summary = (r: { person_id: number | null; name: string; status: string; substitute_for_person_id: number | null }) =>
    `${r.person_id ?? r.name}:${r.status}${r.substitute_for_person_id ? `>${r.substitute_for_person_id}` : ''}`;
  await recordAudit(tx, actor, 'update', 'attendance', meeting.id, { attendance: before.map(summary) }, { attendance: rows.map(summary) });
}

// ---------------------------------------------------------------- declarations

export interface DeclarationInput {
  agendaItemId: number;
  personId: number;
  kind: DeclarationKind;
  nature: string;
}

/** Records a declaration of interest by a member (or substitute) on an item of the meeting. */
export async function addDeclaration(tx: Tx, actor: Actor, meetingId: number, input: DeclarationInput): Promise<{ id: number }> {
  const meeting = await q.meetingForUpdate(tx, meetingId);
  if (!meeting) throw new MeetingInputError('meeting', 'That meeting does not exist');
  if (meeting.status === 'cancelled') throw new MeetingInputError('agendaItemId', 'This meeting was cancelled');
  const item = Number.isInteger(input.agendaItemId) ? await q.findItem(tx, input.agendaItemId) : undefined;
  const allowed = new Set([
    ...(await bodyQueries.currentMembers(tx, meeting.body_id, meeting.meeting_date)).map((m) => m.person_id),
    ...(await q.attendanceOf(tx, meeting.id)).flatMap((a) => (a.person_id !== null ? [a.person_id] : [])),
  ]);
  const { nature } = collect({
    item: () => {
      if (!item || item.meeting_id !== meeting.id) throw new MeetingInputError('agendaItemId', 'Select the agenda item the interest relates to');
    },
    person: () => {
      if (!Number.isInteger(input.personId) || !allowed.has(input.personId)) throw new MeetingInputError('personId', 'Select the member declaring the interest');
    },
    kind: () => {
      if (!(DECLARATION_KINDS as readonly string[]).includes(input.kind)) throw new MeetingInputError('kind', 'Select the kind of interest');
    },
    nature: () => text(input.nature, 2000, 'nature', 'the nature of the interest', true),
  });
  const row = await q.insertDeclaration(tx, { meeting_id: meeting.id, agenda_item_id: item!.id, person_id: input.personId, kind: input.kind, nature });
  await recordAudit(tx, actor, 'create', 'declaration', row.id, null, row);
  return { id: row.id };
}

export async function removeDeclaration(tx: Tx, actor: Actor, meetingId: number, declarationId: number): Promise<void> {
  const row = await q.findDeclaration(tx, declarationId);
  if (!row || row.meeting_id !== meetingId) throw new MeetingInputError('declaration', 'That declaration does not exist');
  await q.deleteDeclaration(tx, declarationId);
  await recordAudit(tx, actor, 'delete', 'declaration', declarationId, row, null);
}
