/**
 * The store the integration suite runs on (issue 5: every backend, every CI run). Chosen by
 * SWITCHBOARD_TEST_STORE = memory (default) | sqlite | postgres; a test that asks for a store
 * explicitly keeps it. On postgres each server gets a fresh database, dropped when it closes.
 */
import { createTestDatabase } from '../storage/postgres-server.js';

export type TestStore = 'memory' | 'sqlite' | 'postgres';

export interface TestBackend {
  inMemory: boolean;
  flags: Record<string, unknown>;
  release(): Promise<void>;
}

export function testStore(): TestStore {
  const chosen = process.env.SWITCHBOARD_TEST_STORE || 'memory';
  if (chosen === 'memory' || chosen === 'sqlite' || chosen === 'postgres') return chosen;
  throw new Error(`SWITCHBOARD_TEST_STORE must be memory, sqlite or postgres, not "${chosen}"`);
}

export async function testBackend(store: TestStore = testStore()): Promise<TestBackend> {
  if (store !== 'postgres') return { inMemory: store === 'memory', flags: {}, release: async () => {} };
  const database = await createTestDatabase();
  return { inMemory: false, flags: { database: database.url }, release: () => database.drop() };
}
