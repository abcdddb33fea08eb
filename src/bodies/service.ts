/**
 * The bodies capability's commands: create and edit bodies (with their terms of reference),
 * organisations, people and memberships. Each takes a transaction and the actor, validates (a
 * BodyInputError names the field), writes, and records the audit in the same transaction.
 */
import type { Transaction } from 'kysely';
import { recordAudit, type Actor } from '../platform/audit.js';
import type { Database } from '../platform/database/types.js';
import { MEMBER_ROLE_LABELS, rangesOverlap, slugify, uniqueSlug } from './presenters.js';
import * as q from './queries.js';
import type { MemberRole } from './schema.js';
import { checkBodyInput, checkOrganisationInput, checkPersonInput, isMemberRole, isRealDate, type BodyInput, type PersonInput } from './validation.js';

type Tx = Transaction<Database>;

/** Bad input, naming the field it is about. */
export class BodyInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'BodyInputError';
  }
}

/** A save of something that someone else changed since it was loaded. */
export class VersionConflictError extends Error {
  constructor(what = 'this') {
    super(`Someone else changed ${what} while you were editing it. Your changes have not been saved. Check the latest version, then make your changes again.`);
    this.name = 'VersionConflictError';
  }
}

/** Slugs that name pages under /bodies/ and so cannot name a body. */
export const RESERVED_SLUGS = ['new'] as const;

function firstError(errors: Record<string, string>): never {
  const [field, message] = Object.entries(errors)[0]!;
  throw new BodyInputError(field, message);
}

async function checkParent(tx: Tx, bodyId: number | null, parentId: number | null): Promise<void> {
  if (parentId === null) return;
  if (!(await q.findBodyById(tx, parentId))) throw new BodyInputError('parentId', 'Select the board or group it reports to from the list');
  // Walk up from the chosen parent: reaching this body would make a loop.
  let at: number | null | undefined = parentId;
  for (let hops = 0; at !== null && at !== undefined && hops < 100; hops++) {
    if (at === bodyId) throw new BodyInputError('parentId', 'A board or group cannot report to itself or to a group that reports to it');
    at = await q.parentIdOf(tx, at);
  }
}

/** Creates a body with its terms of reference; its slug comes from its name and is unique. */
export async function createBody(tx: Tx, actor: Actor, input: BodyInput): Promise<{ id: number; slug: string }> {
  const { value, errors } = checkBodyInput(input);
  if (!value) firstError(errors);
  await checkParent(tx, null, value.parent_id);
  const base = slugify(value.name);
  const slug = uniqueSlug(base, await q.slugsLike(tx, base), RESERVED_SLUGS);
  const row = await q.insertBody(tx, { ...value, slug });
  await recordAudit(tx, actor, 'create', 'body', row.id, null, { ...value, slug });
  return { id: row.id, slug: row.slug };
}

/** Edits a body's details and terms of reference, if nobody has changed it since `version`. Its slug stays. */
export async function updateBody(tx: Tx, actor: Actor, id: number, version: number, input: BodyInput): Promise<void> {
  const before = await q.lockBody(tx, id);
  if (!before) throw new BodyInputError('name', 'That board or group does not exist');
  const { value, errors } = checkBodyInput(input);
  if (!value) firstError(errors);
  await checkParent(tx, id, value.parent_id);
  if (before.version !== version) throw new VersionConflictError('this board or group');
  const after = await q.updateBodyIfVersion(tx, id, version, value);
  if (!after) throw new VersionConflictError('this board or group');
  await recordAudit(tx, actor, 'update', 'body', id, before, after);
}

// ---------------------------------------------------------------- organisations and people

export async function createOrganisation(tx: Tx, actor: Actor, input: { name: string; kind: string }): Promise<{ id: number }> {
  const { value, errors } = checkOrganisationInput(input);
  if (!value) firstError(errors);
  if (await q.organisationNamed(tx, value.name)) throw new BodyInputError('name', 'An organisation with that name already exists');
  const row = await q.insertOrganisation(tx, value);
  await recordAudit(tx, actor, 'create', 'organisation', row.id, null, value);
  return { id: row.id };
}

async function checkPersonLinks(tx: Tx, personId: number | null, v: { organisation_id: number | null; user_id: string | null }) {
  if (v.organisation_id !== null && !(await q.findOrganisation(tx, v.organisation_id))) throw new BodyInputError('organisationId', 'Select an organisation from the list');
  if (v.user_id !== null) {
    if (!(await q.findUser(tx, v.user_id))) throw new BodyInputError('userId', 'Select a user account from the list');
    const linked = await q.personWithUser(tx, v.user_id);
    if (linked && linked.id !== personId) throw new BodyInputError('userId', `That user account is already linked to ${linked.name}`);
  }
}

export async function createPerson(tx: Tx, actor: Actor, input: PersonInput): Promise<{ id: number }> {
  const { value, errors } = checkPersonInput(input);
  if (!value) firstError(errors);
  await checkPersonLinks(tx, null, value);
  const row = await q.insertPerson(tx, value);
  await recordAudit(tx, actor, 'create', 'person', row.id, null, value);
  return { id: row.id };
}

export async function updatePerson(tx: Tx, actor: Actor, id: number, version: number, input: PersonInput): Promise<void> {
  const before = await q.findPerson(tx, id);
  if (!before) throw new BodyInputError('name', 'That person does not exist');
  const { value, errors } = checkPersonInput(input);
  if (!value) firstError(errors);
  await checkPersonLinks(tx, id, value);
  if (before.version !== version) throw new VersionConflictError('this person');
  const after = await q.updatePersonIfVersion(tx, id, version, value);
  if (!after) throw new VersionConflictError('this person');
  await recordAudit(tx, actor, 'update', 'person', id, before, after);
}

