import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/capability.js';
import { todayInLondon } from '../platform/http/forms.js';
import * as q from './queries.js';

export const KIND_LABELS: Record<string, string> = {
  board: 'Board',
  partnership: 'Partnership',
  'sub-group': 'Sub-group',
  'task-and-finish': 'Task and finish group',
};
export const MEMBER_ROLE_LABELS: Record<string, string> = {
  chair: 'Chair',
  'vice-chair': 'Vice chair',
  member: 'Member',
  'co-opted': 'Co-opted member',
  adviser: 'Adviser',
  substitute: 'Substitute',
};

export function bodyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/bodies', { config: { permission: 'bodies:read' } }, async (_request, reply) => {
    const bodies = await q.listBodies(ctx.db);
    return reply.render('bodies/views/list.njk', { title: 'Boards and groups', bodies: bodies.map((b) => ({ ...b, kindLabel: KIND_LABELS[b.kind] })) });
  });
  app.get('/bodies/:slug', { config: { permission: 'bodies:read' } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const body = await q.findBodyBySlug(ctx.db, slug);
    if (!body) return reply.notFound();
    const members = await q.currentMembers(ctx.db, body.id, todayInLondon());
    return reply.render('bodies/views/body.njk', {
      title: body.name,
      body: { ...body, kindLabel: KIND_LABELS[body.kind] },
      members: members.map((m) => ({ ...m, roleLabel: MEMBER_ROLE_LABELS[m.role] })),
      breadcrumbs: [{ text: 'Boards and groups', href: '/bodies' }],
    });
  });
}
