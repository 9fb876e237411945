import type { QueryResult, QueryResultRow } from 'pg';
import type { ListOptions, OutboxMessage, StoredDoc, TimerEntry } from '../ports.js';
import { compareIds } from '../shared/compare-ids.js';
import { decodeJson } from '../shared/json.js';
import { DeliveryStatements } from './delivery-statements.js';

/**
 * A statement the store runs over and over: pg prepares a named statement once per connection
 * (Parse) and later only binds and executes it, so PostgreSQL skips parsing and, once it settles
 * on a generic plan, planning too.
 */
export interface Prepared {
  name: string;
  text: string;
}

/** One query on a pooled connection or on a transaction's client. */
export type Query = <R extends QueryResultRow>(statement: Prepared, values?: unknown[]) => Promise<QueryResult<R>>;

/** Names every statement of `texts` after its key, in a namespace of its own on the connection. */
export function prepared<K extends string>(prefix: string, texts: Record<K, string>): Record<K, Prepared> {
  const named = {} as Record<K, Prepared>;
  for (const key of Object.keys(texts) as K[]) named[key] = { name: `${prefix}_${key}`, text: texts[key] };
  return named;
}

/** Rows exactly as pg returns them: BIGINT comes back as a string (it may exceed 2^53). */
interface DocRow {
  kind: string;
  id: string;
  version: number;
  data: string;
  updated_at: string;
}

interface OutboxRow {
  seq: string;
  stream: string;
  payload: string;
  created_at: string;
  available_at: string;
  attempts: number;
  last_error: string | null;
}

interface TimerRow {
  key: string;
  due_at: string;
  payload: string;
}

/** A row to write; `data` is already JSON text. */
export interface DocWrite {
  kind: string;
  id: string;
  version: number;
  data: string;
  updatedAt: number;
}

export interface Lease {
  now: number;
  until: number;
  owner: string;
  limit: number;
}

/**
 * Class key of the per-stream append locks ("SWOB"). A seq is drawn from the identity sequence at
 * INSERT but becomes visible at COMMIT, so without a lock node A could hold seq 10 of a call
 * uncommitted while node B commits seq 11 of the same call; a claimer would then see 11 as the
 * stream's head and deliver it before 10. Appenders of one stream therefore take a
 * transaction-scoped advisory lock on it before inserting: the second waits until the first has
 * committed (or rolled back), so within a stream seq order is commit order and a visible head is
 * the real head. Different streams (calls) do not contend; hashtext collisions only serialize two
 * unrelated calls' appends, never reorder them.
 */
export const OUTBOX_STREAM_LOCK_CLASS = 0x53574f42;

const OUTBOX_COLUMNS = 'seq, stream, payload, created_at, available_at, attempts, last_error';

