import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { StoredFaultBook } from '../../src/faults/stored-fault-book.js';
import type { GraphRequestFacts } from '../../src/faults/fault-facts.js';
import { openStore } from '../../src/storage/open-store.js';
import { VersionConflictError, type DocumentPort } from '../../src/storage/ports.js';
import { DomainError } from '../../src/domain/errors/index.js';

const FACTS: GraphRequestFacts = { operation: 'call.create', httpMethod: 'POST', path: '/communications/calls', version: 'v1.0', appId: 'a' };

const memoryStore = () => openStore({ inMemory: true, dataDir: '.unused', clock: new ManualClock(0) });
async function pattern(book: StoredFaultBook, n: number): Promise<string> {
  let marks = '';
  for (let i = 0; i < n; i++) marks += (await book.graph(FACTS)).error ? 'x' : '.';
  return marks;
}

describe('stored fault book', () => {
  it('keeps rules, seed and throttling profile in the store across a reopen', async () => {
    const store = await memoryStore();
    const book = await StoredFaultBook.open(store.docs);
    const rule = await book.add({ kind: 'graphError', status: 503, match: { operation: 'call.create' } });
    await book.setSeed(42);
    await book.setThrottling({ profile: 'graph-calls', limitScale: 0.01 });
    const reopened = await StoredFaultBook.open(store.docs);
    assert.deepEqual(reopened.list().map((r) => [r.id, r.kind, r.source, r.matched]), [[rule.id, 'graphError', 'api', 0]]);
    assert.equal(reopened.seed(), 42);
    assert.deepEqual(reopened.throttling(), { profile: 'graph-calls', limitScale: 0.01 });
    await store.close();
  });

  it('defaults the seed to 1, and a --fault-seed given at open wins over the stored one', async () => {
    const store = await memoryStore();
    assert.equal((await StoredFaultBook.open(store.docs)).seed(), 1);
    await (await StoredFaultBook.open(store.docs)).setSeed(5);
    assert.equal((await StoredFaultBook.open(store.docs, { seed: 9 })).seed(), 9);
    await store.close();
  });

  it('replays the same faults for the same seed, rules and requests; a new seed or a clear restarts the draws', async () => {
    const store = await memoryStore();
    const book = await StoredFaultBook.open(store.docs, { seed: 3 });
    await book.add({ kind: 'graphError', status: 500, trigger: { rate: 0.5 } });
    const first = await pattern(book, 30);
    await book.setSeed(3);
    assert.equal(await pattern(book, 30), first, 'same seed again: same sequence');
    const again = await StoredFaultBook.open(store.docs);
    assert.equal(await pattern(again, 30), first, 'after a restart: same sequence');
    await book.setSeed(4);
    assert.notEqual(await pattern(book, 30), first);
    await book.clear();
    assert.deepEqual(book.list(), []);
    await book.add({ kind: 'graphError', status: 500, trigger: { rate: 0.5 } });
    await book.setSeed(3);
    assert.equal(await pattern(book, 30), first);
    await store.close();
  });

  it('puts file rules first, replacing the previous file rules but keeping API rules', async () => {
    const store = await memoryStore();
    const book = await StoredFaultBook.open(store.docs);
    const api = await book.add({ kind: 'latency', delayMs: 5 });
    await book.applyFile({ rules: [{ kind: 'graphError', status: 503, match: {}, trigger: {} }] }, { keepSeed: false });
    await book.applyFile({ seed: 77, rules: [{ kind: 'graphError', status: 429, match: {}, trigger: {} }] }, { keepSeed: false });
    assert.deepEqual(book.list().map((r) => [r.source, r.kind === 'graphError' ? r.status : r.id]), [['file', 429], ['api', api.id]]);
    assert.equal(book.seed(), 77);
    await book.applyFile({ seed: 78, rules: [] }, { keepSeed: true });
    assert.equal(book.seed(), 77, '--fault-seed given: the file seed does not apply');
    await store.close();
  });

  it('removes one rule by id and reports an unknown id', async () => {
    const store = await memoryStore();
    const book = await StoredFaultBook.open(store.docs);
    const rule = await book.add({ kind: 'latency', delayMs: 1 });
    assert.equal(await book.remove('nope'), false);
    assert.equal(await book.remove(rule.id), true);
    assert.deepEqual((await StoredFaultBook.open(store.docs)).list(), []);
    await store.close();
  });

  it('shares the book between nodes: concurrent adds keep both rules, and a follower takes the other node\'s changes', async () => {
    const store = await memoryStore();
    const [a, b] = [await StoredFaultBook.open(store.docs), await StoredFaultBook.open(store.docs)];
    const [fromA, fromB] = await Promise.all([
      a.add({ kind: 'graphError', status: 503, match: { operation: 'call.create' } }),
      b.add({ kind: 'graphError', status: 429, match: { operation: 'call.get' } }),
    ]);
    const ids = [fromA.id, fromB.id].sort();
    assert.deepEqual((await StoredFaultBook.open(store.docs)).list().map((rule) => rule.id).sort(), ids, 'neither add lost');
    const stop = a.follow(10);
    try {
      await b.setSeed(77);
      const deadline = Date.now() + 2000;
      while ((a.list().length < 2 || a.seed() !== 77) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.deepEqual(a.list().map((rule) => rule.id).sort(), ids);
      assert.equal(a.seed(), 77);
      assert.equal((await a.graph(FACTS)).error?.status, 503, 'the followed rules answer');
    } finally {
      stop();
      await store.close();
    }
  });

  it('answers the catalogue\'s 409 when every redo loses the race, and keeps no unsaved rule', async () => {
    const store = await memoryStore();
    const docs: DocumentPort = Object.create(store.docs) as DocumentPort;
    docs.put = (kind, id, data, expected) =>
      kind === 'faultBook' && expected !== undefined && expected > 0 ? Promise.reject(new VersionConflictError(kind, id, expected, expected + 1)) : store.docs.put(kind, id, data, expected);
    const book = await StoredFaultBook.open(docs);
    await book.setSeed(3);
    await assert.rejects(book.add({ kind: 'graphError', status: 503 }), (error: unknown) => error instanceof DomainError && error.status === 409 && error.id === 'versionConflict');
    assert.deepEqual(book.list(), []);
    assert.equal(book.seed(), 3);
    await store.close();
  });
});

