import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { migrate, schemaVersion } from '../../src/storage/sqlite/migrate.js';
import { latestSchemaVersion, migrations } from '../../src/storage/sqlite/migrations.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';

describe('sqlite migration 2 (delivery log)', () => {
  it('upgrades a version-1 database in place, keeping its outbox', { timeout: 10_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-migrate-'));
    const path = join(dir, 'test.db');
    const clock = new ManualClock(1_700_000_000_000);
    try {
      const raw = new Database(path);
      migrate(raw, 0, migrations.slice(0, 1));
      raw.prepare("INSERT INTO outbox (stream, payload, created_at, available_at) VALUES ('A', '\"m\"', 1, 1)").run();
      raw.close();
      const store = SqliteStore.open(path, clock);
      try {
        assert.deepEqual((await store.outbox.pending()).map((m) => m.payload), ['m']);
        const id = await store.deliveries.append({
          seq: 1, callId: 'c', appId: 'a', tenantId: 't', url: 'http://localhost/', attempt: 1, at: 1, outcome: 'delivered', summary: 's', payload: {}, jwtClaims: {},
        });
        assert.equal((await store.deliveries.get(id))?.callId, 'c');
      } finally {
        await store.close();
      }
      const check = new Database(path, { readonly: true });
      assert.equal(schemaVersion(check), latestSchemaVersion);
      check.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('sqlite migration 3 (delivery log without unread indexes)', () => {
  it('drops the delivery-log indexes and keeps the logged attempts', { timeout: 10_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-migrate-'));
    const path = join(dir, 'test.db');
    try {
      const raw = new Database(path);
      migrate(raw, 0, migrations.slice(0, 2));
      raw.prepare(`INSERT INTO deliveries (seq, call_id, app_id, tenant_id, url, attempt, at, outcome, summary, payload, jwt_claims)
        VALUES (1, 'c', 'a', 't', 'http://localhost/', 1, 1, 'delivered', 's', '{}', '{}')`).run();
      raw.close();
      const store = SqliteStore.open(path, new ManualClock(1_700_000_000_000));
      try {
        assert.deepEqual((await store.deliveries.list({ callId: 'c' })).map((a) => a.seq), [1]);
        assert.deepEqual((await store.deliveries.list({ appId: 'a', seq: 1 })).map((a) => a.callId), ['c']);
      } finally {
        await store.close();
      }
      const check = new Database(path, { readonly: true });
      const indexes = check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deliveries'").all();
      check.close();
      assert.deepEqual(indexes, []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
