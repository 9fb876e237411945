/**
 * Per-stream order across nodes: two (three) PostgresStores on one database stand for nodes.
 * A seq is drawn at INSERT but visible at COMMIT, so without the per-stream append lock a claimer
 * could see a newer message of a stream as its head while an older one is still uncommitted on
 * another node. Skipped, with the reason, when no PostgreSQL answers (see postgres-server.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ManualClock } from '../../src/domain/clock.js';
import { PostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { createTestDatabase, unreachableReason, type TestDatabase } from './postgres-server.js';

const skip = await unreachableReason();
if (skip) process.stderr.write(`${skip}\n`);

/** Long enough for an unlocked append to commit on a loopback database; the locked one must still wait. */
const SETTLE_MS = 300;

describe('postgres store: per-stream order across nodes', { skip: skip ?? false }, () => {
  const clock = new ManualClock(1_700_000_000_000);
  let database: TestDatabase;
  let [a, b, claimer]: PostgresStore[] = [];
  before(async () => {
    database = await createTestDatabase();
    [a, b, claimer] = await Promise.all([1, 2, 3].map(() => PostgresStore.open(database.url, clock)));
  });
  after(async () => {
    await Promise.all([a, b, claimer].map((s) => s?.close()));
    await database?.drop();
  });

  it('makes a second node’s append to a stream wait until the first node’s append has committed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let appendedA!: () => void;
    const inserted = new Promise<void>((resolve) => (appendedA = resolve));
    const first = a!.transaction(async (tx) => {
      const [seq] = await tx.outbox.append([{ stream: 'call-1', payload: 'older' }]);
      appendedA();
      await gate;
      return seq!;
    });
    await inserted;
    let secondDone = false;
    const second = b!.outbox.append([{ stream: 'call-1', payload: 'newer' }]).then(([seq]) => ((secondDone = true), seq!));
    // The third node: B's own transactions queue behind its waiting append (one at a time per store).
    const otherStream = await claimer!.outbox.append([{ stream: 'call-2', payload: 'unrelated' }]);
    assert.equal(otherStream.length, 1, 'another stream is not held up');

    await sleep(SETTLE_MS);
    assert.equal(secondDone, false, 'node B waits for node A’s open append to the same stream');
    const meanwhile = await claimer!.outbox.claim({ now: clock.now(), leaseMs: 60_000, limit: 10, owner: 'c' });
    assert.deepEqual(meanwhile.map((m) => m.payload), ['unrelated'], 'nothing of call-1 is claimable while its head is uncommitted');

    release();
    const [olderSeq, newerSeq] = await Promise.all([first, second]);
    assert.ok(olderSeq < newerSeq, `seq order is commit order (${olderSeq} < ${newerSeq})`);
    const heads = await claimer!.outbox.claim({ now: clock.now(), leaseMs: 60_000, limit: 10, owner: 'c' });
    assert.deepEqual(heads.map((m) => m.payload), ['older']);
    await claimer!.outbox.complete(heads[0]!.seq, 'c');
    const next = await claimer!.outbox.claim({ now: clock.now(), leaseMs: 60_000, limit: 10, owner: 'c' });
    assert.deepEqual(next.map((m) => m.payload), ['newer']);
  });

  it('keeps a stream’s order when many nodes append to it at once', async () => {
    const stores = [a!, b!, claimer!];
    // Each node appends its own numbered messages in order; seq must agree with each node's order.
    await Promise.all(stores.map(async (store, node) => {
      for (let i = 0; i < 20; i++) await store.outbox.append([{ stream: 'busy', payload: { node, i } }]);
    }));
    const pending = await a!.outbox.pending<{ node: number; i: number }>('busy');
    assert.equal(pending.length, 60);
    for (const node of [0, 1, 2]) {
      const mine = pending.filter((m) => m.payload.node === node).map((m) => m.payload.i);
      assert.deepEqual(mine, [...mine].sort((x, y) => x - y), `node ${node}'s messages keep their order`);
    }
  });
});
