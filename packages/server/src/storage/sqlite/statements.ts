import type { Database, Statement } from 'better-sqlite3';
import type { ListOptions, OutboxMessage, StoredDoc, TimerEntry } from '../ports.js';
import { compareIds } from '../shared/compare-ids.js';
import { freezeJson } from '../shared/frozen-json.js';
import { decodeJson } from '../shared/json.js';
import { DeliveryStatements } from './delivery-statements.js';
import { keyOf, type CachedDoc, type DocCache } from './doc-cache.js';

/** Rows exactly as SQLite returns them; the only place that knows column names. */
interface DocRow {
  kind: string;
  id: string;
  version: number;
  data: string;
  updated_at: number;
}

interface OutboxRow {
  seq: number;
  stream: string;
  payload: string;
  created_at: number;
  available_at: number;
  attempts: number;
  last_error: string | null;
}

interface TimerRow {
  key: string;
  due_at: number;
  payload: string;
}

interface DocListParams {
  kind: string;
  prefix: string | null;
  after: string | null;
  limit: number;
}

/** A row to write; `data` is already JSON text. */
export interface DocWrite {
  kind: string;
  id: string;
  data: string;
  updatedAt: number;
}

interface OutboxInsertParams {
  stream: string;
  payload: string;
  createdAt: number;
  availableAt: number;
}

interface OutboxReleaseParams {
  seq: number;
  owner: string;
  availableAt: number;
  lastError: string;
}

export interface Lease {
  now: number;
  until: number;
  owner: string;
  limit: number;
}

const OUTBOX_COLUMNS = 'seq, stream, payload, created_at, available_at, attempts, last_error';

/**
 * A LIMIT or OFFSET is never a bare parameter here. The SQLite that better-sqlite3 12 bundles
 * lets a bare `@limit` steer the plan, so the statement is compiled again after every new binding,
 * and better-sqlite3 binds on every run: the outbox claim cost 29 µs back to back and 80–150 µs
 * in the callback flow, against 3.5 and about 35 with `CAST(@limit AS INTEGER)`, the same value
 * hidden from the planner (docs/perf/callbacks.md, session 6). Guarded by
 * test/storage/sqlite-statements.test.ts.
 */
