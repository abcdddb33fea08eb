import type { Generated } from 'kysely';
import type { DateOnly, Timestamp } from '../platform/database/types.js';

export const MEETING_STATUSES = ['draft', 'agenda-published', 'held', 'minutes-drafted', 'minutes-approved', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const AGENDA_ITEM_KINDS = ['apologies', 'declarations', 'minutes', 'matters-arising', 'report', 'presentation', 'spotlight', 'performance', 'any-other-business'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent', 'substitute', 'in-attendance'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const DECLARATION_KINDS = ['disclosable-pecuniary', 'other-registrable', 'non-registrable'] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];
export const RESOLUTION_OUTCOMES = ['noted', 'action', 'forward-plan'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

declare module '../platform/database/types.js' {
  interface Database {
    meeting: {
      id: Generated<number>;
      body_id: number;
      meeting_date: DateOnly;
      start_time: Generated<string>;
      venue: Generated<string>;
      status: Generated<MeetingStatus>;
      agenda_published_at: Timestamp | null;
      minutes_published_at: Timestamp | null;
      minutes_approved_at_meeting_id: number | null;
      minutes_approved_on: DateOnly | null;
      cancelled_reason: Generated<string>;
      version: Generated<number>;
      created_by: string | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    agenda_item: {
      id: Generated<number>;
      meeting_id: number;
      parent_id: number | null;
      position: number;
      kind: AgendaItemKind;
      title: string;
      presenter: Generated<string>;
      summary: Generated<string>;
      confidential: Generated<boolean>;
      exemption_paragraph: number | null;
      exemption_reason: Generated<string>;
      minutes: Generated<string>;
      minutes_version: Generated<number>;
      version: Generated<number>;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    agenda_paper: {
      id: Generated<number>;
      agenda_item_id: number;
      title: string;
      filename: string;
      content_type: string;
      size_bytes: number;
      sha256: string;
      content: Uint8Array;
      uploaded_by: string | null;
      uploaded_at: Timestamp;
    };
    attendance: {
      id: Generated<number>;
      meeting_id: number;
      person_id: number | null;
      name: Generated<string>;
      status: AttendanceStatus;
      substitute_for_person_id: number | null;
      note: Generated<string>;
    };
    declaration: {
      id: Generated<number>;
      meeting_id: number;
      agenda_item_id: number;
      person_id: number;
      kind: DeclarationKind;
      nature: string;
      created_at: Timestamp;
    };
    resolution: {
      id: Generated<number>;
      agenda_item_id: number;
      number: number;
      text: string;
      outcome: Generated<ResolutionOutcome>;
      created_at: Timestamp;
      version: Generated<number>;
    };
  }
}
export {};
