import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const CLIENT_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Fastify's request id generator: every request gets a `request-id` like Graph's (a GUID). */
export const newRequestId = (): string => randomUUID();

/**
 * Graph puts `request-id` on every response and echoes `client-request-id` (or repeats the
 * request id when the client sent none). Clients log both; graph-client reads them on errors.
 */
export function installRequestIds(app: FastifyInstance): void {
  // A callback hook, not an async one: every request runs it, and an async hook costs a promise
  // and a microtask turn per request for work that is synchronous.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('request-id', request.id);
    reply.header('client-request-id', clientRequestIdOf(request));
    done();
  });
}

export function clientRequestIdOf(request: FastifyRequest): string {
  const given = request.headers['client-request-id'];
  const value = Array.isArray(given) ? given[0] : given;
  return value && CLIENT_REQUEST_ID.test(value) ? value : request.id;
}

/** The scheme, host and port the client dialled — issuer and URLs are built from it. */
export function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
