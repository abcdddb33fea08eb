/**
 * Turns a meeting's records into what the minutes page needs, read as the seeds' minutes read:
 * attendance, declarations, then each item with its discussion and "AGREED as follows:" resolutions.
 * Confidential items are reduced to a placeholder here, in one place, for anyone not allowed them.
 */
import { actionsService } from '../actions/index.js';
import { formatDate, formatTime } from '../platform/views/nunjucks.js';
import * as q from './queries.js';

export const STATUS_LABELS: Record<string, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  cancelled: 'Cancelled',
};
export const RAG_TAGS: Record<string, { text: string; classes: string }> = {
  red: { text: 'Red: overdue', classes: 'govuk-tag--red' },
  amber: { text: 'Amber: due soon', classes: 'govuk-tag--yellow' },
  green: { text: 'Green: on track', classes: 'govuk-tag--green' },
  done: { text: 'Done', classes: 'govuk-tag--grey' },
};
const DECLARATION_KINDS: Record<string, string> = {
  'disclosable-pecuniary': 'disclosable pecuniary interest',
  'other-registrable': 'other registrable interest',
  'non-registrable': 'non-registrable interest',
};
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });

export interface PresentedResolution {
  id: number;
  number: number;
  text: string;
  outcome: string;
  actions: { id: number; title: string; ownerName: string; dueText: string; statusLabel: string }[];
  plans: { id: number; title: string; whenText: string; status: string }[];
}

export interface PresentedItem {
  id: number;
  number: string;
  kind: string;
  title: string;
  presenter: string;
  /** Hidden from this reader: only the number and "Confidential item" show. */
  withheld: boolean;
  confidential: boolean;
  exemptionParagraph: number | null;
  minutes: string;
  minutesVersion: number;
  declarations: { personName: string; text: string }[];
  resolutions: PresentedResolution[];
  papers: { id: number; title: string; filename: string; sizeText: string }[];
  isMattersArising: boolean;
  isDeclarations: boolean;
}

export interface PresentedMinutes {
  meeting: q.MeetingRow;
  heading: { bodyName: string; dateText: string; timeText: string; venue: string };
  statusText: string;
  approvedAt: { id: number; dateText: string } | null;
  present: string[];
  apologies: string[];
  inAttendance: string[];
  /** Declarations made at items other than the declarations item, listed where declared. */
  declarationsCount: number;
  items: PresentedItem[];
  mattersArising: MatterArisingView[];
  hasMattersArisingItem: boolean;
}

