import type { FastifyRequest } from 'fastify';

const CLIENT_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Entra's `correlation_id`: the client's `client-request-id`. msal-node sends it only as a query
 * and form parameter, never as a header (@azure/msal-common RequestParameterBuilder
 * addCorrelationId), so all three places are read, header first; otherwise the request id.
 */
export function oauthCorrelationId(request: FastifyRequest): string {
  const candidates = [request.headers['client-request-id'], fieldOf(request.query), fieldOf(request.body)];
  const found = candidates.map((c) => (Array.isArray(c) ? c[0] : c)).find((c): c is string => typeof c === 'string' && CLIENT_REQUEST_ID.test(c));
  return found ?? request.id;
}

function fieldOf(source: unknown): unknown {
  return source && typeof source === 'object' ? (source as Record<string, unknown>)['client-request-id'] : undefined;
}
