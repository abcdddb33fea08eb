import type { Permission } from '../auth/permissions.js';
import type { Role } from '../auth/roles.js';
import type { KeptBody } from './render.js';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  roleLabel: string;
  mustChangePassword: boolean;
}

/** The errors of a form: field name → message (field names are the ids of the inputs). */
export type FieldErrors = Record<string, string>;

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    csrfToken: string;
    cspNonce: string;
  }
  interface FastifyReply {
    /** Renders a page in the layout, with the common context (user, navigation, CSRF token). */
    render(template: string, data?: Record<string, unknown>, status?: number): FastifyReply;
    /**
     * Renders a page around a kept body (given to the template as `body`), the layout kept between
     * requests: `data` must be JSON and, with the user and the path, all the page depends on. See render.ts.
     */
    renderKept(template: string, data: Record<string, unknown>, body: KeptBody): FastifyReply;
    /** The 403 page. */
    forbidden(message?: string): FastifyReply;
    /** The 404 page. */
    notFound(): FastifyReply;
  }
  interface FastifyContextConfig {
    /** The permission this route needs; 'public' for anyone. Every route must declare one. */
    permission?: Permission | 'public';
    /** Skip the CSRF check (only for endpoints called by other servers, e.g. the OIDC callback is a GET). */
    skipCsrf?: boolean;
  }
}