// ---------------------------------------------------------------- memberships

const ARTICLE: Record<MemberRole, string> = { chair: 'a chair', 'vice-chair': 'a vice chair', member: 'a member', 'co-opted': 'a co-opted member', adviser: 'an adviser', substitute: 'a substitute' };

/**
 * The membership rules, checked against the body's other memberships over the same dates: a body has
 * one chair and one vice chair at a time, and a person holds one membership of a body at a time.
 */
async function checkMembershipRules(tx: Tx, m: { id: number | null; body_id: number; person_id: number; role: MemberRole; start_date: string; end_date: string | null }) {
  const others = (await q.allMembers(tx, m.body_id)).filter((o) => o.id !== m.id && rangesOverlap(o.start_date, o.end_date, m.start_date, m.end_date));
  const samePerson = others.find((o) => o.person_id === m.person_id);
  if (samePerson) {
    throw new BodyInputError(m.id === null ? 'personId' : 'role', `${samePerson.name} is already ${ARTICLE[samePerson.role]} of this board or group over those dates. Change their role or end that membership instead`);
  }
  if (m.role === 'chair' || m.role === 'vice-chair') {
    const holder = others.find((o) => o.role === m.role);
    if (holder) {
      const label = MEMBER_ROLE_LABELS[m.role].toLowerCase();
      throw new BodyInputError('role', `${holder.name} is already the ${label} over those dates. A board or group has one ${label} at a time: end their membership or change their role first`);
    }
  }
}

export interface MembershipInput {
  bodyId: number;
  personId: number;
  role: string;
  startDate: string;
}

/** Adds a person to a body with a role from a start date. */
export async function addMembership(tx: Tx, actor: Actor, input: MembershipInput): Promise<{ id: number }> {
  const body = Number.isInteger(input.bodyId) ? await q.lockBody(tx, input.bodyId) : undefined;
  if (!body) throw new BodyInputError('bodyId', 'That board or group does not exist');
  const person = Number.isInteger(input.personId) ? await q.findPerson(tx, input.personId) : undefined;
  if (!person) throw new BodyInputError('personId', 'Select a person from the list');
  if (!isMemberRole(input.role)) throw new BodyInputError('role', 'Select a role');
  if (typeof input.startDate !== 'string' || !isRealDate(input.startDate)) throw new BodyInputError('startDate', 'Enter the date the membership starts');
  const values = { body_id: body.id, person_id: person.id, role: input.role, start_date: input.startDate, end_date: null };
  await checkMembershipRules(tx, { id: null, ...values });
  const row = await q.insertMembership(tx, values);
  await recordAudit(tx, actor, 'create', 'body_member', row.id, null, values);
  return { id: row.id };
}

async function loadMembership(tx: Tx, id: number) {
  const m = Number.isInteger(id) ? await q.membershipRow(tx, id) : undefined;
  if (!m) throw new BodyInputError('membership', 'That membership does not exist');
  await q.lockBody(tx, m.body_id);
  return m;
}

/** The day before an ISO date. */
function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Changes the role of a membership from a date (checking one chair and one vice chair at a time). From
 * the membership's first day (or before), the role is changed in place; from a later day, the membership
 * ends the day before and a new one with the new role starts that day, so the record keeps who held which
 * role when (a member who became chair stays a member until then).
 */
export async function changeMemberRole(tx: Tx, actor: Actor, membershipId: number, version: number, role: string, from: string): Promise<void> {
  const before = await loadMembership(tx, membershipId);
  if (!isMemberRole(role)) throw new BodyInputError('role', 'Select a role');
  if (before.version !== version) throw new VersionConflictError('this membership');
  if (typeof from !== 'string' || !isRealDate(from)) throw new BodyInputError('fromDate', 'Enter the date the new role starts');
  if (before.end_date !== null && from > before.end_date) throw new BodyInputError('fromDate', 'The new role must start on or before the last day of the membership');
  if (role === before.role) return;
  if (from <= before.start_date) {
    await checkMembershipRules(tx, { ...before, role });
    const after = await q.updateMembershipIfVersion(tx, membershipId, version, { role });
    if (!after) throw new VersionConflictError('this membership');
    await recordAudit(tx, actor, 'update', 'body_member', membershipId, before, after);
    return;
  }
  const ended = await q.updateMembershipIfVersion(tx, membershipId, version, { end_date: dayBefore(from) });
  if (!ended) throw new VersionConflictError('this membership');
  const values = { body_id: before.body_id, person_id: before.person_id, role, start_date: from, end_date: before.end_date };
  await checkMembershipRules(tx, { id: null, ...values });
  const row = await q.insertMembership(tx, values);
  await recordAudit(tx, actor, 'update', 'body_member', membershipId, before, ended);
  await recordAudit(tx, actor, 'create', 'body_member', row.id, null, values);
}

/** Ends a membership on a date (the last day of membership), which may be in the future. */
export async function endMembership(tx: Tx, actor: Actor, membershipId: number, version: number, endDate: string): Promise<void> {
  const before = await loadMembership(tx, membershipId);
  if (typeof endDate !== 'string' || !isRealDate(endDate)) throw new BodyInputError('endDate', 'Enter the date the membership ends');
  if (endDate < before.start_date) throw new BodyInputError('endDate', 'The end date must be the same as or after the date the membership started');
  if (before.version !== version) throw new VersionConflictError('this membership');
  const after = await q.updateMembershipIfVersion(tx, membershipId, version, { end_date: endDate });
  if (!after) throw new VersionConflictError('this membership');
  await recordAudit(tx, actor, 'update', 'body_member', membershipId, before, after);
}
