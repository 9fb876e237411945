import type { ContentSharingSession, Operation } from '../domain/calls/types.js';
import { resultInfoToGraph } from './call-to-graph.js';
import type { GraphObject } from './identity-set.js';

/** Canonical URL of an operation, as Location headers and notifications name it. */
export const operationResourceUrl = (callId: string, operationId: string): string => `/communications/calls/${callId}/operations/${operationId}`;

/**
 * Notifications name the sessions segment in lower case (`contentsharingsessions`, BEHAVIOR.md §5),
 * unlike the REST path; bots written against Graph match on what Graph sends.
 */
export const contentSharingResourceUrl = (callId: string): string => `/communications/calls/${callId}/contentsharingsessions`;

/** A commsOperation subtype as actions return it and notifications carry it (BEHAVIOR.md §6). */
export function operationToGraph(operation: Operation): GraphObject {
  return {
    '@odata.type': `#microsoft.graph.${operation.type}`,
    id: operation.id,
    status: operation.status,
    clientContext: operation.clientContext ?? null,
    resultInfo: operation.resultInfo ? resultInfoToGraph(operation.resultInfo) : null,
    ...operation.extra,
  };
}

/** contentSharingSession has only an id on the wire. */
export function contentSharingSessionToGraph(session: ContentSharingSession): GraphObject {
  return { '@odata.type': '#microsoft.graph.contentSharingSession', id: session.id };
}
