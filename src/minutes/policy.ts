/**
 * Who may do what with minutes, on top of the platform matrix (`can`). Routes ask these; they never
 * test roles themselves.
 *
 * - Reading minutes: `meetings:read`; a body's confidential items only for those `canSeeConfidential`
 *   allows (administrators and the body's current members).
 * - Writing minutes and resolutions, publishing minutes: `minutes:write` (democratic services).
 * - Approving the previous meeting's minutes as a correct record: `minutes:approve` (chair, administrator).
 */
import { audienceOf, can } from '../platform/auth/permissions.js';
import type { Role } from '../platform/auth/roles.js';

export interface PolicyUser {
  role: Role;
}

export function canWriteMinutes(user: PolicyUser | null): boolean {
  return can(audienceOf(user), 'minutes:write');
}

export function canApproveMinutes(user: PolicyUser | null): boolean {
  return can(audienceOf(user), 'minutes:approve');
}