const sql = {
  docGet: 'SELECT * FROM documents WHERE kind = @kind AND id = @id',
  // substr() rather than LIKE/GLOB: a prefix is literal, wildcards in ids must not match anything.
  docList: `
      SELECT * FROM documents WHERE kind = @kind
        AND (@prefix IS NULL OR (id >= @prefix AND substr(id, 1, length(@prefix)) = @prefix))
        AND (@after IS NULL OR id > @after)
      ORDER BY id LIMIT CAST(@limit AS INTEGER)`,
  docVersion: 'SELECT version FROM documents WHERE kind = @kind AND id = @id',
  // The three writes of put(), one statement each: the version check and the bump happen in the
  // write itself, so a put neither reads the row first nor re-reads it after. No row back means
  // the check failed (put() then reads the version for the conflict error).
  docPutAny: `
      INSERT INTO documents (kind, id, version, data, updated_at)
      VALUES (@kind, @id, 1, @data, @updatedAt)
      ON CONFLICT (kind, id) DO UPDATE SET
        version = version + 1, data = excluded.data, updated_at = excluded.updated_at
      RETURNING version`,
  docPutNew: `
      INSERT INTO documents (kind, id, version, data, updated_at)
      VALUES (@kind, @id, 1, @data, @updatedAt)
      ON CONFLICT (kind, id) DO NOTHING
      RETURNING version`,
  docPutAt: `
      UPDATE documents SET version = version + 1, data = @data, updated_at = @updatedAt
      WHERE kind = @kind AND id = @id AND version = @expected
      RETURNING version`,
  docDelete: 'DELETE FROM documents WHERE kind = @kind AND id = @id',
  outboxInsert: `
      INSERT INTO outbox (stream, payload, created_at, available_at)
      VALUES (@stream, @payload, @createdAt, @availableAt)`,
  // The head of a stream is its lowest seq; only a head that is available and not leased is claimed.
  // NOT EXISTS on (stream, seq) finds heads in seq order and stops at `limit`; a GROUP BY over every
  // row cost a scan of the whole backlog per claim (10× slower at 3,000 rows, docs/perf/callbacks.md).
  // attempts counts claims, so a delivery cut short by a crash (lease expiry) counts as one.
  outboxClaim: `
      UPDATE outbox SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
      WHERE seq IN (
        SELECT o.seq FROM outbox o
        WHERE o.available_at <= @now AND (o.lease_until IS NULL OR o.lease_until <= @now)
          AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.stream = o.stream AND p.seq < o.seq)
        ORDER BY o.seq LIMIT CAST(@limit AS INTEGER))
      RETURNING ${OUTBOX_COLUMNS}`,
  outboxDelete: 'DELETE FROM outbox WHERE seq = @seq AND lease_owner = @owner',
  outboxRelease: `
      UPDATE outbox SET lease_owner = NULL, lease_until = NULL, available_at = @availableAt, last_error = @lastError
      WHERE seq = @seq AND lease_owner = @owner`,
  outboxPending: `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE @stream IS NULL OR stream = @stream ORDER BY seq`,
  // Re-setting drops the lease: the new occurrence is claimable on its own, and complete() by the
  // old claimer (which requires lease_owner to match) leaves it alone.
  timerUpsert: `
      INSERT INTO timers (key, due_at, payload) VALUES (@key, @dueAt, @payload)
      ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at, payload = excluded.payload,
        lease_owner = NULL, lease_until = NULL`,
  timerDelete: 'DELETE FROM timers WHERE key = @key',
  timerGet: 'SELECT key, due_at, payload FROM timers WHERE key = @key',
  timerClaim: `
      UPDATE timers SET lease_owner = @owner, lease_until = @until
      WHERE key IN (
        SELECT key FROM timers WHERE due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
        ORDER BY due_at, key LIMIT CAST(@limit AS INTEGER))
      RETURNING key, due_at, payload`,
  timerComplete: 'DELETE FROM timers WHERE key = @key AND lease_owner = @owner',
  docKinds: 'SELECT DISTINCT kind FROM documents ORDER BY kind',
  outboxClear: 'DELETE FROM outbox',
  timerList: 'SELECT key, due_at, payload FROM timers ORDER BY due_at, key',
};

/** The SQL texts, for tests that check their form. */
export const STATEMENT_SQL: Readonly<Record<string, string>> = sql;

/**
 * What a connection's statements share with the store: the committed-document cache, and on the
 * writer the record of the documents its open transaction wrote (never served from the cache or
 * put into it meanwhile). Each written key holds the row as written, or undefined when it was
 * deleted or its write failed its version check; the store settles them with the cache once the
 * transaction ends (sqlite-store.ts).
 */
export interface DocTracking {
  cache?: DocCache;
  written?: Map<string, CachedDoc | undefined>;
}

/** Prepared once per connection; all row ⇄ domain mapping happens here. */
export class Statements {
  readonly deliveries: DeliveryStatements;
  private readonly docGet: Statement<[{ kind: string; id: string }], DocRow>;
  private readonly docList: Statement<[DocListParams], DocRow>;
  private readonly docVersionOf: Statement<[{ kind: string; id: string }], number>;
  private readonly docPutAny: Statement<[DocWrite], number>;
  private readonly docPutNew: Statement<[DocWrite], number>;
  private readonly docPutAt: Statement<[DocWrite & { expected: number }], number>;
  private readonly docDelete: Statement<[{ kind: string; id: string }]>;
  private readonly outboxInsert: Statement<[OutboxInsertParams]>;
  private readonly outboxClaim: Statement<[Lease], OutboxRow>;
  private readonly outboxDelete: Statement<[{ seq: number; owner: string }]>;
  private readonly outboxRelease: Statement<[OutboxReleaseParams]>;
  private readonly outboxPending: Statement<[{ stream: string | null }], OutboxRow>;
  private readonly timerUpsert: Statement<[{ key: string; dueAt: number; payload: string }]>;
  private readonly timerDelete: Statement<[{ key: string }]>;
  private readonly timerGet: Statement<[{ key: string }], TimerRow>;
  private readonly timerClaim: Statement<[Lease], TimerRow>;
  private readonly timerComplete: Statement<[{ key: string; owner: string }]>;
  private readonly docKinds: Statement<[], { kind: string }>;
  private readonly outboxClear: Statement<[]>;
  private readonly timerList: Statement<[], TimerRow>;

