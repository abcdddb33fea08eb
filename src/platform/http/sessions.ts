import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../database/types.js';
import { SESSION_COOKIE, userForSession } from '../auth/sessions.js';

/** Loads the signed-in user (if any) from the session cookie. */
export function setUpWebSession(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    request.user = null;
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length < 100) request.user = await userForSession(db, token);
  });
}
