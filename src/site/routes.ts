import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/capability.js';

/** The home page, and the accessibility statement and cookies pages every council service has. */
export function siteRoutes(app: FastifyInstance, _ctx: AppContext): void {
  app.get('/', { config: { permission: 'public' } }, async (request, reply) => {
    if (!request.user) return reply.render('site/views/welcome.njk', { title: 'Corporate parenting, in one place' });
    return reply.render('site/views/home.njk', { title: 'Home' });
  });
  app.get('/accessibility', { config: { permission: 'public' } }, async (_request, reply) =>
    reply.render('site/views/accessibility.njk', { title: 'Accessibility statement' }),
  );
  app.get('/cookies', { config: { permission: 'public' } }, async (_request, reply) => reply.render('site/views/cookies.njk', { title: 'Cookies' }));
}
