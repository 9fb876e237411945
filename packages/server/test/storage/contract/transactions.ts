import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VersionConflictError, type Store, type StoreTx } from '../../../src/storage/ports.js';
import { yieldTurns, type CurrentFixture } from './fixture.js';

export function transactionContract(current: CurrentFixture): void {
  describe('transactions: atomicity', () => atomicity(current));
  describe('transactions: lifecycle', () => lifecycle(current));
  describe('transactions: isolation and ordering', () => isolation(current));
}

/** Everything a store holds, in a comparable form. */
async function snapshot(store: Store) {
  return {
    docs: await store.docs.list('call'),
    outbox: await store.outbox.pending(),
    timers: [await store.timers.get('t1'), await store.timers.get('t2')],
  };
}

async function seed(store: Store): Promise<void> {
  await store.docs.put('call', 'c1', { state: 'established' });
  await store.outbox.append([{ stream: 'A', payload: 'seeded' }]);
  await store.timers.set('t1', 100, 'seeded');
}

function atomicity(current: CurrentFixture): void {
  it('commits docs, outbox and timers together and returns the result', async () => {
    const { store } = current();
    const result = await store.transaction(async (tx) => {
      await tx.docs.put('call', 'c1', { n: 1 });
      await tx.outbox.append([{ stream: 'A', payload: 'm' }]);
      await tx.timers.set('t1', 100, 'p');
      return 'done';
    });
    assert.equal(result, 'done');
    const after = await snapshot(store);
    assert.deepEqual([after.docs.length, after.outbox.length, after.timers[0]?.payload], [1, 1, 'p']);
  });

  it('discards every kind of write when work throws, and rethrows', async () => {
    const { store, clock } = current();
    await seed(store);
    const before = await snapshot(store);
    const boom = new Error('boom');
    const failing = store.transaction(async (tx) => {
      await writeEverything(tx, clock.now());
      throw boom;
    });
    await assert.rejects(failing, (error) => error === boom);
    assert.deepEqual(await snapshot(store), before);
    const [claimed] = await store.outbox.claim({ now: clock.now(), leaseMs: 10, limit: 1, owner: 'w2' });
    assert.equal(claimed?.attempts, 1, 'the rolled-back claim must not count');
  });

  it('rolls back a delete', async () => {
    const { store } = current();
    await store.docs.put('call', 'c1', { keep: true });
    const failing = store.transaction(async (tx) => {
      assert.equal(await tx.docs.delete('call', 'c1'), true);
      throw new Error('abort');
    });
    await assert.rejects(failing, /abort/);
    assert.deepEqual((await store.docs.get('call', 'c1'))?.data, { keep: true });
  });

  it('a version conflict rolls back the writes made before it', async () => {
    const { store } = current();
    await store.docs.put('call', 'taken', {});
    const failing = store.transaction(async (tx) => {
      await tx.docs.put('call', 'fresh', {});
      await tx.docs.put('call', 'taken', {}, 0);
    });
    await assert.rejects(failing, VersionConflictError);
    assert.equal(await store.docs.get('call', 'fresh'), undefined);
  });
}

/** Touches every table: updates, inserts, a claim, a timer set and a cancel. */
async function writeEverything(tx: StoreTx, now: number): Promise<void> {
  await tx.docs.put('call', 'c1', { state: 'terminated' }, 1);
  await tx.docs.put('call', 'c2', { state: 'new' });
  await tx.outbox.append([{ stream: 'B', payload: 'new' }]);
  assert.equal((await tx.outbox.claim({ now, leaseMs: 10, limit: 10, owner: 'w1' })).length, 2);
  await tx.timers.set('t2', 200, 'new');
  await tx.timers.cancel('t1');
}

function lifecycle(current: CurrentFixture): void {
  it('a failed transaction does not block the next one', async () => {
    const { store } = current();
    await assert.rejects(store.transaction(async () => Promise.reject(new Error('first'))), /first/);
    await store.transaction(async (tx) => tx.docs.put('call', 'c1', {}));
    assert.equal((await store.docs.get('call', 'c1'))?.version, 1);
  });

  it('a tx cannot be used once its transaction has ended', async () => {
    const { store } = current();
    let leaked: StoreTx | undefined;
    await store.transaction(async (tx) => {
      leaked = tx;
    });
    await assert.rejects(async () => leaked?.docs.put('call', 'late', {}));
    await assert.rejects(async () => leaked?.outbox.append([{ stream: 'A', payload: 1 }]));
    assert.equal(await store.docs.get('call', 'late'), undefined);
    assert.deepEqual(await store.outbox.pending(), []);
  });
}

function isolation(current: CurrentFixture): void {
  it('sees its own writes inside, and nobody else does until commit', async () => {
    const { store } = current();
    await store.transaction(async (tx) => {
      await tx.docs.put('call', 'c1', { n: 1 });
      await tx.outbox.append([{ stream: 'A', payload: 'm' }]);
      await tx.timers.set('t1', 100, 'p');
      assert.equal((await tx.docs.list('call')).length, 1);
      assert.equal((await tx.outbox.pending()).length, 1);
      assert.ok(await tx.timers.get('t1'));
      assert.deepEqual(await snapshot(store), { docs: [], outbox: [], timers: [undefined, undefined] });
    });
    assert.equal((await snapshot(store)).docs.length, 1);
  });

  it('serializes concurrent read-modify-write transactions: no lost update', async () => {
    const { store } = current();
    await store.docs.put('counter', 'c', { n: 0 });
    const increment = () =>
      store.transaction(async (tx) => {
        const doc = await tx.docs.get<{ n: number }>('counter', 'c');
        await yieldTurns();
        await tx.docs.put('counter', 'c', { n: (doc?.data.n ?? 0) + 1 });
      });
    const loop = async () => {
      for (let i = 0; i < 50; i++) await increment();
    };
    await Promise.all([loop(), loop()]);
    const counter = await store.docs.get('counter', 'c');
    assert.deepEqual([counter?.data, counter?.version], [{ n: 100 }, 101]);
  });

  it('runs transactions one at a time, in the order they were started', async () => {
    const { store } = current();
    const events: string[] = [];
    const run = (name: string) =>
      store.transaction(async () => {
        events.push(`${name} start`);
        await yieldTurns(5);
        events.push(`${name} end`);
      });
    await Promise.all([run('first'), run('second'), run('third')]);
    assert.deepEqual(events, ['first start', 'first end', 'second start', 'second end', 'third start', 'third end']);
  });

  it('a write outside transaction() waits for the open transaction', async () => {
    const { store } = current();
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const open = store.transaction(async (tx) => {
      await tx.docs.put('call', 'c1', { by: 'transaction' });
      entered();
      await yieldTurns(10);
    });
    await inside;
    const direct = store.docs.put('call', 'c1', { by: 'direct' });
    await Promise.all([open, direct]);
    const doc = await store.docs.get('call', 'c1');
    assert.deepEqual([doc?.version, doc?.data], [2, { by: 'direct' }]);
  });
}
