import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { cookieOptions } from './cookies.js';

export const CSRF_COOKIE = 'spotlight_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function same(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/**
 * A CSRF token on every form (double submit: an HttpOnly cookie and the same value in a hidden
 * `_csrf` field). Multipart forms carry it in the query string so the check runs before the upload
 * is read. A request without a valid token is refused with 403.
 */
export function setUpCsrf(app: FastifyInstance): void {
  app.decorateRequest('csrfToken', '');
  app.addHook('onRequest', async (request, reply) => {
    let token = request.cookies[CSRF_COOKIE];
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      token = crypto.randomBytes(32).toString('base64url');
      reply.setCookie(CSRF_COOKIE, token, cookieOptions(request));
      request.cookies[CSRF_COOKIE] = '';
    }
    request.csrfToken = token;
  });
  app.addHook('preHandler', async (request, reply) => {
    if (!UNSAFE.has(request.method) || request.routeOptions.config?.skipCsrf) return;
    const cookie = request.cookies[CSRF_COOKIE];
    const body = request.body as Record<string, unknown> | undefined;
    const query = request.query as Record<string, unknown> | undefined;
    const sent =
      (typeof body?._csrf === 'string' && body._csrf) ||
      (typeof request.headers['x-csrf-token'] === 'string' && request.headers['x-csrf-token']) ||
      (typeof query?._csrf === 'string' && query._csrf) ||
      '';
    if (!cookie || !sent || !same(cookie, sent)) {
      return reply.forbidden('This form could not be verified. Go back, reload the page and try again.');
    }
  });
}
