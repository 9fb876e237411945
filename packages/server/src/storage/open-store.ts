import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../domain/clock.js';
import { MemoryStore } from './memory/memory-store.js';
import type { Store } from './ports.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

/** The database file inside the data directory. */
export const DATABASE_FILE = 'switchboard.db';

export interface OpenStoreOptions {
  /** Keep everything in process memory (lost on exit) instead of `<dataDir>/switchboard.db`. */
  inMemory: boolean;
  dataDir: string;
  clock: Clock;
}

export async function openStore({ inMemory, dataDir, clock }: OpenStoreOptions): Promise<Store> {
  if (inMemory) return new MemoryStore(clock);
  await mkdir(dataDir, { recursive: true });
  return SqliteStore.open(join(dataDir, DATABASE_FILE), clock);
}
