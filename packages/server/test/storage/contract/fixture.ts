import type { ManualClock } from '../../../src/domain/clock.js';
import type { Store } from '../../../src/storage/ports.js';

/** A fresh, empty store and the clock it reads createdAt/updatedAt from. */
export interface StoreFixture {
  store: Store;
  clock: ManualClock;
  cleanup(): Promise<void>;
}

export type CurrentFixture = () => StoreFixture;

/** Lets other queued work run, so an unserialized implementation would interleave here. */
export async function yieldTurns(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
