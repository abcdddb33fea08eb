import type { FastifyInstance } from 'fastify';
import { audienceOf, can, PERMISSIONS } from '../auth/permissions.js';

const UNGUARDED_PREFIXES = ['/assets/', '/static/'];

/**
 * The one place route permissions are enforced. Every route declares `config.permission`; a route
 * without one is a start-up error. Anonymous visitors are sent to sign in; signed-in users without the
 * permission get 403, never the data.
 */
export interface RoutePermission {
  method: string;
  url: string;
  permission: string;
}

export function setUpAuthorisation(app: FastifyInstance): void {
  const registry: RoutePermission[] = [];
  app.decorate('routePermissions', registry);
  app.addHook('onRoute', (route) => {
    if (UNGUARDED_PREFIXES.some((p) => route.url.startsWith(p)) || route.url === '/health') return;
    if (route.method === 'HEAD' || (Array.isArray(route.method) && route.method.includes('HEAD') && route.method.length === 1)) return;
    const permission = (route.config as { permission?: string } | undefined)?.permission;
    if (!permission) throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
    if (permission !== 'public' && !(permission in PERMISSIONS)) throw new Error(`Route ${route.url}: unknown permission ${permission}`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') registry.push({ method, url: route.url, permission });
  });
  app.addHook('preHandler', async (request, reply) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || permission === 'public') return;
    if (can(audienceOf(request.user), permission)) return;
    if (!request.user) {
      if (request.method === 'GET') {
        return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`);
      }
      return reply.forbidden('You need to sign in to do this.');
    }
    return reply.forbidden();
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route and the permission it declares: the matrix test walks this. */
    routePermissions: RoutePermission[];
  }
}
