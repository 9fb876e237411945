/**
 * Races the store must win (issue 5: several nodes on one database). Writers alternate between the
 * fixture's store and, where the adapter offers one, a peer store on the same storage (another
 * node), so PostgreSQL is raced across connections and memory/SQLite across callers of one store.
 * Every race is bounded: fixed writer counts and a cap on retries.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { VersionConflictError, type Store, type StoredDoc } from '../../../src/storage/ports.js';
import type { CurrentFixture } from './fixture.js';

const WRITERS = 4;
const INCREMENTS = 8;
/** A loop that loses more races than this is broken, not unlucky. */
const MAX_TRIES = INCREMENTS * WRITERS * 4;

type Nodes = () => Store[];

export function concurrencyContract(current: CurrentFixture): void {
  describe('concurrency: two nodes on one storage', () => {
    let peer: Store | undefined;
    let opened = false;
    // Opened at the first test: the fixture (and so openPeer) exists only once a test begins.
    beforeEach(async () => {
      if (opened) return;
      opened = true;
      peer = await current().openPeer?.();
    });
    after(async () => {
      await peer?.close();
    });
    // The fixture's store is fresh per test; the peer (if any) stays open and sees its data.
    const nodes: Nodes = () => (peer ? [current().store, peer] : [current().store]);
    describe('concurrency: versioned documents', () => documentRaces(nodes));
    describe('concurrency: outbox', () => outboxRaces(current, nodes));
    describe('concurrency: timers', () => timerRaces(current, nodes));
  });
}

const nodeFor = (nodes: Nodes, i: number): Store => nodes()[i % nodes().length]!;

