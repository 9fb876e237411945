/**
 * The SQLite schema, as an append-only list. Never edit a released migration: add a new one.
 * Each runs once, inside the transaction that records it in schema_migrations.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, outbox and timers',
    sql: `
      CREATE TABLE documents (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;

      -- AUTOINCREMENT: a seq is never reused, even after the newest messages were completed.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        stream TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        available_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        lease_owner TEXT,
        lease_until INTEGER
      );
      CREATE INDEX outbox_stream_seq ON outbox (stream, seq);

      -- A timer re-set after a claim gets its lease cleared, so complete() by the old claimer,
      -- which requires lease_owner to match, leaves it alone.
      CREATE TABLE timers (
        key TEXT PRIMARY KEY,
        due_at INTEGER NOT NULL,
        payload TEXT NOT NULL,
        lease_owner TEXT,
        lease_until INTEGER
      ) WITHOUT ROWID;
      CREATE INDEX timers_due_at ON timers (due_at, key);
    `,
  },
  {
    version: 2,
    name: 'delivery log',
    sql: `
      -- One row per callback attempt. AUTOINCREMENT: ids keep growing after pruning, so keyset
      -- paging (id < before) never sees a reused id.
      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        seq INTEGER NOT NULL,
        call_id TEXT NOT NULL,
        app_id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        url TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        at INTEGER NOT NULL,
        status INTEGER,
        latency_ms INTEGER,
        error TEXT,
        outcome TEXT NOT NULL,
        summary TEXT NOT NULL,
        request_id TEXT,
        payload TEXT NOT NULL,
        jwt_claims TEXT NOT NULL
      );
      CREATE INDEX deliveries_call_id ON deliveries (call_id, id);
      CREATE INDEX deliveries_app_id ON deliveries (app_id, id);
      CREATE INDEX deliveries_seq ON deliveries (seq, id);
    `,
  },
  {
    version: 3,
    name: 'delivery log without unread indexes',
    sql: `
      -- The list query is one prepared statement whose filters are optional (@x IS NULL OR col = @x),
      -- so SQLite plans it as a scan by id whatever is asked, and these indexes were never read.
      -- Each still cost every logged attempt (insert, and prune's delete) about as much CPU as the
      -- row itself. The log is bounded by keepAttempts, so the scan stays short.
      DROP INDEX deliveries_call_id;
      DROP INDEX deliveries_app_id;
      DROP INDEX deliveries_seq;
    `,
  },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
