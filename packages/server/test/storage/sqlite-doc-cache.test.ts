import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { freezeJson } from '../../src/storage/shared/frozen-json.js';
import { readShared } from '../../src/storage/shared/shared-reads.js';
import { DocCache, keyOf } from '../../src/storage/sqlite/doc-cache.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';

describe('sqlite store: committed-document cache', () => {
  let dir = '';
  let store: SqliteStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-doc-cache-'));
    store = SqliteStore.open(join(dir, 'test.db'), new ManualClock(1_700_000_000_000));
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a write made after a read (the cached copy is forgotten at commit)', async () => {
    await store.docs.put('call', 'c1', { state: 'establishing' });
    assert.deepEqual((await store.docs.get('call', 'c1'))?.data, { state: 'establishing' });
    await store.docs.put('call', 'c1', { state: 'established' }, 1);
    const read = await store.docs.get('call', 'c1');
    assert.deepEqual([read?.data, read?.version], [{ state: 'established' }, 2]);
    await store.docs.delete('call', 'c1');
    assert.equal(await store.docs.get('call', 'c1'), undefined);
  });

  it('shows a transaction’s writes only once it commits, and never those of a rolled-back one', async () => {
    await store.docs.put('call', 'c1', { n: 1 });
    await store.docs.get('call', 'c1');
    await store.transaction(async (tx) => {
      await tx.docs.put('call', 'c1', { n: 2 });
      assert.deepEqual((await store.docs.get('call', 'c1'))?.data, { n: 1 }, 'outside the open transaction: the committed value');
    });
    assert.deepEqual((await store.docs.get('call', 'c1'))?.data, { n: 2 });
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.docs.put('call', 'c1', { n: 3 });
        await store.docs.get('call', 'c1');
        throw new Error('abort');
      }),
      /abort/,
    );
    assert.deepEqual((await store.docs.get('call', 'c1'))?.data, { n: 2 });
  });

  it('gives every read its own copy', async () => {
    await store.docs.put('call', 'c1', { roster: ['a'] });
    const first = await store.docs.get<{ roster: string[] }>('call', 'c1');
    first?.data.roster.push('mutated');
    assert.deepEqual((await store.docs.get('call', 'c1'))?.data, { roster: ['a'] });
  });

  it('shares one frozen value per committed version, and a new one once a write commits', async () => {
    await store.docs.put('call', 'c1', { roster: ['a'] });
    const first = await readShared<{ roster: string[] }>(store.docs, 'call', 'c1');
    const again = await readShared<{ roster: string[] }>(store.docs, 'call', 'c1');
    assert.equal(again?.data, first?.data, 'decoded once, then shared');
    assert.ok(Object.isFrozen(first?.data) && Object.isFrozen(first?.data.roster));
    assert.throws(() => first?.data.roster.push('mutated'), TypeError);
    await store.transaction(async (tx) => {
      await tx.docs.put('call', 'c1', { roster: ['a', 'b'] }, 1);
      assert.equal((await readShared(store.docs, 'call', 'c1'))?.data, first?.data, 'the open transaction is not seen');
    });
    const after = await readShared<{ roster: string[] }>(store.docs, 'call', 'c1');
    assert.deepEqual([after?.data, after?.version], [{ roster: ['a', 'b'] }, 2]);
    assert.deepEqual(first?.data, { roster: ['a'] }, 'an earlier shared value never changes');
  });

  it('keeps get a private copy even after a shared read of the same version', async () => {
    await store.docs.put('call', 'c1', { roster: ['a'] });
    await readShared(store.docs, 'call', 'c1');
    const copy = await store.docs.get<{ roster: string[] }>('call', 'c1');
    assert.equal(Object.isFrozen(copy?.data), false);
    copy?.data.roster.push('mutated');
    assert.deepEqual((await readShared(store.docs, 'call', 'c1'))?.data, { roster: ['a'] });
  });

  it('reads inside a transaction through getShared see the transaction’s own writes', async () => {
    await store.docs.put('call', 'c1', { n: 1 });
    await readShared(store.docs, 'call', 'c1');
    await store.transaction(async (tx) => {
      await tx.docs.put('call', 'c1', { n: 2 }, 1);
      assert.deepEqual((await readShared(tx.docs, 'call', 'c1'))?.data, { n: 2 });
    });
  });

  it('serves a transaction the committed value until it writes the document, and keeps no rolled-back value', async () => {
    await store.docs.put('call', 'c1', { n: 1 });
    const committed = (await readShared(store.docs, 'call', 'c1'))?.data;
    await assert.rejects(
      store.transaction(async (tx) => {
        assert.equal((await readShared(tx.docs, 'call', 'c1'))?.data, committed, 'the shared committed value');
        await tx.docs.put('call', 'c1', { n: 2 }, 1);
        assert.deepEqual((await readShared(tx.docs, 'call', 'c1'))?.data, { n: 2 });
        assert.deepEqual((await tx.docs.get('call', 'c1'))?.data, { n: 2 });
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.deepEqual((await readShared(store.docs, 'call', 'c1'))?.data, { n: 1 });
    await store.transaction(async (tx) => {
      assert.deepEqual((await readShared(tx.docs, 'call', 'c1'))?.data, { n: 1 });
      await tx.docs.put('call', 'c1', { n: 3 }, 1);
    });
    assert.deepEqual((await store.docs.get('call', 'c1'))?.data, { n: 3 });
    assert.deepEqual((await readShared(store.docs, 'call', 'c1'))?.data, { n: 3 });
  });
  it('keeps a committed write of a document it holds: the frozen value written, or the row to decode', async () => {
    await store.docs.put('call', 'c1', { n: 1 });
    await readShared(store.docs, 'call', 'c1');
    const written = freezeJson({ n: 2 });
    await store.transaction(async (tx) => tx.docs.put('call', 'c1', written, 1));
    const shared = await readShared(store.docs, 'call', 'c1');
    assert.equal(shared?.data, written, 'the very value written: the row was not read again');
    assert.equal(shared?.version, 2);
    await store.transaction(async (tx) => tx.docs.put('call', 'c1', { n: 3 }, 2));
    const fresh = SqliteStore.open(join(dir, 'test.db'), new ManualClock(0));
    try {
      assert.deepEqual(await store.docs.get('call', 'c1'), await fresh.docs.get('call', 'c1'), 'what the cache keeps is the row as committed');
    } finally {
      await fresh.close();
    }
  });
});

describe('DocCache', () => {
  const row = (id: string) => ({ kind: 'k', id, version: 1, data: '{}', updated_at: 0 });

  it('keeps at most its capacity, the oldest going first', () => {
    const cache = new DocCache(2);
    for (const id of ['a', 'b', 'c']) cache.remember(row(id));
    assert.equal(cache.get('k', 'a'), undefined);
    assert.equal(cache.get('k', 'c')?.id, 'c');
  });

  it('forgets the keys a transaction wrote, in any kind, and counts only what it still holds', () => {
    const cache = new DocCache(2);
    cache.remember(row('a'));
    cache.remember({ ...row('a'), kind: 'other' });
    cache.forget([keyOf('k', 'a'), keyOf('k', 'never-cached')]);
    assert.equal(cache.get('k', 'a'), undefined);
    assert.equal(cache.get('other', 'a')?.kind, 'other');
    cache.remember(row('b'));
    assert.equal(cache.get('other', 'a')?.kind, 'other', 'the forgotten key made room: nothing evicted');
    assert.equal(cache.get('k', 'b')?.id, 'b');
  });
});
