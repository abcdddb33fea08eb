import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import type { AppContext, Capability, NavItem } from '../capability.js';
import { stylesheet } from '../views/css.js';
import { createViewEnvironment, govukDist, srcDir } from '../views/nunjucks.js';
import { setUpAuthorisation } from './authorise.js';
import { setUpCsrf } from './csrf.js';
import { setUpErrorPages } from './errors.js';
import { setUpRendering } from './render.js';
import { setUpWebSecurity } from './security.js';
import { setUpWebSession } from './sessions.js';
import './types.js';

const VERSION = '0.1.0';

/** The one composition step for the web app: platform set-up steps in order, then each capability's routes. */
export async function createApp(ctx: AppContext, capabilities: Capability[]): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as unknown as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  });

  const { css, hash } = stylesheet();
  const env = createViewEnvironment();
  const nav: NavItem[] = capabilities.flatMap((c) => c.nav ?? []);
  let authorityName = ctx.config.authorityName;
  const refreshAuthority = async () => {
    const row = await ctx.db.selectFrom('authority').select('name').orderBy('id').executeTakeFirst();
    if (row) authorityName = row.name;
  };
  await refreshAuthority();
  app.decorate('refreshAuthority', refreshAuthority);

  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 50, fields: 50 } });

  setUpWebSecurity(app);
  setUpAuthorisation(app);
  setUpWebSession(app, ctx.db);
  setUpCsrf(app);
  setUpRendering(app, { env, nav, cssHash: hash, authorityName: () => authorityName });
  setUpErrorPages(app);

  // Assets from the installed packages, no CDN. No GOV.UK crown, logotype, favicon or manifest is served.
  await app.register(fastifyStatic, {
    root: path.join(govukDist, 'govuk'),
    prefix: '/static/govuk/',
    allowedPath: (p) => p === '/govuk-frontend.min.js' || p === '/govuk-frontend.min.js.map',
    decorateReply: false,
  });
  app.get('/static/spotlight.css', { config: { permission: 'public' } }, (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=31536000, immutable').send(css),
  );
  await app.register(fastifyStatic, {
    root: path.join(srcDir, 'platform/views/static'),
    prefix: '/static/',
    decorateReply: false,
  });

  app.get('/health', { config: { permission: 'public' } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(ctx.db);
      return reply.send({ status: 'UP', version: VERSION, database: { status: 'UP', kind: ctx.database.kind } });
    } catch (err) {
      ctx.logger.error({ err }, 'health check failed');
      return reply.code(503).send({ status: 'DOWN', version: VERSION, database: { status: 'DOWN', kind: ctx.database.kind } });
    }
  });

  for (const capability of capabilities) {
    if (capability.routes) await capability.routes(app, ctx);
  }
  await app.ready();
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    refreshAuthority(): Promise<void>;
  }
}
