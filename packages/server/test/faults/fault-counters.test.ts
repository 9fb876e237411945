/**
 * Durable, shared fault rule counters (issue 6): a `times`-limited rule fires exactly once across
 * a restart and across two nodes on one database; a request no rule matches writes nothing.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { FAULT_COUNT_KIND } from '../../src/faults/fault-counters.js';
import type { GraphRequestFacts } from '../../src/faults/fault-facts.js';
import { StoredFaultBook } from '../../src/faults/stored-fault-book.js';
import { openStore } from '../../src/storage/open-store.js';
import type { DocumentPort, Store } from '../../src/storage/ports.js';
import { PostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { createTestDatabase, unreachableReason } from '../storage/postgres-server.js';

const MUTE: GraphRequestFacts = { operation: 'participant.mute', httpMethod: 'POST', path: '/communications/calls/c/participants/p/mute', version: 'v1.0', appId: 'a' };
const GET_CALL: GraphRequestFacts = { operation: 'call.get', httpMethod: 'GET', path: '/communications/calls/c', version: 'v1.0', appId: 'a' };
const clock = new ManualClock(1_700_000_000_000);
const dirs: string[] = [];

async function sqliteDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-fault-counters-'));
  dirs.push(dir);
  return dir;
}
const sqlite = (dataDir: string): Promise<Store> => openStore({ inMemory: false, dataDir, clock });

/** Asks both books `rounds` times each, all at once; how many answers were faults. */
async function firingsAcross(books: StoredFaultBook[], rounds: number): Promise<number> {
  const asks = Array.from({ length: rounds }, () => books.map((book) => book.graph(MUTE))).flat();
  return (await Promise.all(asks)).filter((faults) => faults.error).length;
}

/**
 * The same, one ask at a time, taking turns: two SqliteStores in one process must not hold
 * transactions at once (better-sqlite3 waits synchronously for the other's lock), so this is how
 * two processes on one file look here; each book still counts from a stale version every turn.
 */
async function firingsTakingTurns(books: StoredFaultBook[], rounds: number): Promise<number> {
  let fired = 0;
  for (let round = 0; round < rounds; round++) for (const book of books) if ((await book.graph(MUTE)).error) fired++;
  return fired;
}

function countingPuts(docs: DocumentPort): { docs: DocumentPort; puts: () => number } {
  let puts = 0;
  const counted: DocumentPort = {
    get: (kind, id) => docs.get(kind, id),
    list: (kind, options) => docs.list(kind, options),
    put: (kind, id, data, expected) => {
      puts++;
      return docs.put(kind, id, data, expected);
    },
    delete: (kind, id, expected) => docs.delete(kind, id, expected),
    kinds: () => docs.kinds(),
  };
  return { docs: counted, puts: () => puts };
}

