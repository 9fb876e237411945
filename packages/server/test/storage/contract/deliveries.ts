import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeliveryAttempt, NewDeliveryAttempt } from '../../../src/storage/ports.js';
import type { CurrentFixture } from './fixture.js';

/** A complete attempt; `extra` overrides any field. */
function attempt(extra: Partial<NewDeliveryAttempt> = {}): NewDeliveryAttempt {
  return {
    seq: 1, callId: 'c1', appId: 'app1', tenantId: 't1', url: 'https://bot.example/cb', attempt: 1, at: 1000,
    outcome: 'delivered', summary: 'call established', payload: { value: [{ changeType: 'updated' }] },
    jwtClaims: { aud: 'app1', tid: 't1' }, ...extra,
  };
}

const ids = (attempts: DeliveryAttempt[]) => attempts.map((a) => a.id);

export function deliveryContract(current: CurrentFixture): void {
  describe('deliveries: append and read', () => reading(current));
  describe('deliveries: filters and paging', () => filtering(current));
  describe('deliveries: prune and transactions', () => pruning(current));
}

function reading(current: CurrentFixture): void {
  it('assigns increasing ids and reads back every field', async () => {
    const { store } = current();
    const full = attempt({ status: 503, latencyMs: 12, error: 'HTTP 503', outcome: 'retrying', requestId: 'r-1' });
    const first = await store.deliveries.append(full);
    const second = await store.deliveries.append(attempt());
    assert.ok(second > first, `${second} should be greater than ${first}`);
    assert.deepEqual(await store.deliveries.get(first), { id: first, ...full });
  });

  it('leaves optional fields absent rather than undefined or null', async () => {
    const { store } = current();
    const id = await store.deliveries.append(attempt());
    const read = await store.deliveries.get(id);
    for (const field of ['status', 'latencyMs', 'error', 'requestId']) assert.equal(field in (read ?? {}), false, field);
  });

  it('stores payloadJson as the payload and never reads the field back', async () => {
    const { store } = current();
    const logged = attempt();
    const id = await store.deliveries.append({ ...logged, payloadJson: JSON.stringify(logged.payload) });
    assert.deepEqual(await store.deliveries.get(id), { id, ...logged });
  });

  it('answers undefined for an unknown id', async () => {
    assert.equal(await current().store.deliveries.get(42), undefined);
  });
}

function filtering(current: CurrentFixture): void {
  const seed = async () => {
    const { store } = current();
    const rows = [attempt({ callId: 'c1', seq: 1 }), attempt({ callId: 'c2', appId: 'app2', seq: 2 }), attempt({ callId: 'c1', seq: 3 })];
    const appended: number[] = [];
    for (const row of rows) appended.push(await store.deliveries.append(row));
    return appended;
  };

  it('lists newest first', async () => {
    const [a, b, c] = await seed();
    assert.deepEqual(ids(await current().store.deliveries.list()), [c, b, a]);
  });

  it('filters by call, app and seq', async () => {
    const { store } = current();
    const [a, b, c] = await seed();
    assert.deepEqual(ids(await store.deliveries.list({ callId: 'c1' })), [c, a]);
    assert.deepEqual(ids(await store.deliveries.list({ appId: 'app2' })), [b]);
    assert.deepEqual(ids(await store.deliveries.list({ seq: 3 })), [c]);
    assert.deepEqual(await store.deliveries.list({ callId: 'c1', appId: 'app2' }), []);
  });

  it('pages with limit and beforeId', async () => {
    const { store } = current();
    const [a, b, c] = await seed();
    assert.deepEqual(ids(await store.deliveries.list({ limit: 2 })), [c, b]);
    assert.deepEqual(ids(await store.deliveries.list({ beforeId: b, limit: 2 })), [a]);
    assert.deepEqual(await store.deliveries.list({ limit: 0 }), []);
  });
}

function pruning(current: CurrentFixture): void {
  it('keeps the newest entries and reports how many went', async () => {
    const { store } = current();
    const appended: number[] = [];
    for (let seq = 1; seq <= 5; seq++) appended.push(await store.deliveries.append(attempt({ seq })));
    assert.equal(await store.deliveries.prune(2), 3);
    assert.deepEqual(ids(await store.deliveries.list()), appended.slice(3).reverse());
    assert.equal(await store.deliveries.prune(2), 0);
    assert.equal(await store.deliveries.prune(0), 2);
    assert.deepEqual(await store.deliveries.list(), []);
  });

  it('never reuses an id after pruning', async () => {
    const { store } = current();
    const first = await store.deliveries.append(attempt());
    await store.deliveries.prune(0);
    assert.ok((await store.deliveries.append(attempt())) > first);
  });

  it('commits with the outbox completion it records, and rolls back with it', async () => {
    const { store, clock } = current();
    const [seq] = await store.outbox.append([{ stream: 'A', payload: 'm' }]);
    await store.outbox.claim({ now: clock.now(), leaseMs: 1000, limit: 1, owner: 'w' });
    const failing = store.transaction(async (tx) => {
      await tx.deliveries.append(attempt({ seq: seq! }));
      throw new Error('abort');
    });
    await assert.rejects(failing, /abort/);
    assert.deepEqual(await store.deliveries.list(), []);
    await store.transaction(async (tx) => {
      await tx.outbox.complete(seq!, 'w');
      await tx.deliveries.append(attempt({ seq: seq! }));
      assert.equal((await tx.deliveries.list()).length, 1, 'visible inside its transaction');
      assert.deepEqual(await store.deliveries.list(), [], 'invisible outside until commit');
    });
    assert.deepEqual((await store.deliveries.list()).map((a) => a.seq), [seq]);
  });

  it('a rolled-back append leaves no trace for the next one', async () => {
    const { store } = current();
    const kept = await store.deliveries.append(attempt({ seq: 1 }));
    await assert.rejects(store.transaction(async (tx) => {
      await tx.deliveries.append(attempt({ seq: 2 }));
      throw new Error('abort');
    }));
    await store.deliveries.append(attempt({ seq: 3 }));
    assert.deepEqual((await store.deliveries.list()).map((a) => a.seq), [3, 1]);
    assert.equal((await store.deliveries.get(kept))?.seq, 1);
  });
}
