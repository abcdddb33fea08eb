import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/capability.js';
import * as q from './queries.js';

export function strategyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/strategy', { config: { permission: 'strategy:read' } }, async (_request, reply) => {
    const strategy = await q.currentStrategy(ctx.db);
    if (!strategy) return reply.render('strategy/views/strategy.njk', { title: 'Strategy' });
    const [principles, priorities] = await Promise.all([q.principles(ctx.db, strategy.id), q.priorities(ctx.db, strategy.id)]);
    return reply.render('strategy/views/strategy.njk', { title: strategy.title, strategy, principles, priorities });
  });
}
