import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import type { CallbackMessage } from '../../src/notify/callback-message.js';
import type { FaultedDelivery } from '../../src/notify/callback-faults.js';
import { DeliveryRecorder } from '../../src/notify/delivery-recorder.js';
import { MemoryStore } from '../../src/storage/memory/memory-store.js';
import type { OutboxMessage, Store, StoreTx } from '../../src/storage/ports.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';
import { startHarness } from './dispatcher-harness.js';
import { APP_ID, NOW, TENANT_ID, callbackMessage, enqueue, summaryOf } from './fixtures.js';

const TEST = { timeout: 20_000 };
const LEASE = { leaseMs: 60_000, limit: 100 };

/** A MemoryStore whose transactions take a while and are counted, so outcomes queue behind one. */
function slowStore(clock: ManualClock): { store: Store; transactions: () => number } {
  const store = new MemoryStore(clock);
  let count = 0;
  const transaction = store.transaction.bind(store);
  store.transaction = async <T>(work: (tx: StoreTx) => Promise<T>): Promise<T> => {
    count += 1;
    return transaction(async (tx) => {
      await sleep(20);
      return work(tx);
    });
  };
  return { store, transactions: () => count };
}

function delivered(message: OutboxMessage<CallbackMessage>): FaultedDelivery {
  const { callId, url, summary, body } = message.payload;
  const entry = { seq: message.seq, callId, appId: APP_ID, tenantId: TENANT_ID, url, attempt: message.attempts, at: NOW, status: 202, latencyMs: 1, outcome: 'delivered' as const, summary, payload: body, jwtClaims: {} };
  return { entry, extra: [] };
}

async function claimed(store: Store, owner: string, ...summaries: string[]): Promise<OutboxMessage<CallbackMessage>[]> {
  await enqueue(store, ...summaries.map((summary) => callbackMessage(`call-${summary}`, 'https://bot.example/cb', summary)));
  return store.outbox.claim<CallbackMessage>({ now: NOW, owner, ...LEASE });
}

