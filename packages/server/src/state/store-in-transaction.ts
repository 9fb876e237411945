import type { Store, StoreTx } from '../storage/ports.js';
import { StoreMisuseError } from '../storage/errors.js';

/**
 * An open transaction seen as a Store, for a use case that runs its own transaction (world
 * seeding) but must here be part of a larger one (a reset): its "transaction" is the outer one,
 * so everything commits, or rolls back, together.
 */
export function storeInTransaction(tx: StoreTx, backend: string): Store {
  return {
    backend,
    docs: tx.docs,
    outbox: tx.outbox,
    timers: tx.timers,
    deliveries: tx.deliveries,
    transaction: (work) => work(tx),
    close: () => Promise.reject(new StoreMisuseError('storage: a transaction seen as a store cannot be closed')),
  };
}
