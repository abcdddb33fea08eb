import { sql } from 'kysely';
import { recordAudit, SYSTEM_ACTOR } from './platform/audit.js';
import { hashPassword, oneTimePassword } from './platform/auth/passwords.js';
import { ROLE_LABELS, type Role } from './platform/auth/roles.js';
import type { AppContext, DemoContext } from './platform/capability.js';
import { capabilities } from './capabilities.js';

/** Fictional people, one per role (and the chair of the Board). */
export const DEMO_PEOPLE: Record<Role, { name: string; email: string }> = {
  admin: { name: 'Dana Evans', email: 'dana.evans@example.gov.uk' },
  chair: { name: 'Councillor Alex Morgan', email: 'alex.morgan@example.gov.uk' },
  member: { name: 'Councillor Priya Shah', email: 'priya.shah@example.gov.uk' },
  officer: { name: 'Sam Taylor', email: 'sam.taylor@example.gov.uk' },
  analyst: { name: 'Jordan Lee', email: 'jordan.lee@example.gov.uk' },
  partner: { name: 'Dr Ruth Okafor', email: 'ruth.okafor@example.gov.uk' },
  'young-person': { name: 'Casey Brooks', email: 'casey.brooks@example.gov.uk' },
};

export interface DemoResult {
  created: boolean;
  password?: string;
  log: string[];
}

/**
 * On an empty database, creates the demo authority "Example Borough Council" with a person in every
 * role and each capability's demo content, in one transaction. Returns the sign-in details once.
 */
export async function createDemoAuthority(ctx: AppContext, opts: { password?: string; today?: Date } = {}): Promise<DemoResult> {
  const existing = await ctx.db.selectFrom('authority').select('id').executeTakeFirst();
  if (existing) return { created: false, log: [] };
  const password = opts.password ?? oneTimePassword();
  const passwordHash = await hashPassword(password);
  const log: string[] = [];
  await ctx.db.transaction().execute(async (tx) => {
    await sql`lock table authority in exclusive mode`.execute(tx);
    const again = await tx.selectFrom('authority').select('id').executeTakeFirst();
    if (again) return;
    await tx.insertInto('authority').values({ name: ctx.config.authorityName }).execute();
    const users: DemoContext['users'] = {};
    for (const [role, p] of Object.entries(DEMO_PEOPLE) as [Role, { name: string; email: string }][]) {
      const row = await tx.insertInto('app_user').values({ email: p.email, name: p.name, role, password_hash: passwordHash }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(tx, SYSTEM_ACTOR, 'create', 'user', row.id, null, { email: p.email, name: p.name, role });
      users[role] = { id: row.id, name: p.name, email: p.email };
    }
    const demo: DemoContext = { db: tx, users, today: opts.today ?? new Date(), log: (m) => log.push(m) };
    for (const c of capabilities) if (c.demo) await c.demo(demo);
  });
  return { created: true, password, log };
}

export function demoSignInText(authorityName: string, password: string): string {
  const lines = [
    `Created the demo authority "${authorityName}". Sign in with any of these (shown once):`,
    ...Object.entries(DEMO_PEOPLE).map(([role, p]) => `  ${ROLE_LABELS[role as Role].padEnd(42)} ${p.email}`),
    `  Password for every demo account: ${password}`,
  ];
  return lines.join('\n');
}
