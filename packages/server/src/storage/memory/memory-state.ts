/** Records are immutable: a write replaces the record, so a snapshot never changes under a reader. */
export interface DocRecord {
  readonly version: number;
  readonly data: string;
  readonly updatedAt: number;
}

export interface OutboxRecord {
  readonly seq: number;
  readonly stream: string;
  readonly payload: string;
  readonly createdAt: number;
  readonly availableAt: number;
  readonly attempts: number;
  readonly lastError?: string;
  readonly leaseOwner?: string;
  readonly leaseUntil?: number;
}

export interface TimerRecord {
  readonly dueAt: number;
  readonly payload: string;
  readonly leaseOwner?: string;
  readonly leaseUntil?: number;
}

/** A delivery-log entry: the filter keys, and the rest of the attempt as JSON text. */
export interface DeliveryRecord {
  readonly id: number;
  readonly seq: number;
  readonly callId: string;
  readonly appId: string;
  readonly attempt: string;
}

/**
 * The delivery log grows by one entry per callback attempt, so copying it on every write (as the
 * other collections are) would cost O(log size) per attempt. It is append-only instead: the
 * committed state sees `items[0, count)`; a transaction appends past `count`, and a rolled-back
 * tail is cut off by the next appender before it is reused. Pruning builds a new array.
 */
export interface DeliveryLog {
  readonly items: readonly DeliveryRecord[];
  readonly count: number;
  readonly lastId: number;
}

/** Outbox records are kept in insertion order, which is seq order (seqs only grow). */
export interface MemoryState {
  readonly docs: ReadonlyMap<string, ReadonlyMap<string, DocRecord>>;
  readonly outbox: ReadonlyMap<number, OutboxRecord>;
  readonly timers: ReadonlyMap<string, TimerRecord>;
  readonly deliveries: DeliveryLog;
  readonly lastSeq: number;
}

export const emptyState: MemoryState = {
  docs: new Map(),
  outbox: new Map(),
  timers: new Map(),
  deliveries: { items: [], count: 0, lastId: 0 },
  lastSeq: 0,
};

const noDocs: ReadonlyMap<string, DocRecord> = new Map();

/**
 * A copy-on-write working copy of a committed state: the first write to a collection copies that
 * collection, so the base is never touched. Commit = adopt snapshot(); rollback = drop the draft.
 */
export class Draft {
  private docs: ReadonlyMap<string, ReadonlyMap<string, DocRecord>>;
  private outbox: ReadonlyMap<number, OutboxRecord>;
  private timers: ReadonlyMap<string, TimerRecord>;
  private deliveries: DeliveryLog;
  private lastSeq: number;
  private readonly copies = new Set<ReadonlyMap<unknown, unknown>>();

  constructor(base: MemoryState) {
    ({ docs: this.docs, outbox: this.outbox, timers: this.timers, deliveries: this.deliveries, lastSeq: this.lastSeq } = base);
  }

  docsOf(kind: string): ReadonlyMap<string, DocRecord> {
    return this.docs.get(kind) ?? noDocs;
  }

  /** Kinds with at least one document (a kind whose last document was deleted keeps an empty map). */
  docKinds(): string[] {
    return [...this.docs].filter(([, ofKind]) => ofKind.size > 0).map(([kind]) => kind);
  }

  writableDocsOf(kind: string): Map<string, DocRecord> {
    const docs = this.writable(this.docs);
    this.docs = docs;
    const ofKind = this.writable(this.docsOf(kind));
    docs.set(kind, ofKind);
    return ofKind;
  }

  outboxRecords(): ReadonlyMap<number, OutboxRecord> {
    return this.outbox;
  }

  writableOutbox(): Map<number, OutboxRecord> {
    const outbox = this.writable(this.outbox);
    this.outbox = outbox;
    return outbox;
  }

  timerRecords(): ReadonlyMap<string, TimerRecord> {
    return this.timers;
  }

  writableTimers(): Map<string, TimerRecord> {
    const timers = this.writable(this.timers);
    this.timers = timers;
    return timers;
  }

  deliveryLog(): DeliveryLog {
    return this.deliveries;
  }

  /** Appends in place past the committed count (see DeliveryLog); only one writer runs at a time. */
  appendDelivery(record: Omit<DeliveryRecord, 'id'>): number {
    const { items, count, lastId } = this.deliveries;
    const writable = items as DeliveryRecord[];
    if (writable.length > count) writable.length = count;
    writable.push({ ...record, id: lastId + 1 });
    this.deliveries = { items: writable, count: count + 1, lastId: lastId + 1 };
    return lastId + 1;
  }

  /** Keeps only the newest `keep` entries, in a new array (snapshots keep the old one). */
  truncateDeliveries(keep: number): number {
    const { items, count, lastId } = this.deliveries;
    if (count <= keep) return 0;
    const kept = items.slice(Math.max(count - Math.max(keep, 0), 0), count);
    this.deliveries = { items: kept, count: kept.length, lastId };
    return count - kept.length;
  }

  nextSeq(): number {
    this.lastSeq += 1;
    return this.lastSeq;
  }

  snapshot(): MemoryState {
    return { docs: this.docs, outbox: this.outbox, timers: this.timers, deliveries: this.deliveries, lastSeq: this.lastSeq };
  }

  private writable<K, V>(map: ReadonlyMap<K, V>): Map<K, V> {
    if (this.copies.has(map)) return map as Map<K, V>;
    const copy = new Map(map);
    this.copies.add(copy);
    return copy;
  }
}
