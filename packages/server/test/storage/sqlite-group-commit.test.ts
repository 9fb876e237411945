import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { freezeJson } from '../../src/storage/shared/frozen-json.js';
import { readShared } from '../../src/storage/shared/shared-reads.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';

/** A transaction whose work waits for `gate` before it writes, so others queue up behind it. */
function gated(store: SqliteStore, id: string, gate: Promise<void>): Promise<string> {
  return store.transaction(async (tx) => {
    await gate;
    await tx.docs.put('call', id, { id });
    return id;
  });
}

const write = (store: SqliteStore, id: string): Promise<string> =>
  store.transaction(async (tx) => {
    await tx.docs.put('call', id, { id });
    return id;
  });

describe('sqlite store: group commit', () => {
  let dir = '';
  let store: SqliteStore;
  let other: SqliteStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-group-commit-'));
    store = SqliteStore.open(join(dir, 'test.db'), new ManualClock(1_700_000_000_000));
    other = SqliteStore.open(join(dir, 'test.db'), new ManualClock(1_700_000_000_000));
  });
  afterEach(async () => {
    await store.close();
    await other.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('commits the transactions that queued behind a running one together, and settles none before', async () => {
    let open!: () => void;
    const first = gated(store, 'a', new Promise((resolve) => (open = resolve)));
    const queued = [write(store, 'b'), write(store, 'c')];
    const seenWhenFirstSettled = first.then(async () => (await other.docs.list('call')).map((doc) => doc.id));
    open();
    assert.deepEqual(await seenWhenFirstSettled, ['a', 'b', 'c']);
    assert.deepEqual(await Promise.all(queued), ['b', 'c']);
  });

  it('keeps no value of a member it rolled back in the committed-document cache', async () => {
    await store.docs.put('call', 'c1', { n: 0 });
    await readShared(store.docs, 'call', 'c1');
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = store.transaction(async (tx) => {
      await gate;
      await tx.docs.put('call', 'c1', freezeJson({ n: 1 }));
    });
    const failing = store.transaction(async (tx) => {
      await tx.docs.put('call', 'c1', freezeJson({ n: 2 }));
      throw new Error('member failed');
    });
    const failed = assert.rejects(failing, /member failed/);
    open();
    await Promise.all([first, failed]);
    assert.deepEqual((await readShared(store.docs, 'call', 'c1'))?.data, { n: 1 });
    assert.deepEqual((await other.docs.get('call', 'c1'))?.data, { n: 1 });
  });

  it('rolls back only the member that failed, rejects it with its own error, and commits the rest', async () => {
    let open!: () => void;
    const first = gated(store, 'a', new Promise((resolve) => (open = resolve)));
    const failing = store.transaction(async (tx) => {
      await tx.docs.put('call', 'bad', { id: 'bad' });
      throw new Error('member failed');
    });
    const last = write(store, 'c');
    const failed = assert.rejects(failing, /member failed/);
    open();
    await failed;
    assert.deepEqual(await Promise.all([first, last]), ['a', 'c']);
    assert.deepEqual((await other.docs.list('call')).map((doc) => doc.id), ['a', 'c']);
  });

  it('keeps optimistic versions exact across members of one group', async () => {
    await write(store, 'v');
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = store.transaction(async (tx) => {
      await gate;
      return (await tx.docs.put('call', 'v', { n: 2 }, 1)).version;
    });
    const second = store.transaction(async (tx) => (await tx.docs.put('call', 'v', { n: 3 }, 1)).version);
    const third = store.transaction(async (tx) => (await tx.docs.put('call', 'v', { n: 3 }, 2)).version);
    open();
    const [one, two, three] = await Promise.allSettled([first, second, third]);
    assert.deepEqual(one, { status: 'fulfilled', value: 2 });
    assert.equal(two.status === 'rejected' && (two.reason as Error).name, 'VersionConflictError');
    assert.deepEqual(three, { status: 'fulfilled', value: 3 });
    assert.deepEqual((await other.docs.get('call', 'v'))?.data, { n: 3 });
  });

  it('drops cached documents before a transaction when another connection committed to the file', async () => {
    await write(store, 'shared');
    await store.docs.get('call', 'shared');
    await other.transaction(async (tx) => {
      await tx.docs.put('call', 'shared', { by: 'other' }, 1);
    });
    const seen = await store.transaction(async (tx) => (await tx.docs.get('call', 'shared'))?.data);
    assert.deepEqual(seen, { by: 'other' });
  });

  it('takes transactions queued while a group finishes in a later group', async () => {
    const ids = Array.from({ length: 200 }, (_, n) => `n${String(n).padStart(3, '0')}`);
    const results = await Promise.all(ids.map(async (id, n) => (n % 7 === 0 ? (await write(store, `${id}-x`), write(store, id)) : write(store, id))));
    assert.deepEqual(results, ids);
    assert.equal((await other.docs.list('call')).length, 200 + Math.ceil(200 / 7));
  });
});

describe('sqlite store: checkpoints off the event loop', () => {
  it('copies committed pages into the database file from its worker, without a commit doing it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-checkpoint-'));
    const path = join(dir, 'test.db');
    const store = SqliteStore.open(path, new ManualClock(1_700_000_000_000));
    try {
      const before = (await stat(path)).size;
      const text = 'x'.repeat(2000);
      for (let n = 0; n < 10; n++) {
        await Promise.all(Array.from({ length: 100 }, (_, k) => store.docs.put('blob', `${n}-${k}`, { text })));
      }
      const deadline = Date.now() + 5000;
      while ((await stat(path)).size < before + 1_000_000 && Date.now() < deadline) await sleep(50);
      assert.ok((await stat(path)).size >= before + 1_000_000, 'the database file holds the checkpointed pages');
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
