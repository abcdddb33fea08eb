import type { DemoContext } from '../platform/capability.js';
import { recordAudit, SYSTEM_ACTOR } from '../platform/audit.js';
import './schema.js';

/** The principles and priorities of the 2020 Corporate Parenting Strategy (seed 001), in its order. */
export const STRATEGY_2020 = {
  title: 'Corporate Parenting Strategy 2020–23',
  periodStart: '2020-11-01',
  periodEnd: '2023-10-31',
  principles: [
    'Your home',
    'Your friends and family',
    'Your education and employment',
    'Your health and well-being',
    'Your adult life',
    'Your voice and influence',
    'Your needs and wishes',
  ],
  priorities: [
    { slug: 'prevention-edge-of-care', name: 'Prevention and the edge of care' },
    { slug: 'sufficient-stable-placements', name: 'Sufficient and stable placements' },
    { slug: 'voice-participation-influence', name: 'Voice, participation and influence' },
    { slug: 'education-employment-health-wellbeing', name: 'Education, employment, health and well-being' },
    { slug: 'permanency-planning', name: 'Permanency planning' },
    { slug: 'maximising-resources', name: 'Maximising demand and maximising resources for children in care' },
  ],
} as const;

export async function strategyDemo(ctx: DemoContext): Promise<void> {
  const s = await ctx.db
    .insertInto('strategy')
    .values({ title: STRATEGY_2020.title, period_start: STRATEGY_2020.periodStart, period_end: STRATEGY_2020.periodEnd, is_current: true })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(ctx.db, SYSTEM_ACTOR, 'create', 'strategy', s.id, null, { title: s.title });
  await ctx.db
    .insertInto('strategy_principle')
    .values(STRATEGY_2020.principles.map((name, i) => ({ strategy_id: s.id, position: i + 1, name })))
    .execute();
  await ctx.db
    .insertInto('strategy_priority')
    .values(STRATEGY_2020.priorities.map((p, i) => ({ strategy_id: s.id, position: i + 1, slug: p.slug, name: p.name })))
    .execute();
  ctx.log(`Strategy: ${STRATEGY_2020.title}, ${STRATEGY_2020.principles.length} principles, ${STRATEGY_2020.priorities.length} priorities`);
}
