import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { migrate, SchemaTooNewError, schemaVersion } from '../../src/storage/sqlite/migrate.js';
import { latestSchemaVersion, migrations } from '../../src/storage/sqlite/migrations.js';
import { connect, SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { runStoreContract } from './store.contract.js';

runStoreContract('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-sqlite-'));
  const clock = new ManualClock(1_700_000_000_000);
  const store = SqliteStore.open(join(dir, 'test.db'), clock);
  const cleanup = async () => {
    try {
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  return { store, clock, cleanup };
});

const clock = new ManualClock(1_700_000_000_000);

/** A fresh database path per test, in a temp directory removed afterwards. */
function tempDatabase(): () => string {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-sqlite-'));
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => join(dir ?? '', 'test.db');
}

describe('sqlite store: persistence', () => {
  const databasePath = tempDatabase();

  it('keeps documents, outbox messages, leases and timers across close and reopen', async () => {
    const path = databasePath();
    const first = SqliteStore.open(path, clock);
    await first.docs.put('call', 'c1', { state: 'established' });
    const [a1] = await first.outbox.append([{ stream: 'A', payload: 'm1' }, { stream: 'B', payload: 'm2' }]);
    await first.outbox.claim({ now: clock.now(), leaseMs: 1000, limit: 1, owner: 'w1' });
    await first.timers.set('t', 42, { callId: 'c1' });
    await first.close();

    const second = SqliteStore.open(path, clock);
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

  it('opens the database in WAL journal mode', async () => {
    const path = databasePath();
    await SqliteStore.open(path, clock).close();
    const raw = new Database(path, { readonly: true });
    try {
      assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      raw.close();
    }
  });

  it('keeps commits cheap on every connection: synchronous NORMAL, temporary data (the savepoints’ sub-journals) in memory', () => {
    const db = connect(databasePath());
    try {
      assert.equal(db.pragma('synchronous', { simple: true }), 1, 'NORMAL');
      assert.equal(db.pragma('temp_store', { simple: true }), 2, 'MEMORY');
    } finally {
      db.close();
    }
  });

});

describe('sqlite store: migrations', () => {
  const databasePath = tempDatabase();

  it('applies each migration exactly once, however often it is opened', async () => {
    const path = databasePath();
    await SqliteStore.open(path, clock).close();
    await SqliteStore.open(path, clock).close();
    const raw = new Database(path);
    try {
      assert.equal(migrate(raw, clock.now()), latestSchemaVersion);
      const rows = raw.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      assert.deepEqual(rows, migrations.map(({ version, name }) => ({ version, name })));
    } finally {
      raw.close();
    }
  });

  it('refuses a database whose schema is newer than the code', async () => {
    const path = databasePath();
    await SqliteStore.open(path, clock).close();
    const newer = latestSchemaVersion + 1;
    withRaw(path, (raw) =>
      raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)').run(newer, 'future'),
    );
    assert.throws(
      () => SqliteStore.open(path, clock),
      (error) => error instanceof SchemaTooNewError && error.found === newer && /newer than this Switchboard/.test(error.message),
    );
    withRaw(path, (raw) => assert.equal(schemaVersion(raw), newer));
  });

  it('rolls back a migration that fails, leaving the schema where it was', async () => {
    const path = databasePath();
    await SqliteStore.open(path, clock).close();
    const broken = { version: latestSchemaVersion + 1, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM nope' };
    withRaw(path, (raw) => {
      assert.throws(() => migrate(raw, clock.now(), [...migrations, broken]), /no such table: nope/);
      assert.equal(schemaVersion(raw), latestSchemaVersion);
      assert.equal(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get(), undefined);
    });
  });

  it('numbers migrations 1, 2, 3… with no gaps', () => {
    const path = databasePath();
    assert.deepEqual(
      migrations.map((m) => m.version),
      migrations.map((_, i) => i + 1),
    );
    assert.throws(() => withRaw(path, (raw) => migrate(raw, 0, [{ version: 2, name: 'gap', sql: '' }])), /expected 1/);
  });
});

function withRaw<T>(path: string, use: (raw: Database.Database) => T): T {
  const raw = new Database(path);
  try {
    return use(raw);
  } finally {
    raw.close();
  }
}
