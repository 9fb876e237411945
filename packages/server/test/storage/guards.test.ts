/**
 * Adapter-level safety nets (not part of the port contract): misuse that would otherwise hang
 * forever or write outside any transaction fails loudly instead.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { StoreMisuseError } from '../../src/storage/errors.js';
import { MemoryStore } from '../../src/storage/memory/memory-store.js';
import type { Store } from '../../src/storage/ports.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';

const backends: [string, () => Promise<{ store: Store; cleanup(): Promise<void> }>][] = [
  [
    'memory',
    async () => {
      const store = new MemoryStore(new ManualClock());
      return { store, cleanup: () => store.close() };
    },
  ],
  [
    'sqlite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'switchboard-guards-'));
      const store = SqliteStore.open(join(dir, 'test.db'), new ManualClock());
      const cleanup = async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      };
      return { store, cleanup };
    },
  ],
];

for (const [name, open] of backends) {
  describe(`${name} store guards`, () => {
    it('rejects store writes and nested transactions from inside a transaction instead of hanging', async () => {
      const { store, cleanup } = await open();
      try {
        await store.transaction(async () => {
          await assert.rejects(store.docs.put('call', 'c1', {}), StoreMisuseError);
          await assert.rejects(store.transaction(async () => 1), StoreMisuseError);
        });
        assert.equal(await store.docs.get('call', 'c1'), undefined);
      } finally {
        await cleanup();
      }
    });

    it('still allows committed-state reads from inside a transaction', async () => {
      const { store, cleanup } = await open();
      try {
        await store.docs.put('call', 'c1', { n: 1 });
        await store.transaction(async (tx) => {
          await tx.docs.put('call', 'c1', { n: 2 });
          assert.deepEqual((await store.docs.get('call', 'c1'))?.data, { n: 1 });
        });
      } finally {
        await cleanup();
      }
    });

    it('rejects use after close, and close twice is harmless', async () => {
      const { store, cleanup } = await open();
      await cleanup();
      await store.close();
      await assert.rejects(store.docs.get('call', 'c1'), StoreMisuseError);
      await assert.rejects(store.docs.put('call', 'c1', {}), StoreMisuseError);
      await assert.rejects(store.transaction(async () => 1), StoreMisuseError);
    });
  });
}
