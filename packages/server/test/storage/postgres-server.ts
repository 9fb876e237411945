/**
 * The PostgreSQL server the PostgreSQL suites run on, and a fresh database per test run on it.
 * `SWITCHBOARD_TEST_DATABASE_URL` points at the server (its database is only used to create and
 * drop the test database); when nothing answers there, the suites are skipped with the reason.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactDatabaseUrl } from '../../src/storage/postgres/database-url.js';

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** A reachable server answers within milliseconds; a laptop without one should not stall the suite. */
const PROBE_TIMEOUT_MS = 2000;

export const serverUrl = process.env.SWITCHBOARD_TEST_DATABASE_URL || DEFAULT_SERVER_URL;

/**
 * undefined when PostgreSQL answers, else why the PostgreSQL suites are skipped. With
 * SWITCHBOARD_REQUIRE_POSTGRES=1 (set by .ci/run) an unreachable server fails instead of skipping.
 */
export async function unreachableReason(): Promise<string | undefined> {
  const reason = await probe();
  if (reason && process.env.SWITCHBOARD_REQUIRE_POSTGRES === '1') throw new Error(`SWITCHBOARD_REQUIRE_POSTGRES is set but ${reason}`);
  return reason;
}

async function probe(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    const where = new URL(serverUrl).host;
    return `PostgreSQL not reachable at ${where} (${reason}; set SWITCHBOARD_TEST_DATABASE_URL); PostgreSQL suites skipped`;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestDatabase {
  /** URL of the fresh database. */
  url: string;
  /** Runs SQL on it as an administrator (resetting tables between tests). */
  exec(sql: string): Promise<void>;
  /** Drops the database, closing whatever is still connected. */
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `switchboard_test_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  admin.on('error', () => {});
  await admin.connect();
  return {
    url: url.toString(),
    exec: async (sql) => {
      await admin.query(sql);
    },
    drop: async () => {
      await admin.end().catch(() => {});
      await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query(sql);
  } catch (error) {
    throw new Error(`${sql} on ${redactDatabaseUrl(serverUrl)} failed`, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}
