import { operationNames } from '../permissions/generated/method-matrix.js';

/**
 * The Graph operation names a graphError or latency rule may match: the method status table's
 * names (docs/methods.md), e.g. `call.create`, `participant.mute`.
 */
export const GRAPH_OPERATIONS: readonly string[] = operationNames;

/** `call.create`, `Call.Create` and `call: create` are the same operation. */
export function normalizeOperation(name: string): string {
  return name.toLowerCase().replace(/\s*:\s*/, '.').trim();
}

const KNOWN = new Set(GRAPH_OPERATIONS.map(normalizeOperation));

export function isGraphOperation(name: string): boolean {
  return KNOWN.has(normalizeOperation(name));
}
