/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce), for councils
 * whose staff sign in with Microsoft Entra ID or another OpenID provider. Configured by OIDC_ISSUER,
 * OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI (docs/single-sign-on.md).
 *
 * Spotlight does not create accounts from single sign-on: the provider proves who someone is, and an
 * administrator decides whether they may use Spotlight (invite them, with a role). A provider account
 * whose email matches no active Spotlight user is refused with a message that says what to do.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { AppContext } from '../platform/capability.js';
import type { OidcConfig } from '../platform/config.js';
import { cookieOptions } from '../platform/http/cookies.js';
import * as q from './queries.js';
import { safeNext } from './routes.js';

const FLOW_COOKIE = 'spotlight_oidc';
const FLOW_MINUTES = 10;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
}

/** The email a provider asserts: `email`, else Entra's `preferred_username` or `upn` when it is an address. */
export function emailFromClaims(claims: Record<string, unknown>): string | undefined {
  for (const key of ['email', 'preferred_username', 'upn']) {
    const v = claims[key];
    if (typeof v === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) return v.trim().toLowerCase();
  }
  return undefined;
}

/** Plain http is accepted only for a provider on this machine (tests, local development). */
function isLocal(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function oidcRoutes(app: FastifyInstance, ctx: AppContext): void {
  const settings = ctx.config.oidc;
  if (!settings) return;
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (s: OidcConfig) => {
    discovered ??= (async () => {
      const issuer = new URL(s.issuer);
      return client.discovery(issuer, s.clientId, s.clientSecret, undefined, isLocal(issuer) ? { execute: [client.allowInsecureRequests] } : undefined);
    })().catch((e: unknown) => {
      discovered = undefined; // try again on the next request
      throw e;
    });
    return discovered;
  };

  const unavailable = (request: FastifyRequest, reply: FastifyReply, e: unknown) => {
    request.log.error({ err: e }, 'single sign-on failed');
    return reply.render('accounts/views/sign-in-problem.njk', {
      title: 'There is a problem signing you in',
      message: `Signing in with ${settings.displayName} did not work. Try again, or sign in with your email address and password.`,
    }, 502);
  };

  app.get('/sign-in/oidc', { config: { permission: 'public' } }, async (request, reply) => {
    let config: client.Configuration;
    try {
      config = await configuration(settings);
    } catch (e) {
      return unavailable(request, reply, e);
    }
    const flow: Flow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      next: safeNext((request.query as Record<string, unknown>).next),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    reply.setCookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), cookieOptions(request, FLOW_MINUTES * 60));
    return reply.redirect(url.href, 303);
  });

  app.get('/sign-in/oidc/callback', { config: { permission: 'public' } }, async (request, reply) => {
    const raw = request.cookies[FLOW_COOKIE];
    reply.clearCookie(FLOW_COOKIE, { path: '/' });
    let flow: Flow | undefined;
    try {
      flow = raw ? (JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Flow) : undefined;
    } catch {
      flow = undefined;
    }
    if (!flow || typeof flow.state !== 'string' || typeof flow.verifier !== 'string') {
      return reply.render('accounts/views/sign-in-problem.njk', {
        title: 'Your sign-in has expired',
        message: 'Signing in took too long or was started in another browser. Start again.',
      }, 400);
    }
    const query = request.raw.url?.split('?')[1] ?? '';
    const current = new URL(settings.redirectUri);
    current.search = query;
    let email: string | undefined;
    try {
      const config = await configuration(settings);
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      email = emailFromClaims(claims ?? {});
      // Some providers put the email in the ID token (Entra's preferred_username), others only in userinfo.
      if (!email && claims && tokens.access_token) {
        email = emailFromClaims(await client.fetchUserInfo(config, tokens.access_token, claims.sub));
      }
    } catch (e) {
      return unavailable(request, reply, e);
    }
    const user = email ? await q.findUserByEmail(ctx.db, email) : undefined;
    if (!user || !user.active) {
      await q.recordAttempt(ctx.db, email ?? '(no email from provider)', request.ip, false);
      return reply.render('accounts/views/sign-in-problem.njk', {
        title: 'You do not have a Spotlight account',
        message: `${settings.displayName} signed you in as ${email ?? 'an account without an email address'}, but that address has no active Spotlight account. Ask democratic services to invite you.`,
      }, 403);
    }
    await q.recordAttempt(ctx.db, email!, request.ip, true);
    await app.startSession(request, reply, user.id, 'oidc');
    return reply.redirect(flow.next, 303);
  });
}
