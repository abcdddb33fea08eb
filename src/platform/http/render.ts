import crypto from 'node:crypto';
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

/** Everything a page is rendered with but its own data, the CSRF token and the CSP nonce. */
function commonContext(deps: RenderDeps, request: FastifyRequest) {
  return {
    authorityName: deps.authorityName(),
    currentUser: request.user,
    navigation: navigationFor(request, deps.nav),
    cssHash: deps.cssHash,
    currentPath: request.url,
  };
}

function renderWith(deps: RenderDeps, request: FastifyRequest, template: string, data: Record<string, unknown>, common: ReturnType<typeof commonContext>, csrfToken: string, cspNonce: string): string {
  return deps.env.render(template, {
    ...data,
    ...common,
    csrfToken,
    cspNonce,
    can: (permission: Parameters<typeof can>[1]) => can(audienceOf(request.user), permission),
  });
}

export function renderPage(deps: RenderDeps, request: FastifyRequest, template: string, data: Record<string, unknown> = {}): string {
  return renderWith(deps, request, template, data, commonContext(deps, request), request.csrfToken, request.cspNonce);
}

/**
 * A page body that is rendered once and served many times (the dashboard keeps its bodies per data
 * version), with its UTF-8 bytes made once too: encoding a 45 kB page on every request was a tenth of
 * the dashboard's time.
 */
export class KeptBody {
  readonly bytes: Buffer;
  constructor(readonly html: string) {
    this.bytes = Buffer.from(html, 'utf8');
  }
}

/** What differs per request in a kept layout, in the order it comes in the page. */
type Gap = 'nonce' | 'csrf' | 'body';
/** A kept layout: its text as bytes, around the gaps (`text.length === gaps.length + 1`). */
interface Layout {
  text: Buffer[];
  gaps: Gap[];
}

/** Values that autoescape prints as they are: the CSP nonce (base64) and the CSRF token (base64url). */
const SPLICEABLE = /^[A-Za-z0-9+/=_-]*$/;

/**
 * The layout around a kept body, rendered once and kept as bytes with gaps for what differs per
 * request: the CSP nonce, the CSRF token and the body. Rendering the layout (the GOV.UK template and
 * its components in Nunjucks) took about a quarter of a dashboard request; filling the gaps is a copy.
 *
 * The key is everything else the page is rendered with — template, data, path, authority name, user —
 * and what follows from them (the navigation and `can` from the user's role and the path; the
 * stylesheet's hash is fixed for the app, as is this cache). So a kept layout is only served to a
 * request that would render it the same; the template must not depend on anything else (such as the
 * time). When a layout is first made it is filled and checked against the page rendered the ordinary
 * way, and not kept if the two differ (say a template transformed the token instead of printing it).
 */
class KeptLayouts {
  private readonly marker = `kept${crypto.randomBytes(8).toString('hex')}`;
  private readonly markers: Record<Gap, string> = { nonce: `${this.marker}nonce`, csrf: `${this.marker}csrf`, body: `${this.marker}body` };
  private readonly split = new RegExp(`(${this.marker}(?:nonce|csrf|body))`);
  /** null: a layout that failed its check, always rendered the ordinary way. */
  private readonly layouts = new Map<string, Layout | null>();
  constructor(private readonly max = 500) {}

  render(deps: RenderDeps, request: FastifyRequest, template: string, data: Record<string, unknown>, body: KeptBody): Buffer | string {
    const { cspNonce: nonce, csrfToken: csrf } = request;
    const ordinary = () => renderPage(deps, request, template, { ...data, body: body.html });
    if (!SPLICEABLE.test(nonce) || !SPLICEABLE.test(csrf)) return ordinary();
    const key = JSON.stringify([template, data, request.url, deps.authorityName(), request.user]);
    const layout = this.layouts.get(key);
    if (layout) return this.fill(layout, nonce, csrf, body);
    if (layout === null) return ordinary();

    const common = commonContext(deps, request);
    const parts = renderWith(deps, request, template, { ...data, body: this.markers.body }, common, this.markers.csrf, this.markers.nonce).split(this.split);
    const made: Layout = {
      text: parts.filter((_, i) => i % 2 === 0).map((t) => Buffer.from(t, 'utf8')),
      gaps: parts.filter((_, i) => i % 2 === 1).map((m) => m.slice(this.marker.length) as Gap),
    };
    const page = renderWith(deps, request, template, { ...data, body: body.html }, common, csrf, nonce);
    if (this.layouts.size >= this.max) this.layouts.delete(this.layouts.keys().next().value!);
    this.layouts.set(key, this.fill(made, nonce, csrf, body).equals(Buffer.from(page, 'utf8')) ? made : null);
    return page;
  }

  private fill(layout: Layout, nonce: string, csrf: string, body: KeptBody): Buffer {
    const chunks: Buffer[] = [layout.text[0]!];
    layout.gaps.forEach((gap, i) => {
      chunks.push(gap === 'body' ? body.bytes : Buffer.from(gap === 'nonce' ? nonce : csrf, 'latin1'), layout.text[i + 1]!);
    });
    return Buffer.concat(chunks);
  }
}

/** `reply.render`, `reply.renderKept`, `reply.forbidden` and `reply.notFound`: every page in the same layout. */
export function setUpRendering(app: FastifyInstance, deps: RenderDeps): void {
  app.decorateReply('render', function (this: FastifyReply, template: string, data?: Record<string, unknown>, status = 200) {
    const html = renderPage(deps, this.request, template, data);
    return this.code(status).type('text/html; charset=utf-8').send(html);
  });
  const kept = new KeptLayouts();
  app.decorateReply('renderKept', function (this: FastifyReply, template: string, data: Record<string, unknown>, body: KeptBody) {
    return this.code(200).type('text/html; charset=utf-8').send(kept.render(deps, this.request, template, data, body));
  });
  app.decorateReply('forbidden', function (this: FastifyReply, message?: string) {
    return this.render('platform/views/403.njk', { title: 'You do not have permission to see this page', message }, 403);
  });
  app.decorateReply('notFound', function (this: FastifyReply) {
    return this.render('platform/views/404.njk', { title: 'Page not found' }, 404);
  });
}