  constructor(
    db: Database,
    private readonly tracking: DocTracking = {},
  ) {
    this.deliveries = new DeliveryStatements(db);
    this.docGet = db.prepare(sql.docGet);
    this.docList = db.prepare(sql.docList);
    this.docVersionOf = db.prepare<[{ kind: string; id: string }], number>(sql.docVersion).pluck();
    this.docPutAny = db.prepare<[DocWrite], number>(sql.docPutAny).pluck();
    this.docPutNew = db.prepare<[DocWrite], number>(sql.docPutNew).pluck();
    this.docPutAt = db.prepare<[DocWrite & { expected: number }], number>(sql.docPutAt).pluck();
    this.docDelete = db.prepare(sql.docDelete);
    this.outboxInsert = db.prepare(sql.outboxInsert);
    this.outboxClaim = db.prepare(sql.outboxClaim);
    this.outboxDelete = db.prepare(sql.outboxDelete);
    this.outboxRelease = db.prepare(sql.outboxRelease);
    this.outboxPending = db.prepare(sql.outboxPending);
    this.timerUpsert = db.prepare(sql.timerUpsert);
    this.timerDelete = db.prepare(sql.timerDelete);
    this.timerGet = db.prepare(sql.timerGet);
    this.timerClaim = db.prepare(sql.timerClaim);
    this.timerComplete = db.prepare(sql.timerComplete);
    this.docKinds = db.prepare(sql.docKinds);
    this.outboxClear = db.prepare(sql.outboxClear);
    this.timerList = db.prepare(sql.timerList);
  }

  getDoc<T>(kind: string, id: string): StoredDoc<T> | undefined {
    const row = this.cachedRow(kind, id) ?? this.readDoc(kind, id);
    return row && toDoc<T>(row);
  }

  /**
   * Through the cache: the cached row's frozen value, decoded once per committed version, so a
   * GET's call, conference and tenant, and a transaction's reads of them, are not parsed again
   * every time. A document the open transaction wrote is read from the writer and decoded.
   */
  getSharedDoc<T>(kind: string, id: string): StoredDoc<T> | undefined {
    if (!this.tracking.cache) return this.getDoc<T>(kind, id);
    const row: CachedDoc | undefined = this.cachedRow(kind, id) ?? this.readDoc(kind, id);
    if (!row) return undefined;
    row.shared ??= freezeJson(decodeJson(row.data));
    return { kind: row.kind, id: row.id, version: row.version, data: row.shared as T, updatedAt: row.updated_at };
  }

  /**
   * The committed row, when it is also what this connection sees: always on the reader; on the
   * writer, unless the open transaction wrote the document (this process is the file's only
   * writer, so any other committed row is current).
   */
  private cachedRow(kind: string, id: string): CachedDoc | undefined {
    const cache = this.tracking.cache;
    return cache && !this.wroteInTransaction(kind, id) ? cache.get(kind, id) : undefined;
  }

  private wroteInTransaction(kind: string, id: string): boolean {
    const written = this.tracking.written;
    return written !== undefined && written.size > 0 && written.has(keyOf(kind, id));
  }

  private readDoc(kind: string, id: string): DocRow | undefined {
    const row = this.docGet.get({ kind, id });
    if (row && this.tracking.cache && !this.wroteInTransaction(kind, id)) this.tracking.cache.remember(row);
    return row;
  }

  listDocs<T>(kind: string, { idPrefix, afterId, limit }: ListOptions): StoredDoc<T>[] {
    // LIMIT -1 is SQLite for "no limit".
    const rowLimit = limit === undefined ? -1 : Math.max(limit, 0);
    const rows = this.docList.all({ kind, prefix: idPrefix ?? null, after: afterId ?? null, limit: rowLimit });
    return rows.map((row) => toDoc<T>(row));
  }

  /** 0 when there is no such document. Only the version: the data is not read (nor copied out). */
  docVersion(kind: string, id: string): number {
    return this.docVersionOf.get({ kind, id }) ?? 0;
  }

