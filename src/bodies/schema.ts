import type { Generated } from 'kysely';
import type { DateOnly, Timestamp } from '../platform/database/types.js';

export const BODY_KINDS = ['board', 'partnership', 'sub-group', 'task-and-finish'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const MEMBER_ROLES = ['chair', 'vice-chair', 'member', 'co-opted', 'adviser', 'substitute'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const ORGANISATION_KINDS = ['council', 'nhs', 'police', 'youth-offending-service', 'foster-carers', 'children-in-care-council', 'education', 'voluntary', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

declare module '../platform/database/types.js' {
  interface Database {
    organisation: {
      id: Generated<number>;
      name: string;
      kind: string;
    };
    person: {
      id: Generated<number>;
      name: string;
      job_title: Generated<string>;
      organisation_id: number | null;
      user_id: string | null;
      email: string | null;
      version: Generated<number>;
    };
    body: {
      id: Generated<number>;
      slug: string;
      name: string;
      kind: BodyKind;
      parent_id: number | null;
      remit: Generated<string>;
      start_date: DateOnly | null;
      end_date: DateOnly | null;
      purpose: Generated<string>;
      scope: Generated<string>;
      membership: Generated<string>;
      quorum: number | null;
      frequency: Generated<string>;
      reporting_line: Generated<string>;
      review_date: DateOnly | null;
      version: Generated<number>;
      created_at: Timestamp;
    };
    body_member: {
      id: Generated<number>;
      body_id: number;
      person_id: number;
      role: MemberRole;
      start_date: DateOnly;
      end_date: DateOnly | null;
      version: Generated<number>;
    };
  }
}
export {};
