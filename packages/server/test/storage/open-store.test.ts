import assert from 'node:assert/strict';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { DATABASE_FILE, openStore } from '../../src/storage/open-store.js';

describe('openStore', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'switchboard-open-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('opens SQLite at <dataDir>/switchboard.db, creating missing directories', async () => {
    const dataDir = join(root, 'nested', 'data');
    const store = await openStore({ inMemory: false, dataDir, clock: new ManualClock() });
    try {
      assert.equal(store.backend, 'sqlite');
      await store.docs.put('call', 'c1', {});
      await access(join(dataDir, DATABASE_FILE));
    } finally {
      await store.close();
    }
  });

  it('passes storeChecks to the store: off, a store used inside its own transaction waits instead of throwing', async () => {
    for (const storeChecks of [true, false]) {
      const store = await openStore({ inMemory: true, dataDir: root, clock: new ManualClock(), storeChecks });
      let nested = 'pending';
      void store.transaction(async () => {
        await store.docs.put('call', 'c1', {}).then(() => (nested = 'written'), () => (nested = 'thrown'));
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(nested, storeChecks ? 'thrown' : 'pending');
    }
  });

  it('refuses --in-memory together with a database URL instead of silently picking one', async () => {
    const options = { inMemory: true, dataDir: join(root, 'unused'), clock: new ManualClock(), databaseUrl: 'postgres://127.0.0.1:1/x' };
    await assert.rejects(openStore(options), /--in-memory and --database exclude each other/);
  });

  it('keeps everything in memory when asked, touching no files', async () => {
    const dataDir = join(root, 'unused');
    const store = await openStore({ inMemory: true, dataDir, clock: new ManualClock() });
    assert.equal(store.backend, 'memory');
    await store.docs.put('call', 'c1', {});
    await store.close();
    await assert.rejects(access(dataDir), { code: 'ENOENT' });
  });
});