  /**
   * Writes the document if the stored version is `expected` (DocumentPort's rules; undefined =
   * whatever is there) and returns the version written, or undefined when the check failed and
   * nothing was written. `shared`: the caller's data when it is already frozen JSON (the very
   * value a shared read of the row would decode), so the cache can serve it once committed.
   */
  writeDoc(doc: DocWrite, expected: number | undefined, shared?: unknown): number | undefined {
    const written = this.tracking.written;
    if (!written) return this.putDoc(doc, expected);
    const key = keyOf(doc.kind, doc.id);
    // Marked before the statement runs: whatever happens to it, the cache never serves the key.
    written.set(key, undefined);
    const version = this.putDoc(doc, expected);
    if (version !== undefined) written.set(key, { kind: doc.kind, id: doc.id, version, data: doc.data, updated_at: doc.updatedAt, shared });
    return version;
  }

  private putDoc(doc: DocWrite, expected: number | undefined): number | undefined {
    if (expected === undefined) return this.docPutAny.get(doc);
    if (expected === 0) return this.docPutNew.get(doc);
    return this.docPutAt.get({ ...doc, expected });
  }

  deleteDoc(kind: string, id: string): boolean {
    this.tracking.written?.set(keyOf(kind, id), undefined);
    return this.docDelete.run({ kind, id }).changes > 0;
  }

  appendOutbox(stream: string, payload: string, createdAt: number, availableAt: number): number {
    return Number(this.outboxInsert.run({ stream, payload, createdAt, availableAt }).lastInsertRowid);
  }

  /** RETURNING gives no order guarantee, hence the sort. */
  claimOutbox<T>(lease: Lease): OutboxMessage<T>[] {
    return this.outboxClaim.all(lease).sort((a, b) => a.seq - b.seq).map((row) => toMessage<T>(row));
  }

  /** False when `owner` does not hold the message. */
  completeOutbox(seq: number, owner: string): boolean {
    return this.outboxDelete.run({ seq, owner }).changes > 0;
  }

  /** False when `owner` does not hold the message. */
  releaseOutbox(seq: number, owner: string, availableAt: number, lastError: string): boolean {
    return this.outboxRelease.run({ seq, owner, availableAt, lastError }).changes > 0;
  }

  pendingOutbox<T>(stream: string | undefined): OutboxMessage<T>[] {
    return this.outboxPending.all({ stream: stream ?? null }).map((row) => toMessage<T>(row));
  }

  setTimer(key: string, dueAt: number, payload: string): void {
    this.timerUpsert.run({ key, dueAt, payload });
  }

  deleteTimer(key: string): void {
    this.timerDelete.run({ key });
  }

  getTimer<T>(key: string): TimerEntry<T> | undefined {
    const row = this.timerGet.get({ key });
    return row && toTimer<T>(row);
  }

  claimTimers<T>(lease: Lease): TimerEntry<T>[] {
    const rows = this.timerClaim.all(lease).sort((a, b) => a.due_at - b.due_at || compareIds(a.key, b.key));
    return rows.map((row) => toTimer<T>(row));
  }

  completeTimer(key: string, owner: string): void {
    this.timerComplete.run({ key, owner });
  }

  /** SQLite orders text by bytes, like compareIds for our ASCII kinds. */
  listKinds(): string[] {
    return this.docKinds.all().map((row) => row.kind);
  }

  clearOutbox(): number {
    return this.outboxClear.run().changes;
  }

  listTimers<T>(): TimerEntry<T>[] {
    return this.timerList.all().map((row) => toTimer<T>(row));
  }
}

function toDoc<T>(row: DocRow): StoredDoc<T> {
  return { kind: row.kind, id: row.id, version: row.version, data: decodeJson<T>(row.data), updatedAt: row.updated_at };
}

function toMessage<T>(row: OutboxRow): OutboxMessage<T> {
  const message: OutboxMessage<T> = {
    seq: row.seq,
    stream: row.stream,
    payload: decodeJson<T>(row.payload),
    createdAt: row.created_at,
    availableAt: row.available_at,
    attempts: row.attempts,
  };
  if (row.last_error !== null) message.lastError = row.last_error;
  return message;
}

function toTimer<T>(row: TimerRow): TimerEntry<T> {
  return { key: row.key, dueAt: row.due_at, payload: decodeJson<T>(row.payload) };
}
