/**
 * What the PostgreSQL store sends per port call (docs/perf/scale.md: round trips are most of a node's
 * CPU on PostgreSQL): a put and a single-stream append each take one statement, and folding the
 * append lock into the insert still draws the seq only after the lock is held. Skipped, with the
 * reason, when no PostgreSQL answers (see postgres-server.ts).
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import pg from 'pg';
import { ManualClock } from '../../src/domain/clock.js';
import { VersionConflictError } from '../../src/storage/ports.js';
import { PostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { createTestDatabase, unreachableReason, type TestDatabase } from './postgres-server.js';

const skip = await unreachableReason();
if (skip) process.stderr.write(`${skip}\n`);

/** Every statement text pg is asked to run, while `recording`. */
const sent: string[] = [];
let recording = false;
const query = pg.Client.prototype.query;

describe('postgres store: statements per port call', { skip: skip ?? false }, () => {
  const clock = new ManualClock(1_700_000_000_000);
  let database: TestDatabase;
  let [a, b, c]: PostgresStore[] = [];
  before(async () => {
    database = await createTestDatabase();
    [a, b, c] = await Promise.all([1, 2, 3].map(() => PostgresStore.open(database.url, clock)));
    pg.Client.prototype.query = function spy(this: pg.Client, config: unknown, ...rest: unknown[]) {
      if (recording) sent.push(typeof config === 'string' ? config : String((config as { text?: string }).text));
      return (query as (...args: unknown[]) => unknown).call(this, config, ...rest);
    } as typeof query;
  });
  afterEach(() => {
    recording = false;
    sent.length = 0;
  });
  after(async () => {
    pg.Client.prototype.query = query;
    await Promise.all([a, b, c].map((s) => s?.close()));
    await database?.drop();
  });

  /** Statements `work` sent inside its transaction, BEGIN and COMMIT left out. */
  async function statementsOf(work: Parameters<PostgresStore['transaction']>[0]): Promise<string[]> {
    recording = true;
    await a!.transaction(work);
    recording = false;
    const texts = sent.filter((text) => !/^(BEGIN|COMMIT)$/.test(text));
    sent.length = 0;
    return texts;
  }

  it('creates, overwrites and updates at the expected version in one statement each', async () => {
    assert.equal((await statementsOf((tx) => tx.docs.put('call', 'one', { n: 1 }))).length, 1, 'unversioned create');
    assert.equal((await statementsOf((tx) => tx.docs.put('call', 'one', { n: 2 }))).length, 1, 'unversioned overwrite');
    assert.equal((await statementsOf((tx) => tx.docs.put('call', 'two', { n: 1 }, 0))).length, 1, 'create-only');
    assert.equal((await statementsOf((tx) => tx.docs.put('call', 'two', { n: 2 }, 1))).length, 1, 'update at version 1');
    const stored = await a!.docs.get<{ n: number }>('call', 'two');
    assert.deepEqual([stored?.version, stored?.data], [2, { n: 2 }]);
    assert.equal((await a!.docs.get('call', 'one'))?.version, 2);
  });

  it('still reports the version it found when the expected one is wrong', async () => {
    await a!.docs.put('call', 'three', { n: 1 });
    await assert.rejects(a!.docs.put('call', 'three', { n: 2 }, 5), (error: unknown) => error instanceof VersionConflictError && /5/.test(error.message) && /1/.test(error.message));
    await assert.rejects(a!.docs.put('call', 'three', { n: 2 }, 0), VersionConflictError);
    await assert.rejects(a!.docs.put('call', 'absent', { n: 2 }, 3), VersionConflictError);
    assert.equal((await a!.docs.get('call', 'three'))?.version, 1, 'nothing was written');
  });

  it('appends to one stream in one statement, lock included', async () => {
    const texts = await statementsOf((tx) => tx.outbox.append([{ stream: 'call-1', payload: 'x' }]));
    assert.equal(texts.length, 1);
    assert.match(texts[0] ?? '', /pg_advisory_xact_lock/);
  });

  it('deletes timers cancelled in a row with one statement, before anything that follows', async () => {
    for (let i = 0; i < 5; i++) await a!.timers.set(`t${i}`, clock.now() + 1000, { i });
    const texts = await statementsOf(async (tx) => {
      for (let i = 0; i < 4; i++) await tx.timers.cancel(`t${i}`);
      assert.equal(await tx.timers.get('t0'), undefined, 'a read in the same transaction sees the cancel');
      await tx.timers.cancel('t4');
    });
    assert.equal(texts.filter((text) => /DELETE FROM timers/.test(text)).length, 2, 'one delete before the read, one before COMMIT');
    assert.deepEqual(await a!.timers.list(), []);
  });

  it('drops the cancels of a transaction that rolls back', async () => {
    await a!.timers.set('kept', clock.now() + 1000, {});
    await assert.rejects(a!.transaction(async (tx) => {
      await tx.timers.cancel('kept');
      throw new Error('work failed');
    }), /work failed/);
    assert.equal((await a!.timers.get('kept'))?.key, 'kept');
  });

  it('runs the direct one-statement writes without BEGIN and COMMIT', async () => {
    await a!.outbox.append([{ stream: 'direct', payload: 'x' }]);
    await a!.timers.set('direct', clock.now(), {});
    recording = true;
    const [message] = await a!.outbox.claim({ now: clock.now(), leaseMs: 1000, limit: 10, owner: 'me' });
    await a!.outbox.complete(message!.seq, 'me');
    await a!.timers.claimDue({ now: clock.now(), leaseMs: 1000, limit: 10, owner: 'me' });
    await a!.timers.cancel('direct');
    recording = false;
    assert.equal(sent.length, 4, sent.join('\n'));
    assert.ok(!sent.some((text) => /^(BEGIN|COMMIT)$/.test(text)));
    assert.equal(await a!.timers.get('direct'), undefined);
    await assert.rejects(a!.outbox.complete(message!.seq, 'me'), /lease/i, 'a lost lease is still reported');
  });

  it('draws the seq only once the stream lock is held', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const first = a!.transaction(async (tx) => {
      await tx.outbox.append([{ stream: 'locked', payload: 'first' }]);
      holding();
      await gate;
    });
    await held;
    const waiting = b!.outbox.append([{ stream: 'locked', payload: 'waits' }]);
    // Give B's statement time to reach the lock, then append elsewhere: if B had drawn its seq
    // before waiting, it would be lower than this one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [other] = await c!.outbox.append([{ stream: 'elsewhere', payload: 'free' }]);
    release();
    await first;
    const [waited] = await waiting;
    assert.ok(waited! > other!, `seq ${waited} of the waiting append is drawn after the lock, so above ${other}`);
  });
});
