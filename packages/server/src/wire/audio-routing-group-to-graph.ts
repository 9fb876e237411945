import type { AudioRoutingGroup } from '../domain/calls/audio-routing.js';
import type { GraphObject } from './identity-set.js';

/**
 * An audioRoutingGroup as create, get, list and update return it: the four properties of the
 * resource and nothing else (every example of the pages prints exactly these; its type is the
 * declared one, so no `@odata.type`).
 */
export function audioRoutingGroupToGraph(group: AudioRoutingGroup): GraphObject {
  return { id: group.id, routingMode: group.routingMode, sources: [...group.sources], receivers: [...group.receivers] };
}
