import { ManualClock } from '../../src/domain/clock.js';
import { MemoryStore } from '../../src/storage/memory/memory-store.js';
import { runStoreContract } from './store.contract.js';

runStoreContract('memory', async () => {
  const clock = new ManualClock(1_700_000_000_000);
  const store = new MemoryStore(clock);
  return { store, clock, cleanup: () => store.close() };
});