const sql = prepared('sb_store', {
  docGet: 'SELECT kind, id, version, data, updated_at FROM documents WHERE kind = $1 AND id = $2',
  // FOR UPDATE: the version read here is the one the write replaces; another node's writer waits.
  docVersion: 'SELECT version FROM documents WHERE kind = $1 AND id = $2 FOR UPDATE',
  // left() rather than LIKE: a prefix is literal, wildcards in ids must not match anything.
  // LIMIT NULL is PostgreSQL for "no limit".
  docList: `
      SELECT kind, id, version, data, updated_at FROM documents WHERE kind = $1
        AND ($2::text IS NULL OR (id >= $2 AND left(id, length($2)) = $2))
        AND ($3::text IS NULL OR id > $3)
      ORDER BY id LIMIT $4`,
  // DO NOTHING: a concurrent creator (another node) wins and this insert reports no row.
  docInsert: `
      INSERT INTO documents (kind, id, version, data, updated_at) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (kind, id) DO NOTHING`,
  docUpdate: 'UPDATE documents SET version = $3, data = $4, updated_at = $5 WHERE kind = $1 AND id = $2',
  // The one-round-trip puts (PostgresDocs.put). Each locks the row it writes as FOR UPDATE would
  // and, in READ COMMITTED, re-checks its condition on the newest committed row after waiting.
  docUpsert: `
      INSERT INTO documents (kind, id, version, data, updated_at) VALUES ($1, $2, 1, $3, $4)
      ON CONFLICT (kind, id) DO UPDATE SET version = documents.version + 1, data = excluded.data, updated_at = excluded.updated_at
      RETURNING version`,
  docUpdateIf: `
      UPDATE documents SET version = version + 1, data = $3, updated_at = $4
      WHERE kind = $1 AND id = $2 AND version = $5 RETURNING version`,
  docDelete: 'DELETE FROM documents WHERE kind = $1 AND id = $2',
  // Two-key form: its own key space, apart from the migration lock's single bigint key.
  outboxStreamLock: 'SELECT pg_advisory_xact_lock($1, hashtext($2))',
  outboxInsert: `
      INSERT INTO outbox (stream, payload, created_at, available_at) VALUES ($1, $2, $3, $4) RETURNING seq`,
  // Lock and insert in one round trip. A CTE calling a volatile function is not inlined but run
  // as its own step, and the insert's row (with its identity seq) is only formed from the CTE's
  // row: the lock is held before the seq is drawn, as with the two statements above.
  outboxLockedInsert: `
      WITH stream_lock AS (SELECT pg_advisory_xact_lock($5, hashtext($1)))
      INSERT INTO outbox (stream, payload, created_at, available_at) SELECT $1, $2, $3, $4 FROM stream_lock RETURNING seq`,
  // The head of a stream is its lowest seq; only a head that is available and not leased is
  // claimed. SKIP LOCKED lets several nodes claim at once: a head another node is locking is
  // skipped, and the next message of that stream is never a head while it exists. attempts counts
  // claims, so a delivery cut short by a crash (lease expiry) counts as one.
  outboxClaim: `
      UPDATE outbox SET lease_owner = $3, lease_until = $2, attempts = attempts + 1
      WHERE seq IN (
        SELECT o.seq FROM outbox o
        WHERE o.available_at <= $1 AND (o.lease_until IS NULL OR o.lease_until <= $1)
          AND NOT EXISTS (SELECT 1 FROM outbox older WHERE older.stream = o.stream AND older.seq < o.seq)
        ORDER BY o.seq LIMIT $4
        FOR UPDATE SKIP LOCKED)
      RETURNING ${OUTBOX_COLUMNS}`,
  outboxDelete: 'DELETE FROM outbox WHERE seq = $1 AND lease_owner = $2',
  outboxRelease: `
      UPDATE outbox SET lease_owner = NULL, lease_until = NULL, available_at = $3, last_error = $4
      WHERE seq = $1 AND lease_owner = $2`,
  outboxPending: `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE $1::text IS NULL OR stream = $1 ORDER BY seq`,
  // Re-setting drops the lease: the new occurrence is claimable on its own, and complete() by the
  // old claimer (which requires lease_owner to match) leaves it alone.
  timerUpsert: `
      INSERT INTO timers (key, due_at, payload) VALUES ($1, $2, $3)
      ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at, payload = excluded.payload,
        lease_owner = NULL, lease_until = NULL`,
  timerDelete: 'DELETE FROM timers WHERE key = $1',
  timerDeleteMany: 'DELETE FROM timers WHERE key = ANY($1::text[])',
  timerGet: 'SELECT key, due_at, payload FROM timers WHERE key = $1',
  timerClaim: `
      UPDATE timers SET lease_owner = $3, lease_until = $2
      WHERE key IN (
        SELECT key FROM timers WHERE due_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
        ORDER BY due_at, key LIMIT $4
        FOR UPDATE SKIP LOCKED)
      RETURNING key, due_at, payload`,
  timerComplete: 'DELETE FROM timers WHERE key = $1 AND lease_owner = $2',
  docKinds: 'SELECT DISTINCT kind FROM documents',
  outboxClear: 'DELETE FROM outbox',
  timerList: 'SELECT key, due_at, payload FROM timers',
});

/** All SQL and row ⇄ domain mapping for documents, outbox and timers, over one query function. */
export class Statements {
  readonly deliveries: DeliveryStatements;
  private readonly query: Query;
  /** Timer keys cancelled but not yet deleted: see deleteTimer. */
  private cancelled: string[] = [];

