import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createDemoAuthority, DEMO_PEOPLE } from '../../demo.js';
import { buildApp } from '../../server.js';
import type { Role } from '../auth/roles.js';
import type { AppContext } from '../capability.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { testDatabase } from './db.js';

export const DEMO_PASSWORD = 'correct-horse-battery-staple';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  close(): Promise<void>;
}

/** The real app, built by the same composition root, on a fresh database with the demo authority. */
export async function testApp(opts: { demo?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<TestApp> {
  const database = await testDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...opts.env });
  const ctx: AppContext = { config, database, db: database.db, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') };
  if (opts.demo !== false) await createDemoAuthority(ctx, { password: DEMO_PASSWORD });
  const app = await buildApp(ctx);
  return {
    app,
    ctx,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A browser-like client for `app.inject`: keeps cookies and sends the CSRF token with forms. */
export class Agent {
  private cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  /** The Cookie header this agent sends (a test may replay it after the agent has moved on). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.keep(res);
    return res;
  }

  get csrf(): string {
    return this.cookies.get('spotlight_csrf') ?? '';
  }

  /** Posts a form, with the CSRF token unless `csrf: false`. */
  async post(url: string, form: Record<string, string | string[]>, opts: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    if (!this.csrf) await this.get('/sign-in');
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    if (opts.csrf !== false) params.set('_csrf', this.csrf);
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: params.toString(),
    });
    this.keep(res);
    return res;
  }

  async signInAs(role: Role, password = DEMO_PASSWORD): Promise<this> {
    const res = await this.post('/sign-in', { email: DEMO_PEOPLE[role].email, password });
    if (res.statusCode !== 303) throw new Error(`Sign in as ${role} failed with ${res.statusCode}`);
    return this;
  }
}
