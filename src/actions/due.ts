/**
 * How an action's due date is given and resolved. Pure: the "next meeting" lookup is done by the
 * caller (service.ts, through queries.ts) and passed in, so the rules are unit-testable.
 *
 * The reference date ("as of when is this action being set?") is the date of the meeting whose
 * resolution created the action, or today in Europe/London for an action added on its own.
 *   - date:         must be a real date, on or after the reference date (else "in the past");
 *   - in N months:  N whole months (1 to 60) after `from` (usually the meeting date), clamped to the
 *                   end of a shorter month (31 January + 1 month = 28/29 February);
 *   - next meeting: the date of the first meeting of that body (not cancelled) after the reference
 *                   date; none scheduled is an error naming the body.
 */
import { addMonths, isIsoDate } from './dates.js';
import { formatLongDate } from './format.js';

export type DueRule =
  | { kind: 'date'; date: string }
  | { kind: 'next-meeting'; bodyId: number }
  | { kind: 'months'; months: number; from: string };

export const DUE_KINDS = ['date', 'next-meeting', 'months'] as const;
export const MAX_MONTHS = 60;

/** A bad input to an actions command: the form field it belongs to, and a message for the user. */
export class ActionInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ActionInputError';
  }
}

export interface NextMeeting {
  id: number;
  date: string;
}

export interface ResolvedDue {
  dueDate: string;
  /** The meeting a "next meeting" rule resolved to. */
  meetingId: number | null;
}

export function resolveDue(
  rule: DueRule,
  ctx: { reference: string; referenceIsMeeting: boolean; nextMeeting?: NextMeeting | null; bodyName?: string },
): ResolvedDue {
  switch (rule.kind) {
    case 'date': {
      if (!isIsoDate(rule.date)) throw new ActionInputError('dueDate', 'Due date must be a real date');
      if (rule.date < ctx.reference) {
        throw new ActionInputError(
          'dueDate',
          ctx.referenceIsMeeting ? `Due date must be on or after the meeting date, ${formatLongDate(ctx.reference)}` : 'Due date must be today or in the future',
        );
      }
      return { dueDate: rule.date, meetingId: null };
    }
    case 'months': {
      if (!Number.isInteger(rule.months) || rule.months < 1 || rule.months > MAX_MONTHS) {
        throw new ActionInputError('dueMonths', `Number of months must be a whole number between 1 and ${MAX_MONTHS}`);
      }
      if (!isIsoDate(rule.from)) throw new ActionInputError('dueMonths', 'The date the months are counted from must be a real date');
      return { dueDate: addMonths(rule.from, rule.months), meetingId: null };
    }
    case 'next-meeting': {
      if (!ctx.nextMeeting) {
        throw new ActionInputError(
          'dueBody',
          `${ctx.bodyName ?? 'That body'} has no meeting scheduled after ${formatLongDate(ctx.reference)}. Schedule the meeting first, or give a date`,
        );
      }
      return { dueDate: ctx.nextMeeting.date, meetingId: ctx.nextMeeting.id };
    }
    default:
      throw new ActionInputError('due', 'Select when the action is due');
  }
}
