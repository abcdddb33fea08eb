/**
 * The strategy coverage page: each priority of the current strategy against the work of the last 12
 * months (agenda items of meetings held or planned in that window, open and recently closed actions,
 * forward-plan items), with the priorities that have had none highlighted.
 *
 * Work counts for a priority through its strategy tags (entity 'agenda_item', 'action',
 * 'forward_plan_item'). The window is the 12 months to today (Europe/London):
 *   - agenda items of meetings (not cancelled) dated in the window;
 *   - actions still open (whenever they were set), and actions completed or cancelled in the window;
 *   - forward-plan items still planned or on an agenda, and items done whose target month is in the window.
 * Confidential agenda items (Schedule 12A) are counted for everyone but named only to those who may see them.
 */
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely, type Transaction } from 'kysely';
import { confidentialBodiesFor } from '../meetings/index.js';
import type { AppContext } from '../platform/capability.js';
import type { Database } from '../platform/database/types.js';
import { todayInLondon } from '../platform/http/forms.js';
import * as q from './queries.js';

type Db = Kysely<Database> | Transaction<Database>;

const OPEN_ACTION = ['not-started', 'in-progress'] as const;
const PLAN_STATUS_LABELS: Record<string, string> = { planned: 'Planned', scheduled: 'On an agenda', done: 'Done', withdrawn: 'Withdrawn' };
const ACTION_STATUS_LABELS: Record<string, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', complete: 'Complete', cancelled: 'Cancelled' };

