import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VersionConflictError } from '../../../src/storage/ports.js';
import type { CurrentFixture } from './fixture.js';

const conflict = (expected: number, actual: number) => (error: unknown) =>
  error instanceof VersionConflictError && error.expected === expected && error.actual === actual;

export function documentContract(current: CurrentFixture): void {
  describe('documents: writes', () => writes(current));
  describe('documents: versioning', () => versioning(current));
  describe('documents: delete', () => deletion(current));
  describe('documents: list', () => listing(current));
}

function writes(current: CurrentFixture): void {
  it('returns undefined for a missing document', async () => {
    assert.equal(await current().store.docs.get('call', 'missing'), undefined);
  });

  it('creates at version 1, stamped with the clock', async () => {
    const { store, clock } = current();
    const created = await store.docs.put('call', 'c1', { state: 'establishing' });
    const expected = { kind: 'call', id: 'c1', version: 1, data: { state: 'establishing' }, updatedAt: clock.now() };
    assert.deepEqual(created, expected);
    assert.deepEqual(await store.docs.get('call', 'c1'), expected);
  });

  it('bumps the version and updatedAt on every write', async () => {
    const { store, clock } = current();
    await store.docs.put('call', 'c1', { n: 1 });
    clock.advance(250);
    const second = await store.docs.put('call', 'c1', { n: 2 });
    assert.deepEqual([second.version, second.updatedAt, second.data], [2, clock.now(), { n: 2 }]);
    assert.deepEqual(await store.docs.get('call', 'c1'), second);
  });

  it('round-trips JSON data of any shape', async () => {
    const { store } = current();
    const data = { s: 'é😀', n: -1.5, b: false, z: null, list: [1, 'two', { three: [3] }], empty: {} };
    await store.docs.put('call', 'shape', data);
    await store.docs.put('scalar', 'one', 42);
    assert.deepEqual((await store.docs.get('call', 'shape'))?.data, data);
    assert.equal((await store.docs.get('scalar', 'one'))?.data, 42);
  });

  it('shares no objects with the caller', async () => {
    const { store } = current();
    const data = { list: [1] };
    const written = await store.docs.put('call', 'c1', data);
    data.list.push(2);
    written.data.list.push(3);
    const read = await store.docs.get<{ list: number[] }>('call', 'c1');
    read?.data.list.push(4);
    assert.deepEqual((await store.docs.get('call', 'c1'))?.data, { list: [1] });
  });

  it('keeps kinds apart', async () => {
    const { store } = current();
    await store.docs.put('call', 'x', { from: 'call' });
    await store.docs.put('participant', 'x', { from: 'participant' });
    assert.deepEqual((await store.docs.get('call', 'x'))?.data, { from: 'call' });
    assert.deepEqual((await store.docs.get('participant', 'x'))?.data, { from: 'participant' });
    assert.deepEqual((await store.docs.list('call')).map((d) => d.data), [{ from: 'call' }]);
  });

}

function versioning(current: CurrentFixture): void {
  it('expectedVersion 0 creates only when the document is absent', async () => {
    const { store } = current();
    assert.equal((await store.docs.put('call', 'c1', { n: 1 }, 0)).version, 1);
    await assert.rejects(store.docs.put('call', 'c1', { n: 2 }, 0), conflict(0, 1));
    assert.deepEqual(await store.docs.get('call', 'c1').then((d) => [d?.version, d?.data]), [1, { n: 1 }]);
  });

  it('expectedVersion n writes only over version n', async () => {
    const { store } = current();
    await store.docs.put('call', 'c1', { n: 1 });
    assert.equal((await store.docs.put('call', 'c1', { n: 2 }, 1)).version, 2);
    await assert.rejects(store.docs.put('call', 'c1', { n: 3 }, 1), conflict(1, 2));
    assert.deepEqual(await store.docs.get('call', 'c1').then((d) => [d?.version, d?.data]), [2, { n: 2 }]);
  });

  it('expectedVersion n on a missing document conflicts and creates nothing', async () => {
    const { store } = current();
    await assert.rejects(store.docs.put('call', 'ghost', {}, 3), conflict(3, 0));
    assert.equal(await store.docs.get('call', 'ghost'), undefined);
  });

  it('names the document in the conflict', async () => {
    const { store } = current();
    await store.docs.put('call', 'c1', {});
    const error = await store.docs.put('call', 'c1', {}, 0).catch((e: unknown) => e);
    assert.ok(error instanceof VersionConflictError);
    assert.deepEqual([error.kind, error.id, error.name], ['call', 'c1', 'VersionConflictError']);
  });
}

