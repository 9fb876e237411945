import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { CALLBACK_STREAM } from '../../src/notify/callback-message.js';
import { MemoryStore } from '../../src/storage/memory/memory-store.js';
import type { Store } from '../../src/storage/ports.js';
import { startWebhookReceiver, type ReceivedCallback } from '../helpers/webhook-receiver.js';
import { startHarness, type Harness, type HarnessOptions } from './dispatcher-harness.js';
import { APP_ID, NOW, TENANT_ID, callbackMessage, enqueue, summaryOf } from './fixtures.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TEST = { timeout: 20_000 };

const is = (summary: string) => (callback: ReceivedCallback) => summaryOf(callback.body) === summary;

describe('callback dispatcher', () => {
  let h: Harness | undefined;
  const start = async (options?: HarnessOptions) => (h = await startHarness(options));
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('POSTs the body with a token a bot validates through the OpenID metadata, and logs the attempt', TEST, async () => {
    const { receiver, store, dispatcher, send } = await start();
    const message = callbackMessage('call-a', receiver.url, 'call established');
    const [seq] = await send(message);
    const callback = await receiver.waitFor(is('call established'));
    await dispatcher.drained();
    assert.equal(callback.valid, true, callback.validationError);
    assert.equal(callback.method, 'POST');
    assert.deepEqual(callback.body, message.body);
    assert.equal(callback.headers['content-type'], 'application/json');
    assert.match(callback.headers['user-agent'] ?? '', /^Switchboard-Callbacks\/\d/);
    assert.match(String(callback.headers['request-id']), UUID);
    assert.match(String(callback.headers['client-request-id']), UUID);
    const iat = Math.floor(NOW / 1000);
    assert.deepEqual(callback.claims, { aud: APP_ID, iss: 'https://api.botframework.com', iat, nbf: iat, exp: iat + 3900, tid: TENANT_ID });
    const [entry, ...more] = await store.deliveries.list();
    assert.equal(more.length, 0);
    assert.deepEqual(
      { ...entry, id: 0, latencyMs: 0 },
      {
        id: 0, seq, callId: 'call-a', appId: APP_ID, tenantId: TENANT_ID, url: receiver.url, attempt: 1, at: NOW, status: 202, latencyMs: 0,
        outcome: 'delivered', summary: 'call established', requestId: callback.headers['request-id'], payload: message.body, jwtClaims: callback.claims,
      },
    );
    assert.equal(typeof entry?.latencyMs, 'number');
  });

  it('delivers in order per call: a failing head holds back its own call only', TEST, async () => {
    const failedOnce = new Set<string>();
    const respond = (callback: ReceivedCallback) => {
      const summary = summaryOf(callback.body) ?? '';
      if (summary !== 'A1' || failedOnce.has(summary)) return 202;
      failedOnce.add(summary);
      return 503;
    };
    const { receiver, dispatcher, send, advance, logEntry } = await start({ respond });
    await send(callbackMessage('A', receiver.url, 'A1'), callbackMessage('A', receiver.url, 'A2'), callbackMessage('B', receiver.url, 'B1'));
    await receiver.waitFor(is('B1'));
    const failed = await logEntry((e) => e.summary === 'A1');
    assert.deepEqual([failed.outcome, failed.status, failed.error], ['retrying', 503, 'HTTP 503']);
    await sleep(100);
    assert.equal(receiver.received.some(is('A2')), false, 'A2 must wait for A1');
    advance(1000);
    await dispatcher.drained();
    const ofA = receiver.received.filter((c) => c.path && summaryOf(c.body)?.startsWith('A'));
    assert.deepEqual(ofA.map((c) => [summaryOf(c.body), c.status]), [['A1', 503], ['A1', 202], ['A2', 202]]);
    assert.ok(receiver.received.findIndex(is('B1')) < receiver.received.lastIndexOf(ofA[1]!), 'B1 went out while A1 waited');
    assert.ok(receiver.received.every((c) => c.valid), 'every token validates');
  });

  it('delivers different calls concurrently, never more than `concurrency` at once', TEST, async () => {
    let active = 0;
    let peak = 0;
    const respond = async () => {
      peak = Math.max(peak, ++active);
      await sleep(100);
      active--;
      return 202;
    };
    const { receiver, dispatcher, send } = await start({ respond, dispatcher: { concurrency: 2 } });
    await send(...['C1', 'C2', 'C3', 'C4', 'C5'].map((callId) => callbackMessage(callId, receiver.url, callId)));
    await dispatcher.drained();
    assert.equal(receiver.received.length, 5);
    assert.equal(peak, 2);
  });

  it('backs off 1 s, 2 s … in clock time and abandons after the last attempt', TEST, async () => {
    const { receiver, store, dispatcher, send, advance, logEntry } = await start({ respond: () => 500 });
    const [seq] = await send(callbackMessage('X', receiver.url, 'X1'));
    await logEntry((e) => e.attempt === 1);
    const [waiting] = await store.outbox.pending();
    assert.deepEqual([waiting?.availableAt, waiting?.attempts, waiting?.lastError], [NOW + 1000, 1, 'HTTP 500']);
    await sleep(100);
    assert.equal(receiver.received.length, 1, 'nothing is sent before the backoff has passed');
    advance(1000);
    await logEntry((e) => e.attempt === 2);
    assert.equal((await store.outbox.pending())[0]?.availableAt, NOW + 1000 + 2000);
    advance(2000);
    await logEntry((e) => e.attempt === 3);
    await dispatcher.drained();
    const log = await store.deliveries.list({ seq });
    assert.deepEqual(log.map((e) => [e.attempt, e.outcome, e.status]), [[3, 'abandoned', 500], [2, 'retrying', 500], [1, 'retrying', 500]]);
    assert.deepEqual(await store.outbox.pending(), []);
  });

  it('takes a last chance at the max age, then abandons', TEST, async () => {
    const { receiver, store, dispatcher, send, advance, logEntry } = await start({ respond: () => 500, config: { callbackMaxAttempts: 100, callbackMaxAgeMs: 1500 } });
    await send(callbackMessage('X', receiver.url, 'X1'));
    await logEntry((e) => e.attempt === 1);
    advance(1000);
    await logEntry((e) => e.attempt === 2);
    assert.equal((await store.outbox.pending())[0]?.availableAt, NOW + 1500, 'the 2 s retry is moved up to the max age');
    advance(500);
    const last = await logEntry((e) => e.attempt === 3);
    assert.equal(last.outcome, 'abandoned');
    await dispatcher.drained();
  });

  it('never follows a redirect: a 3xx is a failed attempt', TEST, async () => {
    const elsewhere = await startWebhookReceiver();
    try {
      const respond = () => ({ status: 302, headers: { location: elsewhere.url } });
      const { receiver, send, logEntry } = await start({ respond, config: { callbackMaxAttempts: 1 } });
      await send(callbackMessage('R', receiver.url, 'R1'));
      const entry = await logEntry((e) => e.summary === 'R1');
      assert.equal(entry.outcome, 'abandoned');
      assert.equal(entry.status, 302);
      assert.equal(entry.error, `HTTP 302: redirect to ${elsewhere.url} not followed (callbacks never follow redirects)`);
      await sleep(50);
      assert.deepEqual(elsewhere.received, []);
    } finally {
      await elsewhere.close();
    }
  });

  it('gives up on an attempt after callbackTimeoutMs', TEST, async () => {
    let release!: () => void;
    const released = new Promise<number>((resolve) => (release = () => resolve(202)));
    try {
      const { receiver, send, logEntry } = await start({ respond: () => released, config: { callbackTimeoutMs: 200, callbackMaxAttempts: 1 } });
      await send(callbackMessage('T', receiver.url, 'T1'));
      const entry = await logEntry((e) => e.summary === 'T1');
      assert.equal(entry.outcome, 'abandoned');
      assert.equal(entry.status, undefined);
      assert.equal(entry.error, 'no answer within 200 ms (callbackTimeoutMs)');
      assert.ok((entry.latencyMs ?? 0) >= 150 && (entry.latencyMs ?? 0) < 2000, `latency ${entry.latencyMs}`);
    } finally {
      release();
    }
  });

  it('refuses, without sending, a URL the policy does not allow', TEST, async () => {
    const { send, dispatcher, logEntry } = await start();
    await send(callbackMessage('M', 'http://169.254.169.254/latest/meta-data', 'M1'));
    const entry = await logEntry((e) => e.summary === 'M1');
    assert.deepEqual([entry.outcome, entry.attempt, entry.status, entry.jwtClaims], ['abandoned', 1, undefined, {}]);
    assert.match(entry.error ?? '', /host '169\.254\.169\.254' are not allowed/);
    await dispatcher.drained();
  });

  it('keeps running when the store fails, and logs it', TEST, async () => {
    const { receiver, send, logged, dispatcher, store } = await start();
    const claim = store.outbox.claim.bind(store.outbox);
    let failures = 0;
    store.outbox.claim = async (options) => {
      if (failures++ < 2) throw new Error('disk on fire');
      return claim(options);
    };
    await send(callbackMessage('F', receiver.url, 'F1'));
    await receiver.waitFor(is('F1'));
    await dispatcher.drained();
    assert.ok(logged.some((l) => l.level === 'error' && /claiming from the outbox failed/.test(l.message)));
  });

  it('drops an outbox message that is not a callback instead of blocking its stream', TEST, async () => {
    const { store, wake, dispatcher, logged } = await start();
    await store.outbox.append([{ stream: CALLBACK_STREAM('odd'), payload: { kind: 'something-else' } }]);
    wake.notify();
    await dispatcher.drained();
    assert.ok(logged.some((l) => l.level === 'error' && /not a callback/.test(l.message)));
  });

  it('prunes the delivery log to the newest keepAttempts entries', TEST, async () => {
    const entry = { seq: 1, callId: 'c', appId: APP_ID, tenantId: TENANT_ID, url: 'http://localhost/', attempt: 1, at: NOW, outcome: 'delivered' as const, summary: 's', payload: {}, jwtClaims: {} };
    const clock = new ManualClock(NOW);
    const store: Store = new MemoryStore(clock);
    for (let i = 0; i < 5; i++) await store.deliveries.append({ ...entry, seq: i });
    await start({ store, clock, dispatcher: { keepAttempts: 2 } });
    const deadline = performance.now() + 5000;
    while ((await store.deliveries.list()).length > 2 && performance.now() < deadline) await sleep(5);
    assert.deepEqual((await store.deliveries.list()).map((e) => e.seq), [4, 3]);
    await h?.close();
    h = undefined;
    await store.close();
  });

  it('drained() reads the outbox only once a claim made after the call found nothing', TEST, async () => {
    const store = new MemoryStore(new ManualClock(NOW));
    const pending = store.outbox.pending.bind(store.outbox);
    const sizesRead: number[] = [];
    store.outbox.pending = async <T>(stream?: string) => {
      const found = await pending<T>(stream);
      sizesRead.push(found.length);
      return found;
    };
    const { receiver, dispatcher } = await start({ store, dispatcher: { pollMs: 60_000 } });
    await dispatcher.drained();
    // Appended without a nudge: the loop's last claim, from before, found nothing.
    await enqueue(store, callbackMessage('D', receiver.url, 'D1'), callbackMessage('E', receiver.url, 'E1'));
    await dispatcher.drained();
    assert.equal(receiver.received.length, 2);
    assert.deepEqual(sizesRead.filter((size) => size > 0), []);
    await h?.close();
    h = undefined;
    await store.close();
  });

  it('claims nothing after stop()', TEST, async () => {
    const harness = await start();
    await harness.dispatcher.stop();
    await harness.send(callbackMessage('S', harness.receiver.url, 'S1'));
    await sleep(100);
    assert.deepEqual(harness.receiver.received, []);
    assert.equal((await harness.store.outbox.pending()).length, 1);
  });
});
