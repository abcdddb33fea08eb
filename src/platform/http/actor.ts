import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit.js';

/** The audit actor for a request. */
export function actorOf(request: FastifyRequest): Actor {
  return request.user ? { id: request.user.id, label: request.user.email } : { id: null, label: 'anonymous' };
}
