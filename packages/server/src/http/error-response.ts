import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, isDomainError, specOf } from '../domain/errors/index.js';
import { clientRequestIdOf, setRequestIds } from './request-context.js';
import { oauthErrorBody } from './identity/oauth-error-body.js';
import { oauthCorrelationId } from './identity/correlation-id.js';
import { GraphFaultError } from './graph/fault-error.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Identity routes answer errors the way Entra does; everything else uses the Graph envelope. */
    errorEnvelope?: 'graph' | 'oauth';
  }
}

/** Framework errors that are the client's fault, mapped onto catalogue entries. */
function fromFramework(error: FastifyError, limit: number): DomainError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('unsupportedMediaType', { type: error.message.replace(/^.*?: /, '') });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('payloadTooLarge', { limit });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new DomainError('invalidJson');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new DomainError('badRequest', {}, { message: 'The Content-Length header does not match the body.' });
    default:
      return error.statusCode && error.statusCode < 500 ? new DomainError('badRequest', {}, { message: error.message }) : undefined;
  }
}

/** Graph's `innerError.date`: ISO seconds. Graph omits the zone; we add `Z` so clients parse it as UTC. */
export const graphDate = (now: Date): string => `${now.toISOString().slice(0, 19)}Z`;

export function graphErrorBody(error: DomainError, request: FastifyRequest, now: Date): Record<string, unknown> {
  return {
    error: {
      code: error instanceof GraphFaultError ? error.wireCode : specOf(error.id).code,
      message: error.message,
      innerError: { date: graphDate(now), 'request-id': request.id, 'client-request-id': clientRequestIdOf(request) },
    },
  };
}

/** The only place that turns a failure into a response. */
export function sendError(reply: FastifyReply, request: FastifyRequest, error: DomainError, now: Date): FastifyReply {
  const oauth = specOf(error.id).envelope === 'oauth' || request.routeOptions.config?.errorEnvelope === 'oauth';
  reply.code(error.status).headers(error.headers).type('application/json');
  if (oauth) return reply.send(oauthErrorBody(error, { traceId: request.id, correlationId: oauthCorrelationId(request), now }));
  return reply.send(graphErrorBody(error, request, now));
}

export function installErrorHandler(app: FastifyInstance, options: { bodyLimit: number; now: () => Date }): void {
  app.setErrorHandler((raw: FastifyError, request, reply) => {
    setRequestIds(request, reply);
    const error = isDomainError(raw) ? raw : fromFramework(raw, options.bodyLimit);
    if (!error) {
      request.log.error({ err: raw }, 'unhandled error');
      return sendError(reply, request, new DomainError('internal'), options.now());
    }
    if (error.status >= 500) request.log.error({ err: raw }, 'server error');
    return sendError(reply, request, error, options.now());
  });
}
