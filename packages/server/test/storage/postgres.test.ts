/**
 * The store contract and PostgreSQL-specific behaviour (migrations under concurrent starts,
 * persistence) on a fresh database created for this run and dropped after it. Skipped, with the
 * reason, when no PostgreSQL answers (see postgres-server.ts).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import pg from 'pg';
import { ManualClock } from '../../src/domain/clock.js';
import { SchemaTooNewError } from '../../src/storage/errors.js';
import { openStore } from '../../src/storage/open-store.js';
import { migrate, schemaVersion } from '../../src/storage/postgres/migrate.js';
import { latestSchemaVersion, migrations } from '../../src/storage/postgres/migrations.js';
import { PostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { createTestDatabase, unreachableReason, type TestDatabase } from './postgres-server.js';
import { runStoreContract } from './store.contract.js';

const skip = await unreachableReason();
if (skip) process.stderr.write(`${skip}\n`);

let database: TestDatabase | undefined;
const db = (): TestDatabase => {
  if (!database) throw new Error('postgres test: no test database (before() failed?)');
  return database;
};
before(async () => {
  if (!skip) database = await createTestDatabase();
});
after(async () => {
  await database?.drop();
});

// DELETE + RESTART rather than TRUNCATE: on near-empty tables it is several times faster.
const RESET_TABLES = `DELETE FROM documents; DELETE FROM outbox; DELETE FROM timers; DELETE FROM deliveries;
  ALTER TABLE outbox ALTER COLUMN seq RESTART; ALTER TABLE deliveries ALTER COLUMN id RESTART`;
/** Back to an empty database: no tables, no schema_migrations. */
const RESET_SCHEMA = 'DROP SCHEMA public CASCADE; CREATE SCHEMA public';

// Each fixture opens its own store (so open + migrate run every time) on emptied tables; identity
// sequences restart, so seqs and ids begin at 1 as in a new SQLite file.
runStoreContract(
  'postgres',
  async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const store = await PostgresStore.open(db().url, clock);
    await db().exec(RESET_TABLES);
    return { store, clock, cleanup: () => store.close() };
  },
  skip === undefined ? {} : { skip },
);

const clock = new ManualClock(1_700_000_000_000);

describe('postgres store: migrations and persistence', { skip: skip ?? false }, () => {
  beforeEach(async () => {
    await db().exec(RESET_SCHEMA);
  });

  it('applies each migration exactly once, however often it is opened', async () => {
    await (await PostgresStore.open(db().url, clock)).close();
    await (await PostgresStore.open(db().url, clock)).close();
    await withClient(async (client) => {
      assert.equal(await migrate(client, clock.now()), latestSchemaVersion);
      const { rows } = await client.query('SELECT version, name FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows, migrations.map(({ version, name }) => ({ version, name })));
    });
  });

  it('lets several nodes start at once on an empty database (advisory lock)', async () => {
    const stores = await Promise.all(
      [1, 2, 3].map(() => openStore({ inMemory: false, dataDir: 'unused', clock, databaseUrl: db().url })),
    );
    try {
      assert.deepEqual(stores.map((s) => s.backend), ['postgres', 'postgres', 'postgres']);
      await stores[0]!.docs.put('call', 'c1', { via: 'node 0' });
      assert.deepEqual((await stores[2]!.docs.get('call', 'c1'))?.data, { via: 'node 0' });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
    await withClient(async (client) => assert.equal(await schemaVersion(client), latestSchemaVersion));
  });

  it('keeps documents, outbox messages, leases and timers across close and reopen', async () => {
    const first = await PostgresStore.open(db().url, clock);
    await first.docs.put('call', 'c1', { state: 'established' });
    const [a1] = await first.outbox.append([{ stream: 'A', payload: 'm1' }, { stream: 'B', payload: 'm2' }]);
    await first.outbox.claim({ now: clock.now(), leaseMs: 1000, limit: 1, owner: 'w1' });
    await first.timers.set('t', 42, { callId: 'c1' });
    await first.close();

    const second = await PostgresStore.open(db().url, clock);
    try {
      assert.deepEqual((await second.docs.get('call', 'c1'))?.data, { state: 'established' });
      assert.deepEqual((await second.outbox.pending()).map((m) => [m.seq, m.attempts]), [[a1, 1], [a1! + 1, 0]]);
      const claimed = await second.outbox.claim({ now: clock.now(), leaseMs: 1000, limit: 10, owner: 'w2' });
      assert.deepEqual(claimed.map((m) => m.payload), ['m2'], 'the lease on m1 survived the reopen');
      assert.deepEqual(await second.timers.get('t'), { key: 't', dueAt: 42, payload: { callId: 'c1' } });
    } finally {
      await second.close();
    }
  });

  it('refuses a database whose schema is newer than the code', async () => {
    await (await PostgresStore.open(db().url, clock)).close();
    const newer = latestSchemaVersion + 1;
    await db().exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${newer}, 'future', 0)`);
    await assert.rejects(
      PostgresStore.open(db().url, clock),
      (error) => error instanceof SchemaTooNewError && error.found === newer && /newer than this Switchboard/.test(error.message),
    );
  });

  it('rolls back a migration that fails, leaving the schema where it was', async () => {
    await (await PostgresStore.open(db().url, clock)).close();
    const broken = { version: latestSchemaVersion + 1, name: 'broken', sql: 'CREATE TABLE half (x int); SELECT * FROM nope' };
    await withClient(async (client) => {
      await assert.rejects(migrate(client, clock.now(), [...migrations, broken]), /relation "nope" does not exist/);
      assert.equal(await schemaVersion(client), latestSchemaVersion);
      const { rows } = await client.query("SELECT to_regclass('half') AS half");
      assert.equal(rows[0].half, null);
    });
  });

  it('reports an unreachable database with the password masked', async () => {
    const url = 'postgres://someone:s3cret@127.0.0.1:1/nowhere';
    await assert.rejects(PostgresStore.open(url, clock), (error: Error) => {
      assert.match(error.message, /cannot connect to PostgreSQL at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere/);
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    });
  });
});

async function withClient<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db().url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