function documentRaces(nodes: Nodes): void {
  it('lets one of two writers with the same expectedVersion win; the other gets a conflict', async () => {
    const [a, b] = [nodeFor(nodes, 0), nodeFor(nodes, 1)];
    const base = await a.docs.put('call', 'race', { by: 'seed' });
    const results = await Promise.allSettled([
      a.transaction((tx) => tx.docs.put('call', 'race', { by: 'a' }, base.version)),
      b.transaction((tx) => tx.docs.put('call', 'race', { by: 'b' }, base.version)),
    ]);
    const won = results.filter((r): r is PromiseFulfilledResult<StoredDoc<{ by: string }>> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1, 'exactly one writer wins');
    assert.ok(lost[0]?.reason instanceof VersionConflictError, `the loser gets a version conflict: ${String(lost[0]?.reason)}`);
    const stored = await b.docs.get<{ by: string }>('call', 'race');
    assert.deepEqual(stored?.data, won[0]!.value.data, 'the stored document is the winner’s, never a silent overwrite');
    assert.equal(stored?.version, base.version + 1);
  });

  it('lets only one of two creators (expectedVersion 0) create a document', async () => {
    const results = await Promise.allSettled(
      [0, 1].map((i) => nodeFor(nodes, i).docs.put('call', 'fresh', { by: i }, 0)),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    assert.equal((await nodeFor(nodes, 0).docs.get('call', 'fresh'))?.version, 1);
  });

  it('keeps every increment of concurrent read-modify-write loops that retry on conflict', async () => {
    await nodeFor(nodes, 0).docs.put('counter', 'n', { value: 0 }, 0);
    const tries = await Promise.all(
      Array.from({ length: WRITERS }, (_, w) => incrementLoop(nodeFor(nodes, w), INCREMENTS)),
    );
    const stored = await nodeFor(nodes, 1).docs.get<{ value: number }>('counter', 'n');
    assert.equal(stored?.data.value, WRITERS * INCREMENTS, `lost increments (tries per writer: ${tries})`);
    assert.equal(stored?.version, 1 + WRITERS * INCREMENTS);
  });
}

/** Adds one `times` times, re-reading after every conflict; returns how many writes it tried. */
async function incrementLoop(store: Store, times: number): Promise<number> {
  let tries = 0;
  for (let done = 0; done < times; ) {
    assert.ok(++tries <= MAX_TRIES, 'too many conflicts: a writer never wins');
    const current = await store.docs.get<{ value: number }>('counter', 'n');
    try {
      await store.docs.put('counter', 'n', { value: current!.data.value + 1 }, current!.version);
      done++;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return tries;
}

function outboxRaces(current: CurrentFixture, nodes: Nodes): void {
  it('keeps each writer’s appends to one stream in order, with seqs increasing along the stream', async () => {
    const appended = await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const store = nodeFor(nodes, w);
        for (let i = 0; i < INCREMENTS; i++) {
          await store.transaction((tx) => tx.outbox.append([{ stream: 'call-1', payload: { w, i } }]));
        }
      }),
    );
    assert.equal(appended.length, WRITERS);
    const pending = await current().store.outbox.pending<{ w: number; i: number }>('call-1');
    assert.equal(pending.length, WRITERS * INCREMENTS);
    for (let w = 0; w < WRITERS; w++) {
      assert.deepEqual(pending.filter((m) => m.payload.w === w).map((m) => m.payload.i), [...Array(INCREMENTS).keys()]);
    }
    const delivered = await drainOneStream(current, nodes);
    assert.deepEqual(delivered, pending.map((m) => m.seq), 'claims hand the stream out in seq order');
  });

  it('never hands one message to two concurrent claimers, and at most one per stream', async () => {
    const streams = Array.from({ length: 6 }, (_, i) => `call-${i}`);
    await current().store.outbox.append(streams.flatMap((stream) => [{ stream, payload: 1 }, { stream, payload: 2 }]));
    const now = current().clock.now();
    const batches = await Promise.all(
      Array.from({ length: WRITERS }, (_, w) =>
        nodeFor(nodes, w).outbox.claim({ now, leaseMs: 60_000, limit: 3, owner: `node-${w}` }),
      ),
    );
    const claimed = batches.flat();
    assertUnique(claimed.map((m) => m.seq), 'a message was claimed twice');
    assertUnique(claimed.map((m) => m.stream), 'two messages of one stream were in flight at once');
    assert.equal(claimed.length, streams.length, 'every stream head was claimed by someone');
  });
}

/** Claims, checks and completes the head of call-1 until it is empty; returns the seqs in claim order. */
async function drainOneStream(current: CurrentFixture, nodes: Nodes): Promise<number[]> {
  const order: number[] = [];
  for (let round = 0; round < WRITERS * INCREMENTS + 1; round++) {
    const store = nodeFor(nodes, round);
    const [head] = await store.outbox.claim({ now: current().clock.now(), leaseMs: 60_000, limit: 5, owner: 'drain' });
    if (!head) break;
    order.push(head.seq);
    await store.outbox.complete(head.seq, 'drain');
  }
  return order;
}

function timerRaces(current: CurrentFixture, nodes: Nodes): void {
  it('never hands one due timer to two concurrent claimers', async () => {
    const { store, clock } = current();
    const keys = Array.from({ length: 10 }, (_, i) => `timer-${i}`);
    for (const key of keys) await store.timers.set(key, clock.now() - 1, { key });
    const batches = await Promise.all(
      Array.from({ length: WRITERS }, (_, w) =>
        nodeFor(nodes, w).timers.claimDue({ now: clock.now(), leaseMs: 60_000, limit: 4, owner: `node-${w}` }),
      ),
    );
    const claimed = batches.flat().map((t) => t.key);
    assertUnique(claimed, 'a timer was claimed twice');
    assert.deepEqual([...claimed].sort(), [...keys].sort(), 'every due timer was claimed by someone');
  });
}

function assertUnique(values: (number | string)[], message: string): void {
  const seen = new Set(values);
  assert.equal(seen.size, values.length, `${message}: ${values.join(', ')}`);
}
