import type { FastifyRequest } from 'fastify';
import { baseUrlOf } from '../request-context.js';
import type { GraphVersion } from './graph-route.js';
import { odataContext } from './odata.js';

/** `Location` of a new call: always the canonical `/communications` URL on the host dialled (BEHAVIOR.md §1). */
export function callLocation(request: FastifyRequest, version: GraphVersion, callId: string): string {
  return `${baseUrlOf(request)}/${version}/communications/calls/${encodeURIComponent(callId)}`;
}

/**
 * The entity set a read names in `@odata.context`: the path prefix the client used. Create is
 * the exception: Graph answers `#app/calls/$entity` whichever path was posted to (every
 * application-post-calls example, v1.0 and beta), a leftover of the legacy alias we keep.
 */
export function callsContext(request: FastifyRequest, version: GraphVersion, viaAppAlias: boolean, rest: string): string {
  return odataContext(request, version, `${viaAppAlias ? 'app' : 'communications'}/calls${rest}`);
}

export const createdCallContext = (request: FastifyRequest, version: GraphVersion): string => odataContext(request, version, 'app/calls/$entity');

/** OData writes a key in a context URL as a quoted literal: `calls('abc')`. */
export const keySegment = (id: string): string => `('${id.replace(/'/g, "''")}')`;
