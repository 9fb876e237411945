import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LeaseLostError } from '../../../src/storage/errors.js';
import type { ClaimOptions, OutboxMessage } from '../../../src/storage/ports.js';
import type { CurrentFixture } from './fixture.js';

const LEASE_MS = 1000;

export function outboxContract(current: CurrentFixture): void {
  const claim = (owner: string, extra: Partial<ClaimOptions> = {}) =>
    current().store.outbox.claim<string>({ now: current().clock.now(), leaseMs: LEASE_MS, limit: 10, owner, ...extra });
  const append = async (...streams: string[]) =>
    current().store.outbox.append(streams.map((stream, i) => ({ stream, payload: `${stream}#${i}` })));

  describe('outbox: append and pending', () => appending(current, append));
  describe('outbox: claim order', () => claimOrder(current, append, claim));
  describe('outbox: leases', () => leases(current, append, claim));
  describe('outbox: ownership', () => ownership(current, append, claim));
}

type Append = (...streams: string[]) => Promise<number[]>;
type Claim = (owner: string, extra?: Partial<ClaimOptions>) => Promise<OutboxMessage<string>[]>;

const seqs = (messages: OutboxMessage[]) => messages.map((m) => m.seq);

function appending(current: CurrentFixture, append: Append): void {
  it('assigns increasing seqs and keeps messages pending in seq order', async () => {
    const { store, clock } = current();
    const appended = await append('A', 'B', 'A');
    assert.ok(appended[0]! < appended[1]! && appended[1]! < appended[2]!, `not increasing: ${appended}`);
    const pending = await store.outbox.pending<string>();
    assert.deepEqual(seqs(pending), appended);
    const first = pending[0]!;
    assert.deepEqual([first.stream, first.payload, first.createdAt, first.availableAt], ['A', 'A#0', clock.now(), clock.now()]);
    assert.deepEqual([first.attempts, first.lastError], [0, undefined]);
  });

  it('filters pending by stream', async () => {
    const appended = await append('A', 'B', 'A');
    assert.deepEqual(seqs(await current().store.outbox.pending('A')), [appended[0], appended[2]]);
    assert.deepEqual(await current().store.outbox.pending('none'), []);
  });

  it('never reuses a seq, even after the newest message is completed', async () => {
    const { store } = current();
    const [first] = await append('A');
    const [claimed] = await store.outbox.claim({ now: current().clock.now(), leaseMs: 1, limit: 1, owner: 'w' });
    await store.outbox.complete(claimed!.seq, 'w');
    const [second] = await append('A');
    assert.ok(second! > first!, `${second} should be greater than ${first}`);
  });

  it('keeps structured payloads as JSON', async () => {
    const { store } = current();
    const payload = { event: 'established', list: [1, { deep: true }], none: null };
    await store.outbox.append([{ stream: 'A', payload }]);
    assert.deepEqual((await store.outbox.pending())[0]?.payload, payload);
  });
}

function claimOrder(current: CurrentFixture, append: Append, claim: Claim): void {
  it('claims the head of each stream, oldest first, one per stream', async () => {
    const [a1, b1, , c1] = await append('A', 'B', 'A', 'C', 'B');
    const claimed = await claim('w1');
    assert.deepEqual(seqs(claimed), [a1, b1, c1]);
    assert.deepEqual(claimed.map((m) => m.attempts), [1, 1, 1]);
    assert.equal(claimed[0]?.payload, 'A#0');
  });

  it('respects the limit, taking the oldest heads first', async () => {
    const [c1, a1, b1] = await append('C', 'A', 'B');
    assert.deepEqual(seqs(await claim('w1', { limit: 2 })), [c1, a1]);
    assert.deepEqual(seqs(await claim('w2', { limit: 2 })), [b1]);
    assert.deepEqual(await claim('w3', { limit: 0 }), []);
  });

  it('does not claim before availableAt, and holds back the rest of the stream', async () => {
    const { store, clock } = current();
    const start = clock.now();
    const [late] = await store.outbox.append([{ stream: 'A', payload: 'late', availableAt: start + 500 }]);
    await append('A');
    assert.deepEqual(await claim('w1', { now: start + 499 }), []);
    assert.deepEqual(seqs(await claim('w1', { now: start + 500 })), [late]);
  });

  it('a leased head blocks its own stream but not the others', async () => {
    const [a1, a2, b1] = await append('A', 'A', 'B');
    assert.deepEqual(seqs(await claim('w1', { limit: 1 })), [a1]);
    assert.deepEqual(seqs(await claim('w2')), [b1]);
    await current().store.outbox.complete(a1!, 'w1');
    assert.deepEqual(seqs(await claim('w2')), [a2]);
  });

  it('completing removes the message from pending', async () => {
    const { store } = current();
    const [a1, a2] = await append('A', 'A');
    await claim('w1');
    await store.outbox.complete(a1!, 'w1');
    assert.deepEqual(seqs(await store.outbox.pending()), [a2]);
  });
}

