import type { ManualClock } from '../../../src/domain/clock.js';
import type { Store } from '../../../src/storage/ports.js';

/** A fresh, empty store and the clock it reads createdAt/updatedAt from. */
export interface StoreFixture {
  store: Store;
  clock: ManualClock;
  cleanup(): Promise<void>;
  /**
   * Opens another node's store on the same storage (PostgreSQL: a second pool on the database), so
   * the concurrency contract races two nodes, not just two callers of one store. The contract
   * closes it. Absent: the races run on `store` alone.
   */
  openPeer?(): Promise<Store>;
}

export type CurrentFixture = () => StoreFixture;

/** Lets other queued work run, so an unserialized implementation would interleave here. */
export async function yieldTurns(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
