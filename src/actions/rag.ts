/**
 * The derived RAG of an action, in one pure function. "today" is a calendar date in Europe/London
 * (`todayInLondon()`), passed in so the rule is testable and the demo can use its own "today".
 *
 *   complete                                   → done (grey)
 *   cancelled                                  → no RAG
 *   due date before today (and not complete)   → red (overdue)
 *   due within 14 days (today … today+14) and not started → amber
 *   otherwise                                  → green
 */
import { addDays } from './dates.js';

export const ACTION_STATUSES = ['not-started', 'in-progress', 'complete', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const OPEN_STATUSES: readonly ActionStatus[] = ['not-started', 'in-progress'];

export const STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  cancelled: 'Cancelled',
};

export const RAGS = ['red', 'amber', 'green', 'done'] as const;
export type Rag = (typeof RAGS)[number];

/** Days ahead within which a not-started action turns amber. */
export const AMBER_WINDOW_DAYS = 14;

export function ragFor(action: { status: ActionStatus; dueDate: string }, today: string): Rag | null {
  if (action.status === 'complete') return 'done';
  if (action.status === 'cancelled') return null;
  if (action.dueDate < today) return 'red';
  if (action.status === 'not-started' && action.dueDate <= addDays(today, AMBER_WINDOW_DAYS)) return 'amber';
  return 'green';
}

/** How each RAG shows: the words, and the GOV.UK tag colour (amber shows as yellow, done as grey). */
export const RAG_DISPLAY: Record<Rag, { text: string; tagClass: string }> = {
  red: { text: 'Red: overdue', tagClass: 'govuk-tag--red' },
  amber: { text: 'Amber: due soon', tagClass: 'govuk-tag--yellow' },
  green: { text: 'Green: on track', tagClass: 'govuk-tag--green' },
  done: { text: 'Done', tagClass: 'govuk-tag--grey' },
};
