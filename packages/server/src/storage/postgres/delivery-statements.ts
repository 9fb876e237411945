import type { DeliveryAttempt, DeliveryFilter, DeliveryOutcome, NewDeliveryAttempt } from '../ports.js';
import { decodeJson, encodeJson } from '../shared/json.js';
import { prepared, type Query } from './statements.js';

/** A delivery-log row exactly as pg returns it (BIGINT as string). */
interface DeliveryRow {
  id: string;
  seq: string;
  call_id: string;
  app_id: string;
  tenant_id: string;
  url: string;
  attempt: number;
  at: string;
  status: number | null;
  latency_ms: number | null;
  error: string | null;
  outcome: DeliveryOutcome;
  summary: string;
  request_id: string | null;
  payload: string;
  jwt_claims: string;
}

const sql = prepared('sb_deliveries', {
  insert: `
      INSERT INTO deliveries (seq, call_id, app_id, tenant_id, url, attempt, at, status, latency_ms, error,
        outcome, summary, request_id, payload, jwt_claims)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
      RETURNING id`,
  get: 'SELECT * FROM deliveries WHERE id = $1',
  // LIMIT NULL is PostgreSQL for "no limit".
  list: `
      SELECT * FROM deliveries
      WHERE ($1::text IS NULL OR call_id = $1) AND ($2::text IS NULL OR app_id = $2)
        AND ($3::bigint IS NULL OR seq = $3) AND ($4::bigint IS NULL OR id < $4)
      ORDER BY id DESC LIMIT $5`,
  // The id of the newest row to drop is the (keep+1)-th newest; NULL (nothing to drop) deletes nothing.
  prune: 'DELETE FROM deliveries WHERE id <= (SELECT id FROM deliveries ORDER BY id DESC LIMIT 1 OFFSET $1)',
});

/** The delivery log's SQL and row mapping. */
export class DeliveryStatements {
  constructor(private readonly query: Query) {}

  async append(a: NewDeliveryAttempt): Promise<number> {
    const values = [
      a.seq, a.callId, a.appId, a.tenantId, a.url, a.attempt, a.at, a.status ?? null, a.latencyMs ?? null, a.error ?? null,
      a.outcome, a.summary, a.requestId ?? null, a.payloadJson ?? encodeJson(a.payload), encodeJson(a.jwtClaims),
    ];
    const { rows } = await this.query<{ id: string }>(sql.insert, values);
    return Number(rows[0]?.id);
  }

  async get(id: number): Promise<DeliveryAttempt | undefined> {
    const { rows } = await this.query<DeliveryRow>(sql.get, [id]);
    return rows[0] && toAttempt(rows[0]);
  }

  async list({ callId, appId, seq, beforeId, limit }: DeliveryFilter): Promise<DeliveryAttempt[]> {
    const rowLimit = limit === undefined ? null : Math.max(limit, 0);
    const { rows } = await this.query<DeliveryRow>(sql.list, [callId ?? null, appId ?? null, seq ?? null, beforeId ?? null, rowLimit]);
    return rows.map(toAttempt);
  }

  async prune(keep: number): Promise<number> {
    return (await this.query(sql.prune, [Math.max(keep, 0)])).rowCount ?? 0;
  }
}

/** Absent optional fields stay absent (not undefined), as the memory adapter returns them. */
function toAttempt(row: DeliveryRow): DeliveryAttempt {
  const attempt: DeliveryAttempt = {
    id: Number(row.id), seq: Number(row.seq), callId: row.call_id, appId: row.app_id, tenantId: row.tenant_id, url: row.url,
    attempt: row.attempt, at: Number(row.at), outcome: row.outcome, summary: row.summary,
    payload: decodeJson(row.payload), jwtClaims: decodeJson<Record<string, unknown>>(row.jwt_claims),
  };
  if (row.status !== null) attempt.status = row.status;
  if (row.latency_ms !== null) attempt.latencyMs = row.latency_ms;
  if (row.error !== null) attempt.error = row.error;
  if (row.request_id !== null) attempt.requestId = row.request_id;
  return attempt;
}
