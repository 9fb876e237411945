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

/** Outbox records are kept in insertion order, which is seq order (seqs only grow). */
export interface MemoryState {
  readonly docs: ReadonlyMap<string, ReadonlyMap<string, DocRecord>>;
  readonly outbox: ReadonlyMap<number, OutboxRecord>;
  readonly timers: ReadonlyMap<string, TimerRecord>;
  readonly lastSeq: number;
}

export const emptyState: MemoryState = { docs: new Map(), outbox: new Map(), timers: new Map(), lastSeq: 0 };

const noDocs: ReadonlyMap<string, DocRecord> = new Map();

/**
 * A copy-on-write working copy of a committed state: the first write to a collection copies that
 * collection, so the base is never touched. Commit = adopt snapshot(); rollback = drop the draft.
 */
export class Draft {
  private docs: ReadonlyMap<string, ReadonlyMap<string, DocRecord>>;
  private outbox: ReadonlyMap<number, OutboxRecord>;
  private timers: ReadonlyMap<string, TimerRecord>;
  private lastSeq: number;
  private readonly copies = new Set<ReadonlyMap<unknown, unknown>>();

  constructor(base: MemoryState) {
    ({ docs: this.docs, outbox: this.outbox, timers: this.timers, lastSeq: this.lastSeq } = base);
  }

  docsOf(kind: string): ReadonlyMap<string, DocRecord> {
    return this.docs.get(kind) ?? noDocs;
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

  nextSeq(): number {
    this.lastSeq += 1;
    return this.lastSeq;
  }

  snapshot(): MemoryState {
    return { docs: this.docs, outbox: this.outbox, timers: this.timers, lastSeq: this.lastSeq };
  }

  private writable<K, V>(map: ReadonlyMap<K, V>): Map<K, V> {
    if (this.copies.has(map)) return map as Map<K, V>;
    const copy = new Map(map);
    this.copies.add(copy);
    return copy;
  }
}
