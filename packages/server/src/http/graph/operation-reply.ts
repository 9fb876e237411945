import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Operation } from '../../domain/calls/types.js';
import { operationToGraph } from '../../wire/operation-to-graph.js';
import { baseUrlOf } from '../request-context.js';
import type { GraphVersion } from './graph-route.js';
import { contextUnder } from './odata.js';

/** `Location` of an operation: the canonical `/communications` URL on the host the client dialled, `baseUrl` (BEHAVIOR.md §6). */
const operationLocation = (baseUrl: string, version: GraphVersion, operation: Operation): string =>
  `${baseUrl}/${version}/communications/calls/${encodeURIComponent(operation.callId)}/operations/${encodeURIComponent(operation.id)}`;

/**
 * An action's answer when it returns an operation: 200 (completed/running per method) or 202,
 * `Location` of the operation, and the operation with `@odata.context` `#<type>` as the
 * participant-mute example shows.
 */
export function sendOperation(reply: FastifyReply, request: FastifyRequest, version: GraphVersion, operation: Operation, status: 200 | 202): FastifyReply {
  // Once per reply: Fastify works the protocol and host out of the request on every access.
  const baseUrl = baseUrlOf(request);
  reply.code(status).header('location', operationLocation(baseUrl, version, operation));
  return reply.send({ '@odata.context': contextUnder(baseUrl, version, operation.type), ...operationToGraph(operation) });
}
