/**
 * The observed store tells the change feed what each committed write touched (the console's
 * live updates), once per transaction, and nothing for a rolled-back one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { ChangeFeed } from '../../src/observe/change-feed.js';
import { MemoryStore } from '../../src/storage/memory/memory-store.js';
import { observeStore } from '../../src/storage/observed-store.js';

function observed(): { store: ReturnType<typeof observeStore>; events: string[][] } {
  const feed = new ChangeFeed();
  const events: string[][] = [];
  feed.subscribe((topics) => events.push([...topics].sort()));
  return { store: observeStore(new MemoryStore(new ManualClock(1)), feed), events };
}

describe('observed store', () => {
  it('publishes a direct write at once, with its kind', async () => {
    const { store, events } = observed();
    await store.docs.put('user', 'u1', { name: 'a' });
    await store.docs.delete('user', 'nope');
    assert.deepEqual(events, [['user']], 'deleting nothing publishes nothing');
  });

  it('publishes a transaction once, after it commits, with every kind it touched', async () => {
    const { store, events } = observed();
    await store.transaction(async (tx) => {
      await tx.docs.put('call', 'c1', {});
      await tx.docs.put('conference', 'f1', {});
      await tx.outbox.append([{ stream: 'c1', payload: {} }]);
      assert.deepEqual(events, [], 'nothing before the commit');
    });
    assert.deepEqual(events, [['call', 'conference', 'outbox']]);
    assert.equal((await store.docs.get('call', 'c1'))?.version, 1, 'reads go to the real store');
  });

  it('publishes nothing for a transaction that rolls back', async () => {
    const { store, events } = observed();
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.docs.put('call', 'c1', {});
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.deepEqual(events, []);
    assert.equal(await store.docs.get('call', 'c1'), undefined);
  });

  it('keeps the store working when nobody watches', async () => {
    const store = observeStore(new MemoryStore(new ManualClock(1)), new ChangeFeed());
    await store.transaction((tx) => tx.docs.put('call', 'c1', { ok: true }));
    assert.deepEqual((await store.docs.get('call', 'c1'))?.data, { ok: true });
    assert.equal(store.backend, 'memory');
  });
});
