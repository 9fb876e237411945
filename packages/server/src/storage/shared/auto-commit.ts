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
import { readShared, type SharedReads } from './shared-reads.js';

type Transaction = <T>(work: (tx: StoreTx) => Promise<T>) => Promise<T>;

/**
 * The ports a Store exposes directly: reads see committed state only, and each write runs as its
 * own one-statement transaction, so it queues behind (and never slips into) an open transaction.
 */
export function autoCommitPorts(committed: StoreTx, transaction: Transaction): StoreTx {
  return {
    docs: new AutoCommitDocs(committed.docs, transaction),
    outbox: new AutoCommitOutbox(committed.outbox, transaction),
    timers: new AutoCommitTimers(committed.timers, transaction),
    deliveries: new AutoCommitDeliveries(committed.deliveries, transaction),
  };
}

class AutoCommitDocs implements DocumentPort, SharedReads {
  constructor(
    private readonly committed: DocumentPort,
    private readonly transaction: Transaction,
  ) {}

  get<T>(kind: string, id: string): Promise<StoredDoc<T> | undefined> {
    return this.committed.get<T>(kind, id);
  }

  getShared<T>(kind: string, id: string): Promise<StoredDoc<T> | undefined> {
    return readShared<T>(this.committed, kind, id);
  }

  list<T>(kind: string, options?: ListOptions): Promise<StoredDoc<T>[]> {
    return this.committed.list<T>(kind, options);
  }

  put<T>(kind: string, id: string, data: T, expectedVersion?: number): Promise<StoredDoc<T>> {
    return this.transaction((tx) => tx.docs.put(kind, id, data, expectedVersion));
  }

  delete(kind: string, id: string, expectedVersion?: number): Promise<boolean> {
    return this.transaction((tx) => tx.docs.delete(kind, id, expectedVersion));
  }

  kinds(): Promise<string[]> {
    return this.committed.kinds();
  }
}

class AutoCommitOutbox implements OutboxPort {
  constructor(
    private readonly committed: OutboxPort,
    private readonly transaction: Transaction,
  ) {}

  append<T>(messages: { stream: string; payload: T; availableAt?: number }[]): Promise<number[]> {
    return this.transaction((tx) => tx.outbox.append(messages));
  }

  claim<T>(options: ClaimOptions): Promise<OutboxMessage<T>[]> {
    return this.transaction((tx) => tx.outbox.claim<T>(options));
  }

  complete(seq: number, owner: string): Promise<void> {
    return this.transaction((tx) => tx.outbox.complete(seq, owner));
  }

  reschedule(seq: number, owner: string, availableAt: number, lastError: string): Promise<void> {
    return this.transaction((tx) => tx.outbox.reschedule(seq, owner, availableAt, lastError));
  }

  pending<T>(stream?: string): Promise<OutboxMessage<T>[]> {
    return this.committed.pending<T>(stream);
  }

  clear(): Promise<number> {
    return this.transaction((tx) => tx.outbox.clear());
  }
}

class AutoCommitTimers implements TimerPort {
  constructor(
    private readonly committed: TimerPort,
    private readonly transaction: Transaction,
  ) {}

  set<T>(key: string, dueAt: number, payload: T): Promise<void> {
    return this.transaction((tx) => tx.timers.set(key, dueAt, payload));
  }

  cancel(key: string): Promise<void> {
    return this.transaction((tx) => tx.timers.cancel(key));
  }

  get<T>(key: string): Promise<TimerEntry<T> | undefined> {
    return this.committed.get<T>(key);
  }

  claimDue<T>(options: ClaimOptions): Promise<TimerEntry<T>[]> {
    return this.transaction((tx) => tx.timers.claimDue<T>(options));
  }

  complete(key: string, owner: string): Promise<void> {
    return this.transaction((tx) => tx.timers.complete(key, owner));
  }

  list<T>(): Promise<TimerEntry<T>[]> {
    return this.committed.list<T>();
  }
}

class AutoCommitDeliveries implements DeliveryLogPort {
  constructor(
    private readonly committed: DeliveryLogPort,
    private readonly transaction: Transaction,
  ) {}

  append(attempt: NewDeliveryAttempt): Promise<number> {
    return this.transaction((tx) => tx.deliveries.append(attempt));
  }

  get(id: number): Promise<DeliveryAttempt | undefined> {
    return this.committed.get(id);
  }

  list(filter?: DeliveryFilter): Promise<DeliveryAttempt[]> {
    return this.committed.list(filter);
  }

  prune(keep: number): Promise<number> {
    return this.transaction((tx) => tx.deliveries.prune(keep));
  }
}
