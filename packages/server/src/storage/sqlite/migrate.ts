import type { Database } from 'better-sqlite3';
import { SchemaTooNewError } from '../errors.js';
import { migrations as knownMigrations, type Migration } from './migrations.js';

/** Re-exported: callers and tests match the one class every adapter throws. */
export { SchemaTooNewError };

/**
 * Brings the schema up to date, all or nothing: the pending migrations and their bookkeeping run
 * in one IMMEDIATE transaction, so two processes opening the same file do not both migrate.
 */
export function migrate(db: Database, appliedAt: number, migrations: readonly Migration[] = knownMigrations): number {
  assertOrdered(migrations);
  const run = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
    const current = schemaVersion(db);
    const supported = migrations.at(-1)?.version ?? 0;
    if (current > supported) throw new SchemaTooNewError(current, supported);
    migrations.filter((m) => m.version > current).forEach((m) => apply(db, m, appliedAt));
    return Math.max(current, supported);
  });
  return run.immediate();
}

export function schemaVersion(db: Database): number {
  const row = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations').get();
  return row?.version ?? 0;
}

function apply(db: Database, migration: Migration, appliedAt: number): void {
  db.exec(migration.sql);
  db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
    migration.version,
    migration.name,
    appliedAt,
  );
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
    }
  });
}
