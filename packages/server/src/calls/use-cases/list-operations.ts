import type { Operation } from '../../domain/calls/types.js';
import type { Store } from '../../storage/ports.js';
import { CALL_KINDS } from '../call-unit.js';

/** Most operations the timeline shows; older ones are left out. */
const TIMELINE_LIMIT = 1000;

/**
 * One call leg's operations, oldest first (the console's operations timeline). Operations are
 * keyed by their own id, so this reads them all and keeps the call's: a debugging view, not a
 * Graph path (Graph only reads one operation by id).
 */
export async function listCallOperations(store: Store, callId: string): Promise<Operation[]> {
  const docs = await store.docs.list<Operation>(CALL_KINDS.operation);
  return docs
    .map((doc) => doc.data)
    .filter((operation) => operation.callId === callId)
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(-TIMELINE_LIMIT);
}