function leases(current: CurrentFixture, append: Append, claim: Claim): void {
  it('hands a message to another owner once its lease has run out', async () => {
    const { clock } = current();
    const [a1] = await append('A');
    const start = clock.now();
    await claim('w1');
    assert.deepEqual(await claim('w2', { now: start + LEASE_MS - 1 }), []);
    const retaken = await claim('w2', { now: start + LEASE_MS });
    assert.deepEqual([seqs(retaken), retaken[0]?.attempts], [[a1], 2]);
  });

  it('the previous owner loses the message once another owner took it over', async () => {
    const { store, clock } = current();
    const [a1] = await append('A');
    await claim('w1');
    clock.advance(LEASE_MS);
    await claim('w2');
    await assert.rejects(store.outbox.complete(a1!, 'w1'), LeaseLostError);
    await store.outbox.complete(a1!, 'w2');
    assert.deepEqual(await store.outbox.pending(), []);
  });

  it('the owner may still complete after its lease ran out if nobody took over', async () => {
    const { store, clock } = current();
    const [a1] = await append('A');
    await claim('w1');
    clock.advance(LEASE_MS * 5);
    await store.outbox.complete(a1!, 'w1');
    assert.deepEqual(await store.outbox.pending(), []);
  });

  it('reschedule releases the lease, delays the message and keeps attempts and lastError', async () => {
    const { store, clock } = current();
    const [a1] = await append('A');
    const start = clock.now();
    await claim('w1');
    await store.outbox.reschedule(a1!, 'w1', start + 5000, 'HTTP 503');
    const [pending] = await store.outbox.pending();
    assert.deepEqual([pending?.availableAt, pending?.attempts, pending?.lastError], [start + 5000, 1, 'HTTP 503']);
    assert.deepEqual(await claim('w1', { now: start + 4999 }), []);
    const [again] = await claim('w2', { now: start + 5000 });
    assert.deepEqual([again?.seq, again?.attempts, again?.lastError], [a1, 2, 'HTTP 503']);
  });

  it('a rescheduled head blocks later messages of its stream only', async () => {
    const { store, clock } = current();
    const [a1, , b1] = await append('A', 'A', 'B');
    await claim('w1');
    await store.outbox.reschedule(a1!, 'w1', clock.now() + 5000, 'timeout');
    await store.outbox.complete(b1!, 'w1');
    const [b2] = await append('B');
    assert.deepEqual(seqs(await claim('w1')), [b2]);
  });
}

function ownership(current: CurrentFixture, append: Append, claim: Claim): void {
  it('only the owner may complete', async () => {
    const { store } = current();
    const [a1] = await append('A');
    await claim('w1');
    await assert.rejects(store.outbox.complete(a1!, 'w2'), LeaseLostError);
    assert.deepEqual(seqs(await store.outbox.pending()), [a1]);
    assert.deepEqual(await claim('w3'), [], 'the message must still be leased by w1');
  });

  it('only the owner may reschedule', async () => {
    const { store, clock } = current();
    const [a1] = await append('A');
    await claim('w1');
    await assert.rejects(store.outbox.reschedule(a1!, 'w2', clock.now() + 99, 'nope'), LeaseLostError);
    const [pending] = await store.outbox.pending();
    assert.deepEqual([pending?.availableAt, pending?.lastError], [clock.now(), undefined]);
    assert.deepEqual(await claim('w3'), []);
  });

  it('rejects completing a message nobody claimed, or one that does not exist', async () => {
    const { store } = current();
    const [a1] = await append('A');
    await assert.rejects(store.outbox.complete(a1!, 'w1'), LeaseLostError);
    await assert.rejects(store.outbox.complete(a1! + 1000, 'w1'), LeaseLostError);
    assert.deepEqual(seqs(await store.outbox.pending()), [a1]);
  });

  it('a rescheduled message needs a new claim before its owner can complete it', async () => {
    const { store, clock } = current();
    const [a1] = await append('A');
    await claim('w1');
    await store.outbox.reschedule(a1!, 'w1', clock.now(), 'retry');
    await assert.rejects(store.outbox.complete(a1!, 'w1'), LeaseLostError);
    assert.deepEqual(seqs(await claim('w2')), [a1]);
  });
}