function deletion(current: CurrentFixture): void {
  it('returns false when there is nothing to delete', async () => {
    assert.equal(await current().store.docs.delete('call', 'missing'), false);
  });

  it('deletes and returns true', async () => {
    const { store } = current();
    await store.docs.put('call', 'c1', {});
    await store.docs.put('call', 'c2', {});
    assert.equal(await store.docs.delete('call', 'c1'), true);
    assert.equal(await store.docs.get('call', 'c1'), undefined);
    assert.deepEqual((await store.docs.list('call')).map((d) => d.id), ['c2']);
  });

  it('deletes only the expected version', async () => {
    const { store } = current();
    await store.docs.put('call', 'c1', {});
    await store.docs.put('call', 'c1', {});
    await assert.rejects(store.docs.delete('call', 'c1', 1), conflict(1, 2));
    await assert.rejects(store.docs.delete('call', 'c1', 0), conflict(0, 2));
    assert.equal((await store.docs.get('call', 'c1'))?.version, 2);
    assert.equal(await store.docs.delete('call', 'c1', 2), true);
    assert.equal(await store.docs.get('call', 'c1'), undefined);
  });

  it('conflicts when deleting an expected version of a missing document', async () => {
    const { store } = current();
    await assert.rejects(store.docs.delete('call', 'ghost', 1), conflict(1, 0));
    assert.equal(await store.docs.delete('call', 'ghost', 0), false);
  });

  it('re-creates a deleted document from version 1', async () => {
    const { store } = current();
    await store.docs.put('call', 'c1', { n: 1 });
    await store.docs.put('call', 'c1', { n: 2 });
    await store.docs.delete('call', 'c1');
    const again = await store.docs.put('call', 'c1', { n: 3 }, 0);
    assert.deepEqual([again.version, again.data], [1, { n: 3 }]);
  });
}

async function putAll(current: CurrentFixture, kind: string, ids: string[]): Promise<void> {
  for (const id of ids) await current().store.docs.put(kind, id, { id });
}

async function listIds(current: CurrentFixture, kind: string, options = {}): Promise<string[]> {
  return (await current().store.docs.list(kind, options)).map((doc) => doc.id);
}

function listing(current: CurrentFixture): void {
  it('returns an empty list for an unknown kind', async () => {
    assert.deepEqual(await current().store.docs.list('nothing'), []);
  });

  it('orders by id, whatever the insertion order', async () => {
    await putAll(current, 'call', ['b', 'a10', 'c', 'a', 'a2']);
    assert.deepEqual(await listIds(current, 'call'), ['a', 'a10', 'a2', 'b', 'c']);
  });

  it('orders by code point, not by locale or UTF-16 unit', async () => {
    await putAll(current, 'call', ['b', '\u{1F600}', 'B', 'a', '_', '\uFFFD']);
    assert.deepEqual(await listIds(current, 'call'), ['B', '_', 'a', 'b', '\uFFFD', '\u{1F600}']);
  });

  it('lists current versions and data', async () => {
    const { store, clock } = current();
    await store.docs.put('call', 'c1', { n: 1 });
    clock.advance(10);
    const latest = await store.docs.put('call', 'c1', { n: 2 });
    assert.deepEqual(await store.docs.list('call'), [latest]);
  });

  it('filters by a literal idPrefix', async () => {
    await putAll(current, 'call', ['call-1', 'call-2', 'callx', 'call%1', 'call_1', 'cal', 'other', 'a*b', 'axb']);
    assert.deepEqual(await listIds(current, 'call', { idPrefix: 'call-' }), ['call-1', 'call-2']);
    assert.deepEqual(await listIds(current, 'call', { idPrefix: 'call%' }), ['call%1']);
    assert.deepEqual(await listIds(current, 'call', { idPrefix: 'call_' }), ['call_1']);
    assert.deepEqual(await listIds(current, 'call', { idPrefix: 'a*' }), ['a*b']);
    assert.deepEqual(await listIds(current, 'call', { idPrefix: 'zzz' }), []);
  });

  it('pages with afterId and limit, each id exactly once', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    await putAll(current, 'call', [...ids].reverse());
    const pages: string[][] = [];
    let afterId: string | undefined;
    // Bounded: an afterId that is not exclusive would page forever.
    for (let guard = 0; guard < 5; guard++) {
      const page = await listIds(current, 'call', { limit: 3, ...(afterId === undefined ? {} : { afterId }) });
      if (page.length === 0) break;
      pages.push(page);
      afterId = page.at(-1);
    }
    assert.deepEqual(pages, [['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
  });

  it('takes an afterId that is not a stored id', async () => {
    await putAll(current, 'call', ['a', 'c', 'e']);
    assert.deepEqual(await listIds(current, 'call', { afterId: 'b' }), ['c', 'e']);
    assert.deepEqual(await listIds(current, 'call', { afterId: 'e' }), []);
  });

  it('combines idPrefix, afterId and limit', async () => {
    await putAll(current, 'call', ['p1', 'p2', 'p3', 'p4', 'q1', 'o9']);
    assert.deepEqual(await listIds(current, 'call', { idPrefix: 'p', afterId: 'p1', limit: 2 }), ['p2', 'p3']);
    assert.deepEqual(await listIds(current, 'call', { idPrefix: 'p', afterId: 'o', limit: 10 }), ['p1', 'p2', 'p3', 'p4']);
  });

  it('returns nothing for limit 0', async () => {
    await putAll(current, 'call', ['a']);
    assert.deepEqual(await listIds(current, 'call', { limit: 0 }), []);
  });
}
