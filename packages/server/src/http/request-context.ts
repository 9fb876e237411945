import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';

const CLIENT_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Fastify's request id generator: every request gets a `request-id` like Graph's (a GUID). */
export const newRequestId = (): string => randomUUID();

/**
 * Graph puts `request-id` on every response and echoes `client-request-id` (or repeats the
 * request id when the client sent none). Clients log both; graph-client reads them on errors.
 * Every response comes from a route handler or the error handler (unknown routes throw into it,
 * and guards throw), so both set them. Not an onRequest hook: Fastify runs its hook machinery for
 * every request then, about 5 % of a GET participant's CPU (docs/perf/http.md, round 3).
 */
export function installRequestIds(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.handler = withRequestIds(route.handler);
  });
}

export function setRequestIds(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('request-id', request.id);
  reply.header('client-request-id', clientRequestIdOf(request));
}

function withRequestIds(handler: RouteHandlerMethod): RouteHandlerMethod {
  return function (this: FastifyInstance, request, reply) {
    setRequestIds(request, reply);
    return handler.call(this, request, reply);
  };
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
