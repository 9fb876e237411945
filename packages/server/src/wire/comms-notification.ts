import type { GraphObject } from './identity-set.js';
import { ODATA } from './odata-type.js';

export type ChangeType = 'created' | 'updated' | 'deleted';

/** Canonical resource URLs of notifications: leading slash, `/communications` (BEHAVIOR.md §5). */
export const callResourceUrl = (callId: string): string => `/communications/calls/${callId}`;
export const participantsResourceUrl = (callId: string): string => `${callResourceUrl(callId)}/participants`;

/**
 * One `commsNotification`, with the call's `callbackUri` as the create-call examples carry it.
 * `resourceData` is one entity, or an array for roster changes.
 */
export function commsNotification(changeType: ChangeType, resourceUrl: string, callbackUri: string, resourceData: GraphObject | GraphObject[]): GraphObject {
  return { '@odata.type': ODATA.commsNotification, changeType, resourceUrl, callbackUri, resourceData };
}

/** The body Graph POSTs to a callback: the `commsNotifications` envelope. */
export function commsNotifications(...items: GraphObject[]): GraphObject {
  return { '@odata.type': ODATA.commsNotifications, value: items };
}
