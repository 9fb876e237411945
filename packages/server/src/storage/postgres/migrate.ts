import type { ClientBase } from 'pg';
import { SchemaTooNewError } from '../errors.js';
import { migrations as knownMigrations, type Migration } from './migrations.js';

/**
 * Arbitrary but fixed key of the transaction-scoped advisory lock that serializes migrations
 * across every Switchboard node of one database ("SWBD" in ASCII).
 */
export const MIGRATION_LOCK_KEY = 0x53574244;

/**
 * Brings the schema up to date, all or nothing: one transaction takes the advisory lock first, so
 * nodes starting at once queue here and each later one finds the schema already migrated; the
 * lock ends with the transaction, even if the process dies. PostgreSQL DDL is transactional, so a
 * failing migration leaves no half-created tables behind.
 */
export async function migrate(client: ClientBase, appliedAt: number, migrations: readonly Migration[] = knownMigrations): Promise<number> {
  assertOrdered(migrations);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const current = await schemaVersion(client);
    const supported = migrations.at(-1)?.version ?? 0;
    if (current > supported) throw new SchemaTooNewError(current, supported, 'point it at another database');
    for (const migration of migrations.filter((m) => m.version > current)) {
      await apply(client, migration, appliedAt);
    }
    await client.query('COMMIT');
    return Math.max(current, supported);
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export async function schemaVersion(client: ClientBase): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

async function apply(client: ClientBase, migration: Migration, appliedAt: number): Promise<void> {
  await client.query(migration.sql);
  await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
    migration.version,
    migration.name,
    appliedAt,
  ]);
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
    }
  });
}
