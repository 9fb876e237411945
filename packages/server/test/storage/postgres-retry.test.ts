/**
 * Transaction retries on PostgreSQL (issue 5): two nodes (two stores on one database) are driven
 * into a real deadlock; PostgreSQL aborts one with 40P01, the retrier reruns it, and both units of
 * work end committed, each exactly once. Errors that are not concurrency aborts propagate at once.
 * Skipped, with the reason, when no PostgreSQL answers (see postgres-server.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import type { StoreTx } from '../../src/storage/ports.js';
import { PostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { retryableCode, TransactionRetrier, type RetryEvent } from '../../src/storage/postgres/retry.js';
import { createTestDatabase, unreachableReason, type TestDatabase } from './postgres-server.js';

const skip = await unreachableReason();
if (skip) process.stderr.write(`${skip}\n`);

/** PostgreSQL waits deadlock_timeout (1 s by default) before looking for a cycle; keep tests fast. */
const FAST_DEADLOCK_CHECK = `DO $$ BEGIN
  EXECUTE format('ALTER DATABASE %I SET deadlock_timeout = %L', current_database(), '100ms'); END $$`;

let database: TestDatabase | undefined;
before(async () => {
  if (skip) return;
  database = await createTestDatabase();
  await database.exec(FAST_DEADLOCK_CHECK);
});
after(async () => {
  await database?.drop();
});

/** Two parties meet here once: each waits until the other has arrived. */
function rendezvous(): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived === 2) open();
    await gate;
  };
}

type Step = (tx: StoreTx) => Promise<unknown>;

/** A unit of work that takes `first`, meets the other node (first attempt only), then takes `second`. */
function crossing(first: Step, second: Step, meet: () => Promise<void>, attempts: { n: number }) {
  return async (tx: StoreTx): Promise<void> => {
    attempts.n++;
    await first(tx);
    if (attempts.n === 1) await meet();
    await second(tx);
  };
}

describe('postgres store: transactions aborted by PostgreSQL are retried', { skip: skip ?? false }, () => {
  const clock = new ManualClock(1_700_000_000_000);
  const retries: RetryEvent[] = [];
  let nodes: PostgresStore[] = [];

  before(async () => {
    nodes = await Promise.all([1, 2].map(() => PostgresStore.open(database!.url, clock, { onRetry: (e) => retries.push(e) })));
  });
  after(async () => {
    await Promise.all(nodes.map((node) => node.close()));
  });

  it('reruns the deadlock victim of two nodes writing two documents in opposite orders', async () => {
    retries.length = 0;
    const [one, two] = nodes as [PostgresStore, PostgresStore];
    await one.docs.put('call', 'a', { n: 0 });
    await one.docs.put('call', 'b', { n: 0 });
    const meet = rendezvous();
    const counts = [{ n: 0 }, { n: 0 }] as const;
    const put = (id: string, by: string): Step => (tx) => tx.docs.put('call', id, { by });
    await Promise.all([
      one.transaction(crossing(put('a', 'one'), put('b', 'one'), meet, counts[0])),
      two.transaction(crossing(put('b', 'two'), put('a', 'two'), meet, counts[1])),
    ]);
    assert.deepEqual(retries.map((e) => e.code), ['40P01'], 'exactly one victim, retried once');
    assert.equal(counts[0].n + counts[1].n, 3, 'the victim ran twice, the other once');
    const versions = await Promise.all(['a', 'b'].map(async (id) => (await two.docs.get('call', id))?.version));
    assert.deepEqual(versions, [3, 3], 'both writes of both documents committed, none lost');
  });

  it('reruns the victim of a cycle between a stream append lock and a document row lock', async () => {
    retries.length = 0;
    const [one, two] = nodes as [PostgresStore, PostgresStore];
    await one.docs.put('call', 'c', { n: 0 });
    const meet = rendezvous();
    const counts = [{ n: 0 }, { n: 0 }] as const;
    const append: Step = (tx) => tx.outbox.append([{ stream: 'call-c', payload: 'event' }]);
    const put: Step = (tx) => tx.docs.put('call', 'c', { touched: true });
    await Promise.all([
      one.transaction(crossing(append, put, meet, counts[0])),
      two.transaction(crossing(put, append, meet, counts[1])),
    ]);
    assert.deepEqual(retries.map((e) => e.code), ['40P01']);
    assert.equal((await one.outbox.pending('call-c')).length, 2, 'both appends committed once each');
    assert.equal((await one.docs.get('call', 'c'))?.version, 3);
  });

  it('does not retry an error that is not a concurrency abort', async () => {
    retries.length = 0;
    let runs = 0;
    const boom = Object.assign(new Error('unique violation'), { code: '23505' });
    const failing = nodes[0]!.transaction(async () => {
      runs++;
      throw boom;
    });
    await assert.rejects(failing, (error) => error === boom);
    assert.deepEqual([runs, retries.length], [1, 0]);
  });
});

describe('transaction retrier', () => {
  const abort = (code: string): Error => Object.assign(new Error(`aborted ${code}`), { code });

  it('recognises the retryable SQLSTATEs, also when wrapped as a cause', () => {
    assert.equal(retryableCode(abort('40001')), '40001');
    assert.equal(retryableCode(new Error('wrapped', { cause: abort('55P03') })), '55P03');
    assert.equal(retryableCode(abort('23505')), undefined);
    assert.equal(retryableCode('40P01'), undefined);
  });

  it('gives up after the policy’s attempts and rethrows the last abort', async () => {
    const events: RetryEvent[] = [];
    const retrier = new TransactionRetrier({ attempts: 3, baseDelayMs: 1 }, (e) => events.push(e), 'seed');
    let runs = 0;
    const last = abort('40001');
    await assert.rejects(
      retrier.run(async () => {
        runs++;
        throw runs === 3 ? last : abort('40001');
      }),
      (error) => error === last,
    );
    assert.deepEqual(events.map((e) => e.attempt), [1, 2]);
    assert.ok(events.every((e) => e.delayMs >= 0 && e.delayMs <= 2), JSON.stringify(events));
  });

  it('returns the result of the first attempt that succeeds', async () => {
    const retrier = new TransactionRetrier({ attempts: 5, baseDelayMs: 1 }, undefined, 'seed');
    let runs = 0;
    const result = await retrier.run(async () => {
      if (++runs < 3) throw abort('40P01');
      return 'committed';
    });
    assert.deepEqual([result, runs], ['committed', 3]);
  });
});
