import type { Database, Statement } from 'better-sqlite3';
import type { DeliveryAttempt, DeliveryFilter, DeliveryOutcome, NewDeliveryAttempt } from '../ports.js';
import { decodeJson, encodeJson } from '../shared/json.js';

/** A delivery-log row exactly as SQLite returns it. */
interface DeliveryRow {
  id: number;
  seq: number;
  call_id: string;
  app_id: string;
  tenant_id: string;
  url: string;
  attempt: number;
  at: number;
  status: number | null;
  latency_ms: number | null;
  error: string | null;
  outcome: DeliveryOutcome;
  summary: string;
  request_id: string | null;
  payload: string;
  jwt_claims: string;
}

type DeliveryInsert = Omit<DeliveryRow, 'id'>;

interface DeliveryListParams {
  callId: string | null;
  appId: string | null;
  seq: number | null;
  before: number | null;
  limit: number;
}

const sql = {
  insert: `
      INSERT INTO deliveries (seq, call_id, app_id, tenant_id, url, attempt, at, status, latency_ms, error,
        outcome, summary, request_id, payload, jwt_claims)
      VALUES (@seq, @call_id, @app_id, @tenant_id, @url, @attempt, @at, @status, @latency_ms, @error,
        @outcome, @summary, @request_id, @payload, @jwt_claims)`,
  get: 'SELECT * FROM deliveries WHERE id = @id',
  list: `
      SELECT * FROM deliveries
      WHERE (@callId IS NULL OR call_id = @callId) AND (@appId IS NULL OR app_id = @appId)
        AND (@seq IS NULL OR seq = @seq) AND (@before IS NULL OR id < @before)
      ORDER BY id DESC LIMIT CAST(@limit AS INTEGER)`,
  // LIMIT and OFFSET take CAST parameters: a bare one recompiles the statement on every run (statements.ts).
  // The id of the newest row to drop is the (keep+1)-th newest; NULL (nothing to drop) deletes nothing.
  prune: 'DELETE FROM deliveries WHERE id <= (SELECT id FROM deliveries ORDER BY id DESC LIMIT 1 OFFSET CAST(@keep AS INTEGER))',
};

/** The SQL texts, for tests that check their form. */
export const DELIVERY_SQL: Readonly<Record<string, string>> = sql;

/** The delivery log's prepared statements and row mapping (one instance per connection). */
export class DeliveryStatements {
  private readonly insert: Statement<[DeliveryInsert]>;
  private readonly byId: Statement<[{ id: number }], DeliveryRow>;
  private readonly matching: Statement<[DeliveryListParams], DeliveryRow>;
  private readonly pruning: Statement<[{ keep: number }]>;

  constructor(db: Database) {
    this.insert = db.prepare(sql.insert);
    this.byId = db.prepare(sql.get);
    this.matching = db.prepare(sql.list);
    this.pruning = db.prepare(sql.prune);
  }

  append(attempt: NewDeliveryAttempt): number {
    return Number(this.insert.run(toRow(attempt)).lastInsertRowid);
  }

  get(id: number): DeliveryAttempt | undefined {
    const row = this.byId.get({ id });
    return row && toAttempt(row);
  }

  list({ callId, appId, seq, beforeId, limit }: DeliveryFilter): DeliveryAttempt[] {
    // LIMIT -1 is SQLite for "no limit".
    const rowLimit = limit === undefined ? -1 : Math.max(limit, 0);
    const params = { callId: callId ?? null, appId: appId ?? null, seq: seq ?? null, before: beforeId ?? null, limit: rowLimit };
    return this.matching.all(params).map(toAttempt);
  }

  prune(keep: number): number {
    return this.pruning.run({ keep: Math.max(keep, 0) }).changes;
  }
}

function toRow(a: NewDeliveryAttempt): DeliveryInsert {
  return {
    seq: a.seq, call_id: a.callId, app_id: a.appId, tenant_id: a.tenantId, url: a.url, attempt: a.attempt, at: a.at,
    status: a.status ?? null, latency_ms: a.latencyMs ?? null, error: a.error ?? null, outcome: a.outcome,
    summary: a.summary, request_id: a.requestId ?? null, payload: a.payloadJson ?? encodeJson(a.payload), jwt_claims: encodeJson(a.jwtClaims),
  };
}

/** Absent optional fields stay absent (not undefined), as the memory adapter returns them. */
function toAttempt(row: DeliveryRow): DeliveryAttempt {
  const attempt: DeliveryAttempt = {
    id: row.id, seq: row.seq, callId: row.call_id, appId: row.app_id, tenantId: row.tenant_id, url: row.url,
    attempt: row.attempt, at: row.at, outcome: row.outcome, summary: row.summary,
    payload: decodeJson(row.payload), jwtClaims: decodeJson<Record<string, unknown>>(row.jwt_claims),
  };
  if (row.status !== null) attempt.status = row.status;
  if (row.latency_ms !== null) attempt.latencyMs = row.latency_ms;
  if (row.error !== null) attempt.error = row.error;
  if (row.request_id !== null) attempt.requestId = row.request_id;
  return attempt;
}
