import { ROLES, type Audience, type Role } from './roles.js';

/**
 * THE permission matrix: every permission, who holds it, and why. Routes declare the permission they
 * need (`config: { permission }`) and one hook enforces it; entity rules (a body's confidential items)
 * build on `can` in each capability's policy. docs/permissions.md is generated from this table and a
 * test keeps them equal.
 */
const everyone: Audience[] = ['public', ...ROLES];
const signedIn: Audience[] = [...ROLES];
const governance: Audience[] = ['admin', 'chair', 'member', 'officer', 'partner', 'young-person', 'analyst'];

export const PERMISSIONS = {
  'public:read': { who: everyone, what: 'Read the public site: published agendas, minutes and reports, accessibility and cookies pages' },
  'workspace:read': { who: signedIn, what: 'Use the signed-in workspace (home page, my actions)' },
  'bodies:read': { who: governance, what: 'Read bodies, members and terms of reference' },
  'bodies:manage': { who: ['admin'], what: 'Create and edit bodies, memberships and terms of reference' },
  'strategy:read': { who: governance, what: 'Read the strategy, its principles and priorities, and the coverage page' },
  'strategy:manage': { who: ['admin', 'chair'], what: 'Edit the strategy, its principles and priorities' },
  'meetings:read': { who: governance, what: 'Read meetings, agendas, attendance and minutes (confidential items only for members of the body)' },
  'meetings:manage': { who: ['admin'], what: 'Schedule meetings, build agendas, attach papers, record attendance and declarations' },
  'minutes:write': { who: ['admin'], what: 'Write minutes and resolutions, publish minutes' },
  'minutes:approve': { who: ['admin', 'chair'], what: 'Approve the minutes of the previous meeting' },
  'actions:read': { who: governance, what: 'Read action trackers and the forward plan' },
  'actions:update': { who: ['admin', 'chair', 'officer', 'partner'], what: 'Add progress updates to actions' },
  'actions:manage': { who: ['admin'], what: 'Create, edit and cancel actions and forward-plan items' },
  'performance:read': { who: governance, what: 'Read the performance dashboard (small numbers suppressed)' },
  'performance:exact': { who: ['analyst'], what: 'See exact small numbers and the data validation reports' },
  'performance:import': { who: ['analyst'], what: 'Import SSDA903 returns and other measures, set populations and postcodes' },
  'performance:comment': { who: ['analyst', 'officer'], what: 'Set targets and comparators, write commentary on indicators' },
  'users:manage': { who: ['admin'], what: 'Invite users, set roles, deactivate accounts' },
  'audit:read': { who: ['admin'], what: 'Read the audit trail' },
} as const satisfies Record<string, { who: readonly Audience[]; what: string }>;

export type Permission = keyof typeof PERMISSIONS;

export function can(audience: Audience, permission: Permission): boolean {
  return (PERMISSIONS[permission].who as readonly Audience[]).includes(audience);
}

export function audienceOf(user: { role: Role } | null | undefined): Audience {
  return user ? user.role : 'public';
}

/** The matrix as Markdown, for docs/permissions.md. */
export function permissionsMarkdown(): string {
  const cols: Audience[] = [...ROLES, 'public'];
  const lines = [
    `| permission | ${cols.join(' | ')} | what it allows |`,
    `|---|${cols.map(() => ':-:').join('|')}|---|`,
  ];
  for (const [name, p] of Object.entries(PERMISSIONS)) {
    const who = p.who as readonly Audience[];
    lines.push(`| \`${name}\` | ${cols.map((c) => (who.includes(c) ? 'yes' : '–')).join(' | ')} | ${p.what} |`);
  }
  return lines.join('\n');
}
