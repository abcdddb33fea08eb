import type { Generated } from 'kysely';
import type { DateOnly, Timestamp } from '../platform/database/types.js';
import type { ActionStatus } from './rag.js';

export const FORWARD_PLAN_STATUSES = ['planned', 'scheduled', 'done', 'withdrawn'] as const;
export type ForwardPlanStatus = (typeof FORWARD_PLAN_STATUSES)[number];

declare module '../platform/database/types.js' {
  interface Database {
    action: {
      id: Generated<number>;
      body_id: number;
      resolution_id: number | null;
      title: string;
      description: Generated<string>;
      owner_person_id: number | null;
      owner_organisation_id: number | null;
      due_kind: 'date' | 'next-meeting' | 'months';
      due_date: DateOnly;
      /** The date the due rule was resolved from: the resolution's meeting date, or the day it was added. */
      due_reference: DateOnly;
      due_months: number | null;
      due_body_id: number | null;
      due_meeting_id: number | null;
      status: Generated<ActionStatus>;
      completed_on: DateOnly | null;
      version: Generated<number>;
      created_by: string | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    action_update: {
      id: Generated<number>;
      action_id: number;
      comment: string;
      evidence_url: string | null;
      status_from: ActionStatus | null;
      status_to: ActionStatus | null;
      author_id: string | null;
      author_name: string;
      created_at: Timestamp;
    };
    forward_plan_item: {
      id: Generated<number>;
      body_id: number;
      resolution_id: number | null;
      title: string;
      target_kind: 'meeting' | 'month' | 'months';
      target_meeting_id: number | null;
      target_month: DateOnly;
      target_months: number | null;
      target_from: DateOnly | null;
      status: Generated<ForwardPlanStatus>;
      agenda_item_id: number | null;
      version: Generated<number>;
      created_by: string | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
  }
}
export {};