export interface MatterArisingView {
  actionId: number;
  title: string;
  ownerName: string;
  dueText: string;
  statusLabel: string;
  rag: { text: string; classes: string } | null;
  resolutionRef: string | null;
  carriedForward: boolean;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function monthText(date: string): string {
  return formatDate(date).replace(/^\d+ /, '');
}

export function personLine(a: { typed_name: string; person_name: string | null; job_title: string | null; note: string; substitute_for_name: string | null }, withJob: boolean): string {
  const name = a.person_name ?? a.typed_name;
  const extras: string[] = [];
  if (a.note) extras.push(a.note);
  if (a.substitute_for_name) extras.push(`substitute for ${a.substitute_for_name}`);
  let line = extras.length ? `${name} (${extras.join('; ')})` : name;
  if (withJob && a.job_title && !a.note) line += `, ${a.job_title}`;
  return line;
}

/** The approval status as the page shows it. */
export function minutesStatusText(meeting: { status: string; minutes_approved_on: string | null }): string {
  if (meeting.status === 'minutes-approved') return meeting.minutes_approved_on ? `Approved on ${formatDate(meeting.minutes_approved_on)}` : 'Approved';
  return 'Draft minutes';
}

/**
 * The minutes of a meeting. `mayReadConfidential` says whether this reader may see the body's
 * confidential items; when false, those items carry only their number. `includeMattersArising` and
 * `includeActions` are off for the public site.
 */
export async function presentMinutes(
  db: q.Db,
  meeting: q.MeetingRow,
  opts: { mayReadConfidential: boolean; includeMattersArising: boolean; includeActions: boolean; today?: string },
): Promise<PresentedMinutes> {
  const [items, attendance, declarations, resolutions] = await Promise.all([
    q.agendaItems(db, meeting.id),
    q.attendanceOf(db, meeting.id),
    q.declarationsOf(db, meeting.id),
    q.resolutionsOf(db, meeting.id),
  ]);
  const visibleItemIds = new Set(items.filter((i) => opts.mayReadConfidential || !i.confidential).map((i) => i.id));
  const visibleResolutions = resolutions.filter((r) => visibleItemIds.has(r.agenda_item_id));
  const resolutionIds = visibleResolutions.map((r) => r.id);
  const [actions, plans, papers] = await Promise.all([
    opts.includeActions ? q.actionsOfResolutions(db, resolutionIds) : Promise.resolve([]),
    opts.includeActions ? q.forwardPlanOfResolutions(db, resolutionIds) : Promise.resolve([]),
    q.papersOf(db, [...visibleItemIds]),
  ]);
  const approvedAt = meeting.minutes_approved_at_meeting_id !== null ? await q.findMeeting(db, meeting.minutes_approved_at_meeting_id) : undefined;
  const mattersArising = opts.includeMattersArising ? await actionsService.mattersArisingFor(db, meeting.id, opts.today) : [];

  const presented: PresentedItem[] = items.map((i) => {
    const withheld = i.confidential && !opts.mayReadConfidential;
    const number = i.parent_position !== null ? `${i.parent_position}.${i.position}` : String(i.position);
    const itemDeclarations = declarations.filter((d) => d.agenda_item_id === i.id);
    return {
      id: i.id,
      number,
      kind: i.kind,
      title: withheld ? 'Confidential item' : i.title,
      presenter: withheld ? '' : i.presenter,
      withheld,
      confidential: i.confidential,
      exemptionParagraph: i.exemption_paragraph,
      minutes: withheld ? '' : i.minutes,
      minutesVersion: i.minutes_version,
      declarations: withheld ? [] : itemDeclarations.map((d) => ({ personName: d.person_name, text: `${d.person_name} declared a ${DECLARATION_KINDS[d.kind] ?? 'interest'}: ${d.nature}` })),
      resolutions: withheld
        ? []
        : visibleResolutions
            .filter((r) => r.agenda_item_id === i.id)
            .map((r) => ({
              id: r.id,
              number: r.number,
              text: r.text,
              outcome: r.outcome,
              actions: actions
                .filter((a) => a.resolution_id === r.id)
                .map((a) => ({ id: a.id, title: a.title, ownerName: a.owner_person_name ?? a.owner_organisation_name ?? '', dueText: formatDate(a.due_date), statusLabel: STATUS_LABELS[a.status] ?? a.status })),
              plans: plans
                .filter((p) => p.resolution_id === r.id)
                .map((p) => ({
                  id: p.id,
                  title: p.title,
                  whenText: p.target_meeting_date ? `the meeting on ${formatDate(p.target_meeting_date)}` : monthText(p.target_month),
                  status: p.status,
                })),
            })),
      papers: withheld ? [] : papers.filter((p) => p.agenda_item_id === i.id).map((p) => ({ id: p.id, title: p.title, filename: p.filename, sizeText: sizeText(p.size_bytes) })),
      isMattersArising: i.kind === 'matters-arising',
      isDeclarations: i.kind === 'declarations',
    };
  });

  // Declarations made at confidential items stay with them; all others show under the declarations item too.
  const declarationsItem = presented.find((i) => i.isDeclarations);
  if (declarationsItem) {
    declarationsItem.declarations = declarations
      .filter((d) => visibleItemIds.has(d.agenda_item_id))
      .map((d) => {
        const at = presented.find((i) => i.id === d.agenda_item_id);
        const where = at && at.id !== declarationsItem.id ? ` (item ${at.number}, ${at.title})` : '';
        return { personName: d.person_name, text: `${d.person_name} declared a ${DECLARATION_KINDS[d.kind] ?? 'interest'}${where}: ${d.nature}` };
      });
  }

  const names = (status: string[], withJob: boolean) => attendance.filter((a) => status.includes(a.status)).map((a) => personLine(a, withJob));
  return {
    meeting,
    heading: {
      bodyName: meeting.body_name,
      dateText: `${WEEKDAY.format(new Date(`${meeting.meeting_date}T12:00:00Z`))} ${formatDate(meeting.meeting_date)}`,
      timeText: formatTime(meeting.start_time),
      venue: meeting.venue,
    },
    statusText: minutesStatusText(meeting),
    approvedAt: approvedAt ? { id: approvedAt.id, dateText: formatDate(approvedAt.meeting_date) } : null,
    present: names(['present', 'substitute'], false),
    apologies: names(['apologies'], false),
    inAttendance: names(['in-attendance'], true),
    declarationsCount: declarations.filter((d) => visibleItemIds.has(d.agenda_item_id)).length,
    items: presented,
    mattersArising: mattersArising.map((m) => ({
      actionId: m.actionId,
      title: m.title,
      ownerName: m.ownerName,
      dueText: formatDate(m.dueDate),
      statusLabel: STATUS_LABELS[m.status] ?? m.status,
      rag: m.rag ? (RAG_TAGS[m.rag] ?? null) : null,
      resolutionRef: m.resolutionRef,
      carriedForward: m.carriedForward,
    })),
    hasMattersArisingItem: presented.some((i) => i.isMattersArising && !i.withheld),
  };
}