const monthFmt = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The first day of the 12-month window ending on `today` ('YYYY-MM-DD'). */
export function windowStart(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- queries

export function taggedAgendaItems(db: Db, priorityIds: number[], since: string, until: string) {
  if (!priorityIds.length) return Promise.resolve([]);
  return db
    .selectFrom('strategy_tag')
    .innerJoin('agenda_item', (j) => j.on('strategy_tag.entity', '=', 'agenda_item').on(sql<boolean>`strategy_tag.entity_id = agenda_item.id::text`))
    .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select([
      'strategy_tag.priority_id',
      'agenda_item.id',
      'agenda_item.title',
      'agenda_item.confidential',
      'meeting.id as meeting_id',
      'meeting.meeting_date',
      'meeting.body_id',
      'body.name as body_name',
    ])
    .where('strategy_tag.priority_id', 'in', priorityIds)
    .where('meeting.status', '<>', 'cancelled')
    .where('meeting.meeting_date', '>=', since)
    .where('meeting.meeting_date', '<=', until)
    .orderBy('meeting.meeting_date', 'desc')
    .orderBy('agenda_item.id')
    .execute();
}

export function taggedActions(db: Db, priorityIds: number[], since: string) {
  if (!priorityIds.length) return Promise.resolve([]);
  return db
    .selectFrom('strategy_tag')
    .innerJoin('action', (j) => j.on('strategy_tag.entity', '=', 'action').on(sql<boolean>`strategy_tag.entity_id = action.id::text`))
    .innerJoin('body', 'body.id', 'action.body_id')
    .select(['strategy_tag.priority_id', 'action.id', 'action.title', 'action.status', 'action.due_date', 'body.name as body_name'])
    .where('strategy_tag.priority_id', 'in', priorityIds)
    .where((eb) =>
      eb.or([
        eb('action.status', 'in', [...OPEN_ACTION]),
        eb(sql<string>`coalesce(action.completed_on, cast(action.updated_at as date))`, '>=', since),
      ]),
    )
    .orderBy('action.due_date')
    .orderBy('action.id')
    .execute();
}

export function taggedForwardPlanItems(db: Db, priorityIds: number[], since: string) {
  if (!priorityIds.length) return Promise.resolve([]);
  return db
    .selectFrom('strategy_tag')
    .innerJoin('forward_plan_item as fpi', (j) => j.on('strategy_tag.entity', '=', 'forward_plan_item').on(sql<boolean>`strategy_tag.entity_id = fpi.id::text`))
    .innerJoin('body', 'body.id', 'fpi.body_id')
    .select(['strategy_tag.priority_id', 'fpi.id', 'fpi.title', 'fpi.status', 'fpi.target_month', 'body.name as body_name'])
    .where('strategy_tag.priority_id', 'in', priorityIds)
    .where((eb) => eb.or([eb('fpi.status', 'in', ['planned', 'scheduled']), eb.and([eb('fpi.status', '=', 'done'), eb('fpi.target_month', '>=', `${since.slice(0, 7)}-01`)])]))
    .orderBy('fpi.target_month')
    .orderBy('fpi.id')
    .execute();
}

// ---------------------------------------------------------------- the page's figures

export interface PriorityCoverage {
  id: number;
  name: string;
  agendaItems: { id: number; title: string; hidden: boolean; meetingId: number; meetingDate: string; bodyName: string }[];
  openActions: { id: number; title: string; statusLabel: string; dueDate: string; bodyName: string }[];
  closedActions: { id: number; title: string; statusLabel: string; dueDate: string; bodyName: string }[];
  forwardPlanItems: { id: number; title: string; monthText: string; status: string; bodyName: string }[];
  noWork: boolean;
}

/** Coverage of each priority of the current strategy, in the strategy's order. */
export async function strategyCoverage(db: Db, today: string, visibleConfidential: number[] | 'all') {
  const strategy = await q.currentStrategy(db);
  if (!strategy) return null;
  const since = windowStart(today);
  const priorities = await q.priorities(db, strategy.id);
  const ids = priorities.map((p) => p.id);
  const [items, actions, plan] = await Promise.all([taggedAgendaItems(db, ids, since, today), taggedActions(db, ids, since), taggedForwardPlanItems(db, ids, since)]);
  const seeConfidential = (bodyId: number) => visibleConfidential === 'all' || visibleConfidential.includes(bodyId);
  const rows: PriorityCoverage[] = priorities.map((p) => {
    const mine = <T extends { priority_id: number | null }>(xs: T[]) => xs.filter((x) => x.priority_id === p.id);
    const presentAction = (a: (typeof actions)[number]) => ({ id: a.id, title: a.title, statusLabel: ACTION_STATUS_LABELS[a.status] ?? a.status, dueDate: a.due_date, bodyName: a.body_name });
    const row: PriorityCoverage = {
      id: p.id,
      name: p.name,
      agendaItems: mine(items).map((i) => ({
        id: i.id,
        title: i.confidential && !seeConfidential(i.body_id) ? '' : i.title,
        hidden: i.confidential && !seeConfidential(i.body_id),
        meetingId: i.meeting_id,
        meetingDate: i.meeting_date,
        bodyName: i.body_name,
      })),
      openActions: mine(actions).filter((a) => (OPEN_ACTION as readonly string[]).includes(a.status)).map(presentAction),
      closedActions: mine(actions).filter((a) => !(OPEN_ACTION as readonly string[]).includes(a.status)).map(presentAction),
      forwardPlanItems: mine(plan).map((f) => ({ id: f.id, title: f.title, monthText: monthFmt.format(new Date(`${f.target_month.slice(0, 7)}-15T12:00:00Z`)), status: PLAN_STATUS_LABELS[f.status] ?? f.status, bodyName: f.body_name })),
      noWork: false,
    };
    row.noWork = !row.agendaItems.length && !row.openActions.length && !row.closedActions.length && !row.forwardPlanItems.length;
    return row;
  });
  return { strategy, since, until: today, priorities: rows, uncovered: rows.filter((r) => r.noWork).length };
}

// ---------------------------------------------------------------- HTTP

export function coverageRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/strategy/coverage', { config: { permission: 'strategy:read' } }, async (request, reply) => {
    const today = todayInLondon();
    const user = request.user ? { id: request.user.id, role: request.user.role } : null;
    const coverage = await strategyCoverage(ctx.db, today, await confidentialBodiesFor(ctx.db, user, today));
    return reply.render('strategy/views/coverage.njk', {
      title: 'Strategy coverage',
      coverage,
      breadcrumbs: [{ text: 'Strategy', href: '/strategy' }],
    });
  });
}