describe('delivery recorder', () => {
  it('writes outcomes that queue behind a commit in one transaction', TEST, async () => {
    const clock = new ManualClock(NOW);
    const { store, transactions } = slowStore(clock);
    const messages = await claimed(store, 'node-a', 'A', 'B', 'C', 'D', 'E');
    const before = transactions();
    const recorder = new DeliveryRecorder({ store, owner: 'node-a', leaseLost: () => assert.fail('no lease was lost') });
    await Promise.all(messages.map((message) => recorder.record(message, delivered(message))));
    assert.equal(transactions() - before, 2, 'the first alone, the four that queued behind it together');
    assert.equal((await store.outbox.pending()).length, 0);
    assert.deepEqual((await store.deliveries.list()).map((entry) => entry.summary).sort(), ['A', 'B', 'C', 'D', 'E']);
  });

  it('a lease lost by one message of a batch does not undo the others', TEST, async () => {
    const clock = new ManualClock(NOW);
    const { store } = slowStore(clock);
    const [first, ...mine] = await claimed(store, 'node-a', 'A', 'B', 'C');
    // Another node took message X over after our lease ran out.
    const [stolen] = await claimed(store, 'node-b', 'X');
    const lost: number[] = [];
    const recorder = new DeliveryRecorder({ store, owner: 'node-a', leaseLost: (message) => void lost.push(message.seq) });
    const queued = [first!, ...mine, stolen!].map((message) => recorder.record(message, delivered(message)));
    await Promise.all(queued);
    assert.deepEqual(lost, [stolen!.seq]);
    assert.deepEqual((await store.outbox.pending()).map((message) => message.seq), [stolen!.seq], 'X stays with node-b; A, B and C are done');
    assert.deepEqual((await store.deliveries.list()).map((entry) => entry.summary).sort(), ['A', 'B', 'C', 'X'], 'every attempt is logged');
  });

  it('waits one event-loop turn while other deliveries are in flight, so answers of that turn share a commit', TEST, async () => {
    for (const [busy, expected] of [[false, 2], [true, 1]] as const) {
      const clock = new ManualClock(NOW);
      const store = new MemoryStore(clock);
      let count = 0;
      const transaction = store.transaction.bind(store);
      store.transaction = <T>(work: (tx: StoreTx) => Promise<T>): Promise<T> => {
        count += 1;
        return transaction(work);
      };
      const messages = await claimed(store, 'node-a', 'A', 'B', 'C');
      const recorder = new DeliveryRecorder({ store, owner: 'node-a', leaseLost: () => assert.fail('no lease was lost'), othersInFlight: () => busy });
      const before = count;
      // A, B and C are answered in the same turn of the event loop, as several socket reads are.
      await Promise.all(messages.map((message) => recorder.record(message, delivered(message))));
      assert.equal(count - before, expected, busy ? 'one commit for the turn' : 'the first outcome is written at once, the rest after it');
      assert.equal((await store.outbox.pending()).length, 0);
    }
  });

  it('claims the next message of the call in the outcome transaction and launches it after the commit', TEST, async () => {
    const clock = new ManualClock(NOW);
    const { store, transactions } = slowStore(clock);
    const [head] = await claimed(store, 'node-a', 'A');
    await enqueue(store, callbackMessage('call-A', 'https://bot.example/cb', 'A2'));
    const launched: string[] = [];
    const before = transactions();
    const recorder = new DeliveryRecorder({
      store, owner: 'node-a', leaseLost: () => assert.fail('no lease was lost'),
      refill: { claim: (tx, freed) => tx.outbox.claim<CallbackMessage>({ now: NOW, owner: 'node-a', leaseMs: LEASE.leaseMs, limit: freed }), launch: (next) => void launched.push(...next.map((message) => message.payload.summary)) },
    });
    await recorder.record(head!, delivered(head!));
    assert.equal(transactions() - before, 1, 'outcome and claim share one commit');
    assert.deepEqual(launched, ['A2'], 'the call\'s next message became its head in the same transaction');
    assert.equal((await store.outbox.claim({ now: NOW, owner: 'node-b', ...LEASE })).length, 0, 'A2 is leased to node-a');
  });

  it('launches nothing when the outcome transaction fails', TEST, async () => {
    const clock = new ManualClock(NOW);
    const store = new MemoryStore(clock);
    const [head] = await claimed(store, 'node-a', 'A');
    await enqueue(store, callbackMessage('call-A', 'https://bot.example/cb', 'A2'));
    const launched: number[] = [];
    const recorder = new DeliveryRecorder({
      store, owner: 'node-a', leaseLost: () => undefined,
      refill: {
        claim: async (tx) => {
          await tx.outbox.claim({ now: NOW, owner: 'node-a', ...LEASE });
          throw new Error('store failed after the claim');
        },
        launch: (next) => void launched.push(...next.map((message) => message.seq)),
      },
    });
    await assert.rejects(recorder.record(head!, delivered(head!)), /store failed after the claim/);
    assert.deepEqual(launched, []);
    assert.equal((await store.outbox.pending()).length, 2, 'the outcome rolled back with the claim');
    assert.equal((await store.outbox.claim({ now: NOW, owner: 'node-b', ...LEASE })).length, 0, 'the head is still leased from before, A2 waits behind it');
  });
});

describe('callback dispatcher under a backlog', () => {
  it('keeps each call in order and logs each attempt once', TEST, async () => {
    const receiver = await startWebhookReceiver({ respond: () => 202 });
    const h = await startHarness({ receiver, dispatcher: { concurrency: 4 } });
    try {
      const calls = ['a', 'b', 'c', 'd', 'e', 'f'];
      const messages = Array.from({ length: 60 }, (_, i) => callbackMessage(`call-${calls[i % calls.length]}`, receiver.url, `${calls[i % calls.length]}${Math.floor(i / calls.length)}`));
      await h.send(...messages);
      await h.dispatcher.drained();
      for (const call of calls) {
        const order = receiver.received.map((callback) => summaryOf(callback.body) ?? '').filter((summary) => summary.startsWith(call));
        assert.deepEqual(order, Array.from({ length: 10 }, (_, k) => `${call}${k}`), `call ${call} in order, each once`);
      }
      const log = await h.store.deliveries.list();
      assert.equal(log.length, 60);
      assert.equal(new Set(log.map((entry) => entry.seq)).size, 60);
      assert.ok(log.every((entry) => entry.outcome === 'delivered' && entry.attempt === 1));
    } finally {
      await h.close();
      await receiver.close();
    }
  });
});
