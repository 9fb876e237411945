import type { Clock } from '../../domain/clock.js';
import { LeaseLostError } from '../errors.js';
import type {
  ClaimOptions,
  DeliveryAttempt,
  DeliveryFilter,
  DeliveryLogPort,
  DocumentPort,
  ListOptions,
  NewDeliveryAttempt,
  OutboxMessage,
  OutboxPort,
  StoredDoc,
  StoreTx,
  TimerEntry,
  TimerPort,
} from '../ports.js';
import { VersionConflictError } from '../ports.js';
import { isFrozenJson } from '../shared/frozen-json.js';
import { decodeJson, encodeJson } from '../shared/json.js';
import type { SharedReads } from '../shared/shared-reads.js';
import { assertVersion } from '../shared/versioning.js';
import { writtenDoc } from '../shared/written-doc.js';
import type { Statements } from './statements.js';

/**
 * The ports over one connection's statements. Transactions hand it the writer's statements while
 * BEGIN IMMEDIATE is open; the store's own read side hands it the reader connection's.
 * `statements()` throws once the transaction it belongs to is over.
 */
export function sqliteTx(statements: () => Statements, clock: Clock): StoreTx {
  return {
    docs: new SqliteDocs(statements, clock),
    outbox: new SqliteOutbox(statements, clock),
    timers: new SqliteTimers(statements),
    deliveries: new SqliteDeliveries(statements),
  };
}

class SqliteDocs implements DocumentPort, SharedReads {
  constructor(
    private readonly statements: () => Statements,
    private readonly clock: Clock,
  ) {}

  async get<T>(kind: string, id: string): Promise<StoredDoc<T> | undefined> {
    return this.statements().getDoc<T>(kind, id);
  }

  /** Committed reads share the cache's frozen value (SharedReads); inside a transaction, a copy. */
  async getShared<T>(kind: string, id: string): Promise<StoredDoc<T> | undefined> {
    return this.statements().getSharedDoc<T>(kind, id);
  }

  async list<T>(kind: string, options: ListOptions = {}): Promise<StoredDoc<T>[]> {
    return this.statements().listDocs<T>(kind, options);
  }

  async put<T>(kind: string, id: string, data: T, expectedVersion?: number): Promise<StoredDoc<T>> {
    const statements = this.statements();
    const text = encodeJson(data);
    const updatedAt = this.clock.now();
    const version = statements.writeDoc({ kind, id, data: text, updatedAt }, expectedVersion, isFrozenJson(data) ? data : undefined);
    // Only a versioned put can fail its check, so expectedVersion is set here.
    if (version === undefined) throw new VersionConflictError(kind, id, expectedVersion as number, statements.docVersion(kind, id));
    return writtenDoc(kind, id, version, updatedAt, () => decodeJson<T>(text));
  }

  async delete(kind: string, id: string, expectedVersion?: number): Promise<boolean> {
    const statements = this.statements();
    assertVersion(kind, id, expectedVersion, statements.docVersion(kind, id));
    return statements.deleteDoc(kind, id);
  }

  async kinds(): Promise<string[]> {
    return this.statements().listKinds();
  }
}

class SqliteOutbox implements OutboxPort {
  constructor(
    private readonly statements: () => Statements,
    private readonly clock: Clock,
  ) {}

  async append<T>(messages: { stream: string; payload: T; availableAt?: number }[]): Promise<number[]> {
    const statements = this.statements();
    const now = this.clock.now();
    const encoded = messages.map((message) => ({ ...message, payload: encodeJson(message.payload) }));
    return encoded.map((m) => statements.appendOutbox(m.stream, m.payload, now, m.availableAt ?? now));
  }

  async claim<T>({ now, leaseMs, limit, owner }: ClaimOptions): Promise<OutboxMessage<T>[]> {
    return this.statements().claimOutbox<T>({ now, until: now + leaseMs, limit: Math.max(limit, 0), owner });
  }

  async complete(seq: number, owner: string): Promise<void> {
    if (!this.statements().completeOutbox(seq, owner)) throw new LeaseLostError(seq, owner);
  }

  async reschedule(seq: number, owner: string, availableAt: number, lastError: string): Promise<void> {
    if (!this.statements().releaseOutbox(seq, owner, availableAt, lastError)) throw new LeaseLostError(seq, owner);
  }

  async pending<T>(stream?: string): Promise<OutboxMessage<T>[]> {
    return this.statements().pendingOutbox<T>(stream);
  }

  async clear(): Promise<number> {
    return this.statements().clearOutbox();
  }
}

class SqliteTimers implements TimerPort {
  constructor(private readonly statements: () => Statements) {}

  async set<T>(key: string, dueAt: number, payload: T): Promise<void> {
    this.statements().setTimer(key, dueAt, encodeJson(payload));
  }

  async cancel(key: string): Promise<void> {
    this.statements().deleteTimer(key);
  }

  async get<T>(key: string): Promise<TimerEntry<T> | undefined> {
    return this.statements().getTimer<T>(key);
  }

  async claimDue<T>({ now, leaseMs, limit, owner }: ClaimOptions): Promise<TimerEntry<T>[]> {
    return this.statements().claimTimers<T>({ now, until: now + leaseMs, limit: Math.max(limit, 0), owner });
  }

  /** No-op unless `owner` still holds the lease (a re-set or cancelled timer is left alone). */
  async complete(key: string, owner: string): Promise<void> {
    this.statements().completeTimer(key, owner);
  }

  async list<T>(): Promise<TimerEntry<T>[]> {
    return this.statements().listTimers<T>();
  }
}

class SqliteDeliveries implements DeliveryLogPort {
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
