import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../domain/clock.js';
import { MemoryStore } from './memory/memory-store.js';
import type { Store } from './ports.js';
import type { RetryListener } from './postgres/retry.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

/** The database file inside the data directory. */
export const DATABASE_FILE = 'switchboard.db';

export interface OpenStoreOptions {
  /** Keep everything in process memory (lost on exit) instead of `<dataDir>/switchboard.db`. */
  inMemory: boolean;
  dataDir: string;
  clock: Clock;
  /** A postgres:// URL: use that PostgreSQL database instead of SQLite (several nodes may share it). */
  databaseUrl?: string;
  /** PostgreSQL only: told when a transaction aborted as a deadlock/serialization victim is rerun. */
  onRetry?: RetryListener;
  /** Config storeChecks: re-entry detection on or off; unset = on under `node --test` only. */
  storeChecks?: boolean;
}

export async function openStore({ inMemory, dataDir, clock, databaseUrl, onRetry, storeChecks }: OpenStoreOptions): Promise<Store> {
  const checks = storeChecks === undefined ? {} : { detectReentry: storeChecks };
  if (databaseUrl !== undefined) {
    // Silently preferring one would leave the user believing state is (or is not) durable.
    if (inMemory) throw new Error('storage: --in-memory and --database exclude each other; choose one');
    // Loaded on demand: `pg` and the adapter add ~0.15 s to every start on the embedded store (issue 9, cold start).
    const { PostgresStore } = await import('./postgres/postgres-store.js');
    return PostgresStore.open(databaseUrl, clock, onRetry ? { onRetry, ...checks } : checks);
  }
  if (inMemory) return new MemoryStore(clock, checks);
  await mkdir(dataDir, { recursive: true });
  return SqliteStore.open(join(dataDir, DATABASE_FILE), clock, checks);
}
