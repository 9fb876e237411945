/**
 * The PostgreSQL schema, as an append-only list numbered like SQLite's (1 = documents, outbox and
 * timers; 2 = delivery log) so one version means the same tables on both. Never edit a released
 * migration: add a new one.
 *
 * Ids, kinds, streams and timer keys use COLLATE "C" (byte order = code point order for UTF-8), so
 * ordering and keyset paging match SQLite's BINARY collation and the memory adapter's compareIds.
 * JSON stays text, as in SQLite: it round-trips exactly what encodeJson wrote (jsonb would reorder
 * keys and reject \u0000 escapes).
 */
import type { Migration } from '../sqlite/migrations.js';

export type { Migration };

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, outbox and timers',
    sql: `
      CREATE TABLE documents (
        kind TEXT COLLATE "C" NOT NULL,
        id TEXT COLLATE "C" NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (kind, id)
      );

      -- An identity sequence never hands out a seq twice, even after the newest messages were completed.
      CREATE TABLE outbox (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream TEXT COLLATE "C" NOT NULL,
        payload TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        available_at BIGINT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        lease_owner TEXT,
        lease_until BIGINT
      );
      CREATE INDEX outbox_stream_seq ON outbox (stream, seq);

      -- A timer re-set after a claim gets its lease cleared, so complete() by the old claimer,
      -- which requires lease_owner to match, leaves it alone.
      CREATE TABLE timers (
        key TEXT COLLATE "C" PRIMARY KEY,
        due_at BIGINT NOT NULL,
        payload TEXT NOT NULL,
        lease_owner TEXT,
        lease_until BIGINT
      );
      CREATE INDEX timers_due_at ON timers (due_at, key);
    `,
  },
  {
    version: 2,
    name: 'delivery log',
    sql: `
      -- One row per callback attempt; identity ids keep growing after pruning, so keyset paging
      -- (id < before) never sees a reused id. latency_ms is fractional (a high-resolution timer).
      CREATE TABLE deliveries (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        seq BIGINT NOT NULL,
        call_id TEXT NOT NULL,
        app_id TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        url TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        at BIGINT NOT NULL,
        status INTEGER,
        latency_ms DOUBLE PRECISION,
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
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
