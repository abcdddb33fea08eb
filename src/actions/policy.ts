/**
 * Who may do what to an action, on top of the platform matrix (`can`). Routes ask these; they never
 * test roles themselves.
 *
 * - Reading trackers and the forward plan: `actions:read`.
 * - Adding a progress update: `actions:update` holders. Administrators and chairs may update any
 *   action; officers and partners only the actions owned by them (their person record) or by their
 *   organisation.
 * - Creating, editing and cancelling actions, and managing the forward plan: `actions:manage`.
 */
import { audienceOf, can } from '../platform/auth/permissions.js';
import type { Role } from '../platform/auth/roles.js';

const UPDATE_ANY: readonly Role[] = ['admin', 'chair'];

export interface PolicyUser {
  role: Role;
}
/** The signed-in user's person record (null when they have none). */
export interface PolicyPerson {
  id: number;
  organisation_id: number | null;
}
export interface PolicyAction {
  owner_person_id: number | null;
  owner_organisation_id: number | null;
}

export function canReadActions(user: PolicyUser | null): boolean {
  return can(audienceOf(user), 'actions:read');
}

export function canManageActions(user: PolicyUser | null): boolean {
  return can(audienceOf(user), 'actions:manage');
}

/** Is the action owned by this person, or by their organisation? */
export function ownsAction(person: PolicyPerson | null, action: PolicyAction): boolean {
  if (!person) return false;
  if (action.owner_person_id !== null && action.owner_person_id === person.id) return true;
  return action.owner_organisation_id !== null && person.organisation_id !== null && action.owner_organisation_id === person.organisation_id;
}

export function canUpdateAction(user: PolicyUser | null, person: PolicyPerson | null, action: PolicyAction): boolean {
  if (!user || !can(audienceOf(user), 'actions:update')) return false;
  if (UPDATE_ANY.includes(user.role)) return true;
  return ownsAction(person, action);
}

/** Cancelling is an edit of the action itself, so it needs `actions:manage`; other statuses come with an update. */
export function canSetStatus(user: PolicyUser | null, status: string): boolean {
  return status === 'cancelled' ? canManageActions(user) : true;
}
