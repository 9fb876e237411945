import type { FastifyRequest } from 'fastify';
import { baseUrlOf } from '../request-context.js';
import type { GraphVersion } from './graph-route.js';

/** `@odata.context` as Graph writes it, rooted at the host the client dialled. */
export function odataContext(request: FastifyRequest, version: GraphVersion, fragment: string): string {
  return contextUnder(baseUrlOf(request), version, fragment);
}

/** The same, for a reply that already worked out `baseUrlOf(request)`. */
export const contextUnder = (baseUrl: string, version: GraphVersion, fragment: string): string => `${baseUrl}/${version}/$metadata#${fragment}`;