  constructor(private readonly send: Query) {
    // Every statement first sends the deletes it may depend on: the order is the order of the calls.
    this.query = async (statement, values) => {
      await this.flush();
      return send(statement, values);
    };
    this.deliveries = new DeliveryStatements(this.query);
  }

  /**
   * Sends the cancelled timers' delete (one statement for all of them). The transaction calls it
   * before COMMIT; every other statement calls it first.
   */
  async flush(): Promise<void> {
    const keys = this.cancelled;
    if (keys.length === 0) return;
    this.cancelled = [];
    await (keys.length === 1 ? this.send(sql.timerDelete, keys) : this.send(sql.timerDeleteMany, [keys]));
  }

  async getDoc<T>(kind: string, id: string): Promise<StoredDoc<T> | undefined> {
    const { rows } = await this.query<DocRow>(sql.docGet, [kind, id]);
    return rows[0] && toDoc<T>(rows[0]);
  }

  async listDocs<T>(kind: string, { idPrefix, afterId, limit }: ListOptions): Promise<StoredDoc<T>[]> {
    const rowLimit = limit === undefined ? null : Math.max(limit, 0);
    const { rows } = await this.query<DocRow>(sql.docList, [kind, idPrefix ?? null, afterId ?? null, rowLimit]);
    return rows.map((row) => toDoc<T>(row));
  }

  /** 0 when absent; locks the row until the transaction ends. */
  async lockDocVersion(kind: string, id: string): Promise<number> {
    const { rows } = await this.query<{ version: number }>(sql.docVersion, [kind, id]);
    return rows[0]?.version ?? 0;
  }

  /** False when the document appeared meanwhile (created by a concurrent transaction). */
  async insertDoc(doc: DocWrite): Promise<boolean> {
    const result = await this.query(sql.docInsert, docParams(doc));
    return (result.rowCount ?? 0) > 0;
  }

  async updateDoc(doc: DocWrite): Promise<void> {
    await this.query(sql.docUpdate, docParams(doc));
  }

  /**
   * Writes the document in one statement when `expectedVersion` allows it without first reading
   * the row: unversioned (insert or overwrite), 0 (create only), or the version it holds now.
   * Returns the new version, or undefined when the statement wrote nothing (the document is
   * absent, present or at another version): the caller then takes the locking path.
   */
  async putDocDirect(kind: string, id: string, data: string, updatedAt: number, expectedVersion: number | undefined): Promise<number | undefined> {
    if (expectedVersion === undefined) return (await this.query<{ version: number }>(sql.docUpsert, [kind, id, data, updatedAt])).rows[0]?.version;
    if (expectedVersion === 0) return (await this.insertDoc({ kind, id, version: 1, data, updatedAt })) ? 1 : undefined;
    return (await this.query<{ version: number }>(sql.docUpdateIf, [kind, id, data, updatedAt, expectedVersion])).rows[0]?.version;
  }

  async deleteDoc(kind: string, id: string): Promise<boolean> {
    return ((await this.query(sql.docDelete, [kind, id])).rowCount ?? 0) > 0;
  }

  /**
   * Holds `stream`'s append lock until the transaction ends (only ever called inside one). See
   * OUTBOX_STREAM_LOCK_CLASS for why.
   */
  async lockOutboxStream(stream: string): Promise<void> {
    await this.query(sql.outboxStreamLock, [OUTBOX_STREAM_LOCK_CLASS, stream]);
  }

  /** `locked`: take the stream's append lock in the same statement (see OUTBOX_STREAM_LOCK_CLASS). */
  async appendOutbox(stream: string, payload: string, createdAt: number, availableAt: number, locked = false): Promise<number> {
    const values = [stream, payload, createdAt, availableAt];
    const { rows } = locked
      ? await this.query<{ seq: string }>(sql.outboxLockedInsert, [...values, OUTBOX_STREAM_LOCK_CLASS])
      : await this.query<{ seq: string }>(sql.outboxInsert, values);
    return Number(rows[0]?.seq);
  }

