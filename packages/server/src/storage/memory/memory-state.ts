import { OverlayMap } from './overlay-map.js';

/**
 * Records are immutable: a write replaces the record, so a record a reader holds never changes.
 * `data` is a frozen JSON value (shared/frozen-json.ts), not text: a write re-uses the parts of
 * the previous value it kept, so its cost follows what changed, not the document's size.
 */
export interface DocRecord {
  readonly version: number;
  readonly data: unknown;
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

/**
 * Outbox records are kept in insertion order, which is seq order (seqs only grow). The maps are
 * written in place at commit (Draft.commit): the store's mutex lets one transaction run at a
 * time, commit is synchronous, and readers outside transactions read within one synchronous step,
 * so nobody sees half a transaction.
 */
export interface MemoryState {
  readonly docs: Map<string, Map<string, DocRecord>>;
  readonly outbox: Map<number, OutboxRecord>;
  readonly timers: Map<string, TimerRecord>;
  readonly deliveries: DeliveryLog;
  readonly lastSeq: number;
}

/** A fresh state per store: commits write into its maps. */
export function emptyState(): MemoryState {
  return { docs: new Map(), outbox: new Map(), timers: new Map(), deliveries: { items: [], count: 0, lastId: 0 }, lastSeq: 0 };
}

const noDocs: ReadonlyMap<string, DocRecord> = new Map();

/**
 * A working copy of a committed state: writes go to overlays (overlay-map.ts), so the committed
 * maps are untouched until commit() and a rollback is dropping the draft.
 */
export class Draft {
  private readonly docOverlays = new Map<string, OverlayMap<string, DocRecord>>();
  private outbox?: OverlayMap<number, OutboxRecord>;
  private timers?: OverlayMap<string, TimerRecord>;
  private deliveries: DeliveryLog;
  private lastSeq: number;

  constructor(private readonly base: MemoryState) {
    ({ deliveries: this.deliveries, lastSeq: this.lastSeq } = base);
  }

  docsOf(kind: string): ReadonlyMap<string, DocRecord> {
    return this.docOverlays.get(kind) ?? this.base.docs.get(kind) ?? noDocs;
  }

  /** Kinds with at least one document (a kind whose last document was deleted keeps an empty map). */
  docKinds(): string[] {
    const kinds = new Set([...this.base.docs.keys(), ...this.docOverlays.keys()]);
    return [...kinds].filter((kind) => this.docsOf(kind).size > 0);
  }

  writableDocsOf(kind: string): OverlayMap<string, DocRecord> {
    let overlay = this.docOverlays.get(kind);
    if (!overlay) this.docOverlays.set(kind, (overlay = new OverlayMap(this.base.docs.get(kind) ?? noDocs)));
    return overlay;
  }

  outboxRecords(): ReadonlyMap<number, OutboxRecord> {
    return this.outbox ?? this.base.outbox;
  }

  writableOutbox(): OverlayMap<number, OutboxRecord> {
    this.outbox ??= new OverlayMap(this.base.outbox);
    return this.outbox;
  }

  timerRecords(): ReadonlyMap<string, TimerRecord> {
    return this.timers ?? this.base.timers;
  }

  writableTimers(): OverlayMap<string, TimerRecord> {
    this.timers ??= new OverlayMap(this.base.timers);
    return this.timers;
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

  /** Writes this draft into the committed maps, in one synchronous step; returns the new state. */
  commit(): MemoryState {
    for (const [kind, overlay] of this.docOverlays) {
      let committed = this.base.docs.get(kind);
      if (!committed) this.base.docs.set(kind, (committed = new Map()));
      overlay.apply(committed);
    }
    this.outbox?.apply(this.base.outbox);
    this.timers?.apply(this.base.timers);
    return { ...this.base, deliveries: this.deliveries, lastSeq: this.lastSeq };
  }
}
