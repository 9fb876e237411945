/**
 * The concurrency contract across two nodes (issue 5): the races of contract/concurrency.ts run
 * with writers split between two PostgresStores on one database, i.e. on separate connections
 * that PostgreSQL itself must keep apart. Skipped, with the reason, when no PostgreSQL answers.
 */
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { PostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { concurrencyContract } from './contract/concurrency.js';
import type { StoreFixture } from './contract/fixture.js';
import { createTestDatabase, unreachableReason, type TestDatabase } from './postgres-server.js';

const skip = await unreachableReason();
if (skip) process.stderr.write(`${skip}\n`);

const RESET_TABLES = 'DELETE FROM documents; DELETE FROM outbox; DELETE FROM timers';

describe('postgres: two nodes race on one database', { skip: skip ?? false }, () => {
  let database: TestDatabase | undefined;
  let fixture: StoreFixture | undefined;
  const clock = new ManualClock(1_700_000_000_000);

  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    const store = await PostgresStore.open(database!.url, clock);
    await database!.exec(RESET_TABLES);
    fixture = { store, clock, cleanup: () => store.close(), openPeer: () => PostgresStore.open(database!.url, clock) };
  });
  afterEach(async () => {
    await fixture?.cleanup();
  });

  concurrencyContract(() => {
    if (!fixture) throw new Error('postgres nodes: no store (beforeEach failed?)');
    return fixture;
  });
});
