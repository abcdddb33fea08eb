/** The rules a body's details must follow, as field errors (pure: no database). */
import type { FieldErrors } from '../platform/http/types.js';
import { BODY_KINDS, MEMBER_ROLES, ORGANISATION_KINDS, type BodyKind, type MemberRole, type OrganisationKind } from './schema.js';

export interface BodyInput {
  name: string;
  kind: string;
  parentId: number | null;
  remit?: string;
  startDate?: string | null;
  endDate?: string | null;
  purpose?: string;
  scope?: string;
  membership?: string;
  quorum?: number | null;
  frequency?: string;
  reportingLine?: string;
  reviewDate?: string | null;
}

export interface CleanBody {
  name: string;
  kind: BodyKind;
  parent_id: number | null;
  remit: string;
  start_date: string | null;
  end_date: string | null;
  purpose: string;
  scope: string;
  membership: string;
  quorum: number | null;
  frequency: string;
  reporting_line: string;
  review_date: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LONG = 5000;
const SHORT = 200;

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks a body's details; the errors are keyed by field (camelCase, as in BodyInput). */
export function checkBodyInput(input: BodyInput): { value?: CleanBody; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = text(input.name);
  if (!name) errors.name = 'Enter the name of the board or group';
  else if (name.length > SHORT) errors.name = `Name must be ${SHORT} characters or fewer`;
  const kind = text(input.kind);
  if (!(BODY_KINDS as readonly string[]).includes(kind)) errors.kind = 'Select what kind of board or group it is';
  const parentId = input.parentId ?? null;
  if (parentId !== null && !Number.isInteger(parentId)) errors.parentId = 'Select the board or group it reports to from the list';
  else if (kind === 'task-and-finish' && parentId === null) errors.parentId = 'Select the board or group the task and finish group reports to';
  const long: [keyof BodyInput, string, string][] = [
    ['remit', 'Remit', 'remit'],
    ['purpose', 'Purpose', 'purpose'],
    ['scope', 'Scope', 'scope'],
    ['membership', 'Membership', 'membership'],
  ];
  for (const [field, label] of long) if (text(input[field]).length > LONG) errors[field] = `${label} must be ${LONG.toLocaleString('en-GB')} characters or fewer`;
  if (text(input.frequency).length > SHORT) errors.frequency = `Frequency must be ${SHORT} characters or fewer`;
  if (text(input.reportingLine).length > SHORT) errors.reportingLine = `Reporting line must be ${SHORT} characters or fewer`;
  const quorum = input.quorum ?? null;
  if (quorum !== null && (!Number.isInteger(quorum) || quorum < 1 || quorum > 999)) errors.quorum = 'Quorum must be a whole number between 1 and 999';
  const dates: Record<'startDate' | 'endDate' | 'reviewDate', string | null> = { startDate: null, endDate: null, reviewDate: null };
  for (const f of ['startDate', 'endDate', 'reviewDate'] as const) {
    const v = input[f];
    if (v === null || v === undefined || v === '') continue;
    if (!isRealDate(v)) errors[f] = 'Date must be a real date';
    else dates[f] = v;
  }
  if (dates.startDate && dates.endDate && dates.endDate < dates.startDate) errors.endDate = 'End date must be the same as or after the start date';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    value: {
      name,
      kind: kind as BodyKind,
      parent_id: parentId,
      remit: text(input.remit),
      start_date: dates.startDate,
      end_date: dates.endDate,
      purpose: text(input.purpose),
      scope: text(input.scope),
      membership: text(input.membership),
      quorum,
      frequency: text(input.frequency),
      reporting_line: text(input.reportingLine),
      review_date: dates.reviewDate,
    },
  };
}

export interface PersonInput {
  name: string;
  jobTitle?: string;
  organisationId?: number | null;
  email?: string | null;
  userId?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkPersonInput(input: PersonInput): { value?: { name: string; job_title: string; organisation_id: number | null; email: string | null; user_id: string | null }; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = text(input.name);
  if (!name) errors.name = 'Enter the person’s name';
  else if (name.length > SHORT) errors.name = `Name must be ${SHORT} characters or fewer`;
  const jobTitle = text(input.jobTitle);
  if (jobTitle.length > SHORT) errors.jobTitle = `Job title must be ${SHORT} characters or fewer`;
  const organisationId = input.organisationId ?? null;
  if (organisationId !== null && !Number.isInteger(organisationId)) errors.organisationId = 'Select an organisation from the list';
  const email = text(input.email);
  if (email && (!EMAIL.test(email) || email.length > 320)) errors.email = 'Enter an email address in the correct format, like name@example.gov.uk';
  const userId = text(input.userId);
  if (userId && !UUID.test(userId)) errors.userId = 'Select a user account from the list';
  if (Object.keys(errors).length) return { errors };
  return { errors, value: { name, job_title: jobTitle, organisation_id: organisationId, email: email || null, user_id: userId || null } };
}

export function checkOrganisationInput(input: { name: string; kind: string }): { value?: { name: string; kind: OrganisationKind }; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = text(input.name);
  if (!name) errors.name = 'Enter the name of the organisation';
  else if (name.length > SHORT) errors.name = `Name must be ${SHORT} characters or fewer`;
  const kind = text(input.kind);
  if (!(ORGANISATION_KINDS as readonly string[]).includes(kind)) errors.kind = 'Select what kind of organisation it is';
  if (Object.keys(errors).length) return { errors };
  return { errors, value: { name, kind: kind as OrganisationKind } };
}

export function isMemberRole(role: unknown): role is MemberRole {
  return typeof role === 'string' && (MEMBER_ROLES as readonly string[]).includes(role);
}

export { isRealDate };
