/** The roles, with the identifiers used on the command line, plus the anonymous public. */
export const ROLES = ['admin', 'chair', 'member', 'officer', 'analyst', 'partner', 'young-person'] as const;
export type Role = (typeof ROLES)[number];
export type Audience = Role | 'public';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator (democratic services)',
  chair: 'Chair',
  member: 'Member (councillor)',
  officer: 'Officer',
  analyst: 'Analyst (performance and data quality)',
  partner: 'Partner agency representative',
  'young-person': 'Young person (children in care council)',
};

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
