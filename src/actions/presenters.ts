/** Turn action and forward-plan records into what the views show: labels, RAG tags, due wording. */
import { formatLongDate, formatMonth } from './format.js';
import { ragFor, RAG_DISPLAY, STATUS_LABELS, type ActionStatus, type Rag } from './rag.js';

export const DUE_KIND_LABELS = { date: 'A date', 'next-meeting': 'The next meeting of a board or group', months: 'In a number of months' } as const;

export const FORWARD_PLAN_STATUS_LABELS: Record<string, { text: string; tagClass: string }> = {
  planned: { text: 'Planned', tagClass: 'govuk-tag--blue' },
  scheduled: { text: 'On an agenda', tagClass: 'govuk-tag--green' },
  done: { text: 'Done', tagClass: 'govuk-tag--grey' },
  withdrawn: { text: 'Withdrawn', tagClass: 'govuk-tag--grey' },
};

export interface ActionLike {
  id: number;
  title: string;
  body_name: string;
  body_slug: string;
  status: ActionStatus;
  due_date: string;
  due_kind: 'date' | 'next-meeting' | 'months';
  due_months: number | null;
  due_body_name: string | null;
  due_meeting_id: number | null;
  owner_person_name: string | null;
  owner_person_organisation_name: string | null;
  owner_organisation_name: string | null;
}

export function dueRuleText(a: Pick<ActionLike, 'due_kind' | 'due_months' | 'due_body_name' | 'due_meeting_id'>): string {
  if (a.due_kind === 'next-meeting') return `Next meeting of ${a.due_body_name ?? 'the body'}${a.due_meeting_id === null ? ' (none scheduled: date kept)' : ''}`;
  if (a.due_kind === 'months') return `In ${a.due_months} month${a.due_months === 1 ? '' : 's'}`;
  return '';
}

export function ragTag(rag: Rag | null) {
  return rag ? { rag, text: RAG_DISPLAY[rag].text, classes: RAG_DISPLAY[rag].tagClass } : null;
}

export function presentAction(a: ActionLike, today: string, tags: { priority_name: string | null; principle_name: string | null }[] = []) {
  const rag = ragFor({ status: a.status, dueDate: a.due_date }, today);
  return {
    id: a.id,
    title: a.title,
    bodyName: a.body_name,
    bodySlug: a.body_slug,
    ownerName: a.owner_person_name ?? a.owner_organisation_name ?? '',
    ownerDetail: a.owner_person_name ? (a.owner_person_organisation_name ?? '') : 'Organisation',
    dueDate: a.due_date,
    dueText: formatLongDate(a.due_date),
    dueRule: dueRuleText(a),
    status: a.status,
    statusLabel: STATUS_LABELS[a.status],
    rag,
    ragTag: ragTag(rag),
    priorities: tags.map((t) => t.priority_name).filter(Boolean) as string[],
    principles: tags.map((t) => t.principle_name).filter(Boolean) as string[],
  };
}

export function ragCounts(rows: { rag: Rag | null }[]) {
  const counts: Record<Rag | 'none', number> = { red: 0, amber: 0, green: 0, done: 0, none: 0 };
  for (const r of rows) counts[r.rag ?? 'none'] += 1;
  return counts;
}

export { formatLongDate, formatMonth };