  /** RETURNING gives no order guarantee, hence the sort. */
  async claimOutbox<T>({ now, until, owner, limit }: Lease): Promise<OutboxMessage<T>[]> {
    const { rows } = await this.query<OutboxRow>(sql.outboxClaim, [now, until, owner, limit]);
    return rows.map((row) => toMessage<T>(row)).sort((a, b) => a.seq - b.seq);
  }

  /** False when `owner` does not hold the message. */
  async completeOutbox(seq: number, owner: string): Promise<boolean> {
    return ((await this.query(sql.outboxDelete, [seq, owner])).rowCount ?? 0) > 0;
  }

  /** False when `owner` does not hold the message. */
  async releaseOutbox(seq: number, owner: string, availableAt: number, lastError: string): Promise<boolean> {
    return ((await this.query(sql.outboxRelease, [seq, owner, availableAt, lastError])).rowCount ?? 0) > 0;
  }

  async pendingOutbox<T>(stream: string | undefined): Promise<OutboxMessage<T>[]> {
    const { rows } = await this.query<OutboxRow>(sql.outboxPending, [stream ?? null]);
    return rows.map((row) => toMessage<T>(row));
  }

  async setTimer(key: string, dueAt: number, payload: string): Promise<void> {
    await this.query(sql.timerUpsert, [key, dueAt, payload]);
  }

  /**
   * Deferred to the next statement or the commit: hanging up cancels a dozen timers in a row, and
   * one DELETE for all of them saves a round trip each. Nothing reads its result, and a failure
   * still fails the transaction (at the next statement or at COMMIT), which then rolls back whole.
   */
  deleteTimer(key: string): Promise<void> {
    this.cancelled.push(key);
    return Promise.resolve();
  }

  async getTimer<T>(key: string): Promise<TimerEntry<T> | undefined> {
    const { rows } = await this.query<TimerRow>(sql.timerGet, [key]);
    return rows[0] && toTimer<T>(rows[0]);
  }

  async claimTimers<T>({ now, until, owner, limit }: Lease): Promise<TimerEntry<T>[]> {
    const { rows } = await this.query<TimerRow>(sql.timerClaim, [now, until, owner, limit]);
    return rows.map((row) => toTimer<T>(row)).sort((a, b) => a.dueAt - b.dueAt || compareIds(a.key, b.key));
  }

  async completeTimer(key: string, owner: string): Promise<void> {
    await this.query(sql.timerComplete, [key, owner]);
  }

  /** Sorted here: the database collation need not order like compareIds. */
  async listKinds(): Promise<string[]> {
    const { rows } = await this.query<{ kind: string }>(sql.docKinds);
    return rows.map((row) => row.kind).sort(compareIds);
  }

  async clearOutbox(): Promise<number> {
    return (await this.query(sql.outboxClear)).rowCount ?? 0;
  }

  async listTimers<T>(): Promise<TimerEntry<T>[]> {
    const { rows } = await this.query<TimerRow>(sql.timerList);
    return rows.map((row) => toTimer<T>(row)).sort((a, b) => a.dueAt - b.dueAt || compareIds(a.key, b.key));
  }
}

function docParams(doc: DocWrite): unknown[] {
  return [doc.kind, doc.id, doc.version, doc.data, doc.updatedAt];
}

function toDoc<T>(row: DocRow): StoredDoc<T> {
  return { kind: row.kind, id: row.id, version: row.version, data: decodeJson<T>(row.data), updatedAt: Number(row.updated_at) };
}

function toMessage<T>(row: OutboxRow): OutboxMessage<T> {
  const message: OutboxMessage<T> = {
    seq: Number(row.seq),
    stream: row.stream,
    payload: decodeJson<T>(row.payload),
    createdAt: Number(row.created_at),
    availableAt: Number(row.available_at),
    attempts: row.attempts,
  };
  if (row.last_error !== null) message.lastError = row.last_error;
  return message;
}

function toTimer<T>(row: TimerRow): TimerEntry<T> {
  return { key: row.key, dueAt: Number(row.due_at), payload: decodeJson<T>(row.payload) };
}
