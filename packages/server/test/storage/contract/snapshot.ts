import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CurrentFixture } from './fixture.js';

/** The scan-all reads and the bulk clear that state export, import and reset rely on. */
export function snapshotContract(current: CurrentFixture): void {
  describe('snapshot: scanning and clearing', () => {
    it('lists the kinds that hold documents, sorted, and forgets a kind once emptied', async () => {
      const { store } = current();
      assert.deepEqual(await store.docs.kinds(), []);
      await store.docs.put('zeta', 'a', {});
      await store.docs.put('alpha', 'a', {});
      await store.docs.put('alpha', 'b', {});
      assert.deepEqual(await store.docs.kinds(), ['alpha', 'zeta']);
      await store.docs.delete('zeta', 'a');
      assert.deepEqual(await store.docs.kinds(), ['alpha']);
    });

    it('lists every timer in due order, leased ones included', async () => {
      const { store } = current();
      await store.timers.set('late', 3000, { n: 3 });
      await store.timers.set('b-early', 1000, { n: 2 });
      await store.timers.set('a-early', 1000, { n: 1 });
      await store.timers.claimDue({ now: 1000, leaseMs: 60_000, limit: 1, owner: 'w1' });
      const listed = await store.timers.list<{ n: number }>();
      assert.deepEqual(listed, [
        { key: 'a-early', dueAt: 1000, payload: { n: 1 } },
        { key: 'b-early', dueAt: 1000, payload: { n: 2 } },
        { key: 'late', dueAt: 3000, payload: { n: 3 } },
      ]);
    });

    it('clears the outbox, leased messages too, and counts what it removed', async () => {
      const { store } = current();
      await store.outbox.append([{ stream: 's1', payload: 1 }, { stream: 's2', payload: 2 }, { stream: 's1', payload: 3 }]);
      await store.outbox.claim({ now: Number.MAX_SAFE_INTEGER, leaseMs: 1000, limit: 1, owner: 'w1' });
      assert.equal(await store.outbox.clear(), 3);
      assert.deepEqual(await store.outbox.pending(), []);
      assert.equal(await store.outbox.clear(), 0);
    });

    it('clears and scans inside a transaction, and a rollback keeps everything', async () => {
      const { store } = current();
      await store.docs.put('k', 'a', {});
      await store.outbox.append([{ stream: 's', payload: 1 }]);
      await assert.rejects(store.transaction(async (tx) => {
        await tx.outbox.clear();
        await tx.docs.delete('k', 'a');
        assert.deepEqual(await tx.docs.kinds(), []);
        assert.deepEqual(await tx.outbox.pending(), []);
        throw new Error('roll back');
      }), /roll back/);
      assert.deepEqual(await store.docs.kinds(), ['k']);
      assert.equal((await store.outbox.pending()).length, 1);
    });
  });
}
