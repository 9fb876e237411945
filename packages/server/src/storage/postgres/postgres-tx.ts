import type { Clock } from '../../domain/clock.js';
import { LeaseLostError } from '../errors.js';
import {
  VersionConflictError,
  type ClaimOptions,
  type DeliveryAttempt,
  type DeliveryFilter,
  type DeliveryLogPort,
  type DocumentPort,
  type ListOptions,
  type NewDeliveryAttempt,
  type OutboxMessage,
  type OutboxPort,
  type StoredDoc,
  type StoreTx,
  type TimerEntry,
  type TimerPort,
} from '../ports.js';
import { compareIds } from '../shared/compare-ids.js';
import { decodeJson, encodeJson } from '../shared/json.js';
import { assertVersion } from '../shared/versioning.js';
import { writtenDoc } from '../shared/written-doc.js';
import type { DocWrite, Statements } from './statements.js';

/**
 * The ports over one set of statements: a transaction's client between BEGIN and COMMIT, or the
 * pool for the store's committed-state reads. `statements()` throws once the transaction it
 * belongs to is over.
 */
export function postgresTx(statements: () => Statements, clock: Clock): StoreTx {
  return {
    docs: new PostgresDocs(statements, clock),
    outbox: new PostgresOutbox(statements, clock),
    timers: new PostgresTimers(statements),
    deliveries: new PostgresDeliveries(statements),
  };
}

class PostgresDocs implements DocumentPort {
  constructor(
    private readonly statements: () => Statements,
    private readonly clock: Clock,
  ) {}

  async get<T>(kind: string, id: string): Promise<StoredDoc<T> | undefined> {
    return this.statements().getDoc<T>(kind, id);
  }

  async list<T>(kind: string, options: ListOptions = {}): Promise<StoredDoc<T>[]> {
    return this.statements().listDocs<T>(kind, options);
  }

  async put<T>(kind: string, id: string, data: T, expectedVersion?: number): Promise<StoredDoc<T>> {
    const statements = this.statements();
    const text = encodeJson(data);
    const updatedAt = this.clock.now();
    // One round trip in the common cases; what it cannot decide (a conflict, a missing document)
    // goes the locking way below, which also produces the conflict error.
    const version = await statements.putDocDirect(kind, id, text, updatedAt, expectedVersion);
    const written = version ?? (await this.lockedPut(statements, { kind, id, version: 0, data: text, updatedAt }, expectedVersion)).version;
    return writtenDoc(kind, id, written, updatedAt, () => decodeJson<T>(text));
  }

  private async lockedPut(statements: Statements, doc: DocWrite, expectedVersion: number | undefined): Promise<DocWrite> {
    const actual = await statements.lockDocVersion(doc.kind, doc.id);
    assertVersion(doc.kind, doc.id, expectedVersion, actual);
    doc.version = actual + 1;
    if (actual > 0) {
      await statements.updateDoc(doc);
    } else if (!(await statements.insertDoc(doc))) {
      // Another node created it between our read and our insert: its row is now committed and
      // locked by us, so this is a plain conflict (or, unversioned, an overwrite of it).
      const created = await statements.lockDocVersion(doc.kind, doc.id);
      if (expectedVersion !== undefined) throw new VersionConflictError(doc.kind, doc.id, expectedVersion, created);
      doc.version = created + 1;
      await statements.updateDoc(doc);
    }
    return doc;
  }

  async delete(kind: string, id: string, expectedVersion?: number): Promise<boolean> {
    const statements = this.statements();
    assertVersion(kind, id, expectedVersion, await statements.lockDocVersion(kind, id));
    return statements.deleteDoc(kind, id);
  }

  async kinds(): Promise<string[]> {
    return this.statements().listKinds();
  }
}

class PostgresOutbox implements OutboxPort {
  constructor(
    private readonly statements: () => Statements,
    private readonly clock: Clock,
  ) {}

  async append<T>(messages: { stream: string; payload: T; availableAt?: number }[]): Promise<number[]> {
    const statements = this.statements();
    const now = this.clock.now();
    // Encode everything first: a non-JSON payload fails before any row is written.
    const encoded = messages.map((message) => ({ ...message, payload: encodeJson(message.payload) }));
    const streams = [...new Set(encoded.map((m) => m.stream))].sort(compareIds);
    // One stream (the usual case): its lock travels with the first insert. Several: lock every
    // stream first, in one order, so two appenders of the same streams cannot deadlock each other
    // within one call (the lock is re-entrant for this transaction: a later append to the same
    // stream just takes it again).
    if (streams.length > 1) for (const stream of streams) await statements.lockOutboxStream(stream);
    const seqs: number[] = [];
    for (const m of encoded) seqs.push(await statements.appendOutbox(m.stream, m.payload, now, m.availableAt ?? now, streams.length === 1 && seqs.length === 0));
    return seqs;
  }

  async claim<T>({ now, leaseMs, limit, owner }: ClaimOptions): Promise<OutboxMessage<T>[]> {
    return this.statements().claimOutbox<T>({ now, until: now + leaseMs, limit: Math.max(limit, 0), owner });
  }

  async complete(seq: number, owner: string): Promise<void> {
    if (!(await this.statements().completeOutbox(seq, owner))) throw new LeaseLostError(seq, owner);
  }

  async reschedule(seq: number, owner: string, availableAt: number, lastError: string): Promise<void> {
    if (!(await this.statements().releaseOutbox(seq, owner, availableAt, lastError))) throw new LeaseLostError(seq, owner);
  }

  async pending<T>(stream?: string): Promise<OutboxMessage<T>[]> {
    return this.statements().pendingOutbox<T>(stream);
  }

  async clear(): Promise<number> {
    return this.statements().clearOutbox();
  }
}

class PostgresTimers implements TimerPort {
  constructor(private readonly statements: () => Statements) {}

  async set<T>(key: string, dueAt: number, payload: T): Promise<void> {
    await this.statements().setTimer(key, dueAt, encodeJson(payload));
  }

  async cancel(key: string): Promise<void> {
    await this.statements().deleteTimer(key);
  }

  async get<T>(key: string): Promise<TimerEntry<T> | undefined> {
    return this.statements().getTimer<T>(key);
  }

  async claimDue<T>({ now, leaseMs, limit, owner }: ClaimOptions): Promise<TimerEntry<T>[]> {
    return this.statements().claimTimers<T>({ now, until: now + leaseMs, limit: Math.max(limit, 0), owner });
  }

  /** No-op unless `owner` still holds the lease (a re-set or cancelled timer is left alone). */
  async complete(key: string, owner: string): Promise<void> {
    await this.statements().completeTimer(key, owner);
  }

  async list<T>(): Promise<TimerEntry<T>[]> {
    return this.statements().listTimers<T>();
  }
}

class PostgresDeliveries implements DeliveryLogPort {
  constructor(private readonly statements: () => Statements) {}

  async append(attempt: NewDeliveryAttempt): Promise<number> {
    return this.statements().deliveries.append(attempt);
  }

  async get(id: number): Promise<DeliveryAttempt | undefined> {
    return this.statements().deliveries.get(id);
  }

  async list(filter: DeliveryFilter = {}): Promise<DeliveryAttempt[]> {
    return this.statements().deliveries.list(filter);
  }

  async prune(keep: number): Promise<number> {
    return this.statements().deliveries.prune(keep);
  }
}
