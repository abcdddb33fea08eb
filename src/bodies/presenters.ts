/** Turns bodies, members and organisations into what the views need: labels, groupings, flags. */
import type { BodyKind, MemberRole, OrganisationKind } from './schema.js';

export const KIND_LABELS: Record<BodyKind, string> = {
  board: 'Board',
  partnership: 'Partnership',
  'sub-group': 'Sub-group',
  'task-and-finish': 'Task and finish group',
};
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  chair: 'Chair',
  'vice-chair': 'Vice chair',
  member: 'Member',
  'co-opted': 'Co-opted member',
  adviser: 'Adviser',
  substitute: 'Substitute',
};
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  council: 'Council',
  nhs: 'NHS',
  police: 'Police',
  'youth-offending-service': 'Youth offending service',
  'foster-carers': 'Foster carers',
  'children-in-care-council': 'Children in care council',
  education: 'Education',
  voluntary: 'Voluntary sector',
  other: 'Other',
};

/** A URL-safe slug from a name: "Looked After Partnership (MALAP)" → "looked-after-partnership-malap". */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return s || 'group';
}

/** The first of `base`, `base-2`, `base-3`, ... not in `taken` (nor reserved). */
export function uniqueSlug(base: string, taken: Iterable<string>, reserved: readonly string[] = []): string {
  const used = new Set([...taken, ...reserved]);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface MembershipRow {
  id: number;
  role: MemberRole;
  start_date: string;
  end_date: string | null;
  name: string;
}

/** Current (started, not ended), future (not yet started) and past (ended) memberships on a date. */
export function partitionMembers<M extends MembershipRow>(rows: M[], today: string) {
  const withLabel = (m: M) => ({ ...m, roleLabel: MEMBER_ROLE_LABELS[m.role] });
  const current = rows.filter((m) => m.start_date <= today && (m.end_date === null || m.end_date >= today)).map(withLabel);
  const future = rows.filter((m) => m.start_date > today).map(withLabel);
  const past = rows.filter((m) => m.end_date !== null && m.end_date < today).map(withLabel);
  return {
    current,
    future,
    past: past.sort((a, b) => (b.end_date ?? '').localeCompare(a.end_date ?? '')),
    chair: current.find((m) => m.role === 'chair') ?? null,
    viceChair: current.find((m) => m.role === 'vice-chair') ?? null,
  };
}

/** True when the terms of reference's review date has passed. */
export function reviewIsDue(reviewDate: string | null, today: string): boolean {
  return reviewDate !== null && reviewDate < today;
}

/** Two inclusive date ranges overlap (null end = open-ended). */
export function rangesOverlap(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return (aEnd === null || bStart <= aEnd) && (bEnd === null || aStart <= bEnd);
}
