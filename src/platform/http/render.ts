import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type nunjucks from 'nunjucks';
import { audienceOf, can } from '../auth/permissions.js';
import type { NavItem } from '../capability.js';

export interface RenderDeps {
  env: nunjucks.Environment;
  nav: NavItem[];
  cssHash: string;
  authorityName: () => string;
}

function navigationFor(request: FastifyRequest, nav: NavItem[]) {
  const audience = audienceOf(request.user);
  const path = request.url.split('?')[0] ?? '/';
  return nav
    .filter((n) => can(audience, n.permission))
    .sort((a, b) => a.order - b.order)
    .map((n) => ({ href: n.href, text: n.text, active: n.href === '/' ? path === '/' : path === n.href || path.startsWith(`${n.href}/`) }));
}

export function renderPage(deps: RenderDeps, request: FastifyRequest, template: string, data: Record<string, unknown> = {}): string {
  return deps.env.render(template, {
    ...data,
    authorityName: deps.authorityName(),
    currentUser: request.user,
    navigation: navigationFor(request, deps.nav),
    csrfToken: request.csrfToken,
    cspNonce: request.cspNonce,
    cssHash: deps.cssHash,
    currentPath: request.url,
    can: (permission: Parameters<typeof can>[1]) => can(audienceOf(request.user), permission),
  });
}

/** `reply.render`, `reply.forbidden` and `reply.notFound`: every page in the same layout. */
export function setUpRendering(app: FastifyInstance, deps: RenderDeps): void {
  app.decorateReply('render', function (this: FastifyReply, template: string, data?: Record<string, unknown>, status = 200) {
    const html = renderPage(deps, this.request, template, data);
    return this.code(status).type('text/html; charset=utf-8').send(html);
  });
  app.decorateReply('forbidden', function (this: FastifyReply, message?: string) {
    return this.render('platform/views/403.njk', { title: 'You do not have permission to see this page', message }, 403);
  });
  app.decorateReply('notFound', function (this: FastifyReply) {
    return this.render('platform/views/404.njk', { title: 'Page not found' }, 404);
  });
}
