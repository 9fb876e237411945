import type { FastifyRequest } from 'fastify';
import { baseUrlOf } from '../request-context.js';
import type { GraphVersion } from './graph-route.js';

/** `@odata.context` as Graph writes it, rooted at the host the client dialled. */
export function odataContext(request: FastifyRequest, version: GraphVersion, fragment: string): string {
  return `${baseUrlOf(request)}/${version}/$metadata#${fragment}`;
}
