import type { Clock } from '../../domain/clock.js';
import { LeaseLostError } from '../errors.js';
import type { ClaimOptions, OutboxMessage, OutboxPort } from '../ports.js';
import { decodeJson, encodeJson } from '../shared/json.js';
import type { Draft, OutboxRecord } from './memory-state.js';

export class MemoryOutbox implements OutboxPort {
  constructor(
    private readonly draft: () => Draft,
    private readonly clock: Clock,
  ) {}

  async append<T>(messages: { stream: string; payload: T; availableAt?: number }[]): Promise<number[]> {
    const draft = this.draft();
    const now = this.clock.now();
    const encoded = messages.map((message) => ({ ...message, payload: encodeJson(message.payload) }));
    return encoded.map(({ stream, payload, availableAt }) => {
      const seq = draft.nextSeq();
      const record = { seq, stream, payload, createdAt: now, availableAt: availableAt ?? now, attempts: 0 };
      draft.writableOutbox().set(seq, record);
      return seq;
    });
  }

  /** attempts counts claims, so a delivery cut short by a crash (lease expiry) counts as one. */
  async claim<T>({ now, leaseMs, limit, owner }: ClaimOptions): Promise<OutboxMessage<T>[]> {
    const draft = this.draft();
    return claimableHeads(draft.outboxRecords(), now, limit).map((head) => {
      const claimed = { ...head, attempts: head.attempts + 1, leaseOwner: owner, leaseUntil: now + leaseMs };
      draft.writableOutbox().set(head.seq, claimed);
      return toMessage<T>(claimed);
    });
  }

  async complete(seq: number, owner: string): Promise<void> {
    const draft = this.draft();
    heldBy(draft, seq, owner);
    draft.writableOutbox().delete(seq);
  }

  async reschedule(seq: number, owner: string, availableAt: number, lastError: string): Promise<void> {
    const draft = this.draft();
    const { leaseOwner: _owner, leaseUntil: _until, ...released } = heldBy(draft, seq, owner);
    draft.writableOutbox().set(seq, { ...released, availableAt, lastError });
  }

  async pending<T>(stream?: string): Promise<OutboxMessage<T>[]> {
    const records = [...this.draft().outboxRecords().values()];
    return records.filter((record) => stream === undefined || record.stream === stream).map((r) => toMessage<T>(r));
  }

  async clear(): Promise<number> {
    const draft = this.draft();
    const count = draft.outboxRecords().size;
    if (count > 0) draft.writableOutbox().clear();
    return count;
  }
}

/** The head (lowest seq) of each stream, when it is available and not leased; oldest first. */
function claimableHeads(outbox: ReadonlyMap<number, OutboxRecord>, now: number, limit: number): OutboxRecord[] {
  const seenStreams = new Set<string>();
  const heads: OutboxRecord[] = [];
  for (const record of outbox.values()) {
    if (heads.length >= limit) break;
    if (seenStreams.has(record.stream)) continue;
    seenStreams.add(record.stream);
    if (isClaimable(record, now)) heads.push(record);
  }
  return heads;
}

function isClaimable(record: OutboxRecord, now: number): boolean {
  const leased = record.leaseUntil !== undefined && record.leaseUntil > now;
  return record.availableAt <= now && !leased;
}

function heldBy(draft: Draft, seq: number, owner: string): OutboxRecord {
  const record = draft.outboxRecords().get(seq);
  if (record?.leaseOwner !== owner) throw new LeaseLostError(seq, owner);
  return record;
}

function toMessage<T>(record: OutboxRecord): OutboxMessage<T> {
  const { seq, stream, payload, createdAt, availableAt, attempts, lastError } = record;
  const message: OutboxMessage<T> = { seq, stream, payload: decodeJson<T>(payload), createdAt, availableAt, attempts };
  if (lastError !== undefined) message.lastError = lastError;
  return message;
}