after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('fault rule counters in the store', () => {
  it('a times: 1 rule fires once, and stays exhausted after a restart (SQLite)', async () => {
    const dir = await sqliteDir();
    const first = await sqlite(dir);
    const book = await StoredFaultBook.open(first.docs);
    const rule = await book.add({ kind: 'graphError', status: 503, match: { operation: 'participant.mute' }, trigger: { times: 1 } });
    assert.equal((await book.graph(MUTE)).error?.id, rule.id);
    assert.equal((await book.graph(MUTE)).error, undefined);
    await first.close();

    const second = await sqlite(dir);
    const restarted = await StoredFaultBook.open(second.docs);
    assert.deepEqual(pick(restarted.get(rule.id)), { matched: 2, fired: 1 }, 'counters read back at open');
    assert.equal((await restarted.graph(MUTE)).error, undefined, 'no second firing after the restart');
    assert.deepEqual(pick(restarted.get(rule.id)), { matched: 3, fired: 1 });
    await second.close();
  });

  it('two nodes on one SQLite file share the count: a times: 1 rule fires once in all', async () => {
    const dir = await sqliteDir();
    const [one, two] = [await sqlite(dir), await sqlite(dir)];
    const setup = await StoredFaultBook.open(one.docs);
    const rule = await setup.add({ kind: 'graphError', status: 500, trigger: { times: 1 } });
    const books = [await StoredFaultBook.open(one.docs), await StoredFaultBook.open(two.docs)];
    assert.equal(await firingsTakingTurns(books, 10), 1);
    await books[0]!.refreshCounts();
    assert.deepEqual(pick(books[0]!.get(rule.id)), { matched: 20, fired: 1 }, 'every match of both nodes counted');
    await one.close();
    await two.close();
  });

  it('a rule removed on another node stops matching here at once and its counters stay gone', async () => {
    const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
    const there = await StoredFaultBook.open(store.docs);
    const rule = await there.add({ kind: 'graphError', status: 500, trigger: { everyNth: 1 } });
    const stale = await StoredFaultBook.open(store.docs);
    assert.equal((await stale.graph(MUTE)).error?.status, 500, 'counted once: this node has seen its counters');
    assert.equal(await there.remove(rule.id), true);
    assert.equal(stale.list().length, 1, 'not followed yet: the rule is still in this node\'s book');
    assert.equal((await stale.graph(MUTE)).error, undefined);
    assert.equal((await stale.graph(MUTE)).error, undefined, 'and it does not start counting afresh');
    assert.equal(await store.docs.get(FAULT_COUNT_KIND, rule.id), undefined);
    await store.close();
  });

  it('everyNth counts the matches of every node together', async () => {
    const dir = await sqliteDir();
    const [one, two] = [await sqlite(dir), await sqlite(dir)];
    await (await StoredFaultBook.open(one.docs)).add({ kind: 'graphError', status: 500, trigger: { everyNth: 4 } });
    const books = [await StoredFaultBook.open(one.docs), await StoredFaultBook.open(two.docs)];
    assert.equal(await firingsTakingTurns(books, 6), 3, '12 matches in all, every 4th fires (counting apart, each node would fire once)');
    await one.close();
    await two.close();
  });

  it('writes nothing for a request no rule matches', async () => {
    const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
    const { docs, puts } = countingPuts(store.docs);
    const book = await StoredFaultBook.open(docs);
    await book.add({ kind: 'graphError', status: 500, match: { operation: 'participant.mute' } });
    const before = puts();
    for (let i = 0; i < 5; i++) assert.equal((await book.graph(GET_CALL)).error, undefined);
    assert.equal(await book.callback({ appId: 'a', callId: 'c', changeType: 'updated', resource: 'call' }), undefined);
    assert.equal(puts(), before);
    assert.deepEqual(await store.docs.list(FAULT_COUNT_KIND), []);
    await book.graph(MUTE);
    assert.equal(puts(), before + 1, 'a match is one write');
    await store.close();
  });

  it('counts a call fault in the caller transaction: a rolled-back transaction counts nothing', async () => {
    const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
    const book = await StoredFaultBook.open(store.docs);
    const rule = await book.add({ kind: 'call', fault: 'mediaConnectivityLost', trigger: { times: 1 } });
    const facts = { appId: 'a', callId: 'c' };
    await assert.rejects(
      store.transaction(async (tx) => {
        assert.equal((await book.callFaults(facts, tx.docs)).length, 1);
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    assert.equal(await store.docs.get(FAULT_COUNT_KIND, rule.id), undefined);
    assert.equal((await store.transaction((tx) => book.callFaults(facts, tx.docs))).length, 1, 'the rerun fires');
    assert.equal((await store.transaction((tx) => book.callFaults(facts, tx.docs))).length, 0, 'and then the rule is exhausted');
    assert.deepEqual((await store.docs.get(FAULT_COUNT_KIND, rule.id))?.data, { matched: 2, fired: 1 });
    await store.close();
  });

  it('removing a rule drops its counters; a reopened book starts the next rule from zero', async () => {
    const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
    const book = await StoredFaultBook.open(store.docs);
    const rule = await book.add({ kind: 'latency', delayMs: 1 });
    await book.graph(MUTE);
    assert.ok(await store.docs.get(FAULT_COUNT_KIND, rule.id));
    await book.remove(rule.id);
    assert.equal(await store.docs.get(FAULT_COUNT_KIND, rule.id), undefined);
    await store.close();
  });
});

const skip = await unreachableReason();
if (skip) process.stderr.write(`${skip}\n`);

describe('fault rule counters on PostgreSQL', { skip: skip ?? false }, () => {
  it('two nodes on one database: a times: 1 rule fires exactly once, also after a restart', async () => {
    const database = await createTestDatabase();
    try {
      const [one, two] = [await PostgresStore.open(database.url, clock), await PostgresStore.open(database.url, clock)];
      const rule = await (await StoredFaultBook.open(one.docs)).add({ kind: 'graphError', status: 503, trigger: { times: 1 } });
      const books = [await StoredFaultBook.open(one.docs), await StoredFaultBook.open(two.docs)];
      assert.equal(await firingsAcross(books, 15), 1);
      await one.close();
      const restarted = await PostgresStore.open(database.url, clock);
      const again = await StoredFaultBook.open(restarted.docs);
      assert.equal(await firingsAcross([again, books[1]!], 5), 0);
      await again.refreshCounts();
      assert.deepEqual(pick(again.get(rule.id)), { matched: 40, fired: 1 });
      await restarted.close();
      await two.close();
    } finally {
      await database.drop();
    }
  });
});

function pick(rule: { matched: number; fired: number } | undefined): { matched: number; fired: number } | undefined {
  return rule && { matched: rule.matched, fired: rule.fired };
}
