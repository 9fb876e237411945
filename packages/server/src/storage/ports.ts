/**
 * Storage ports: narrow and dumb. They keep versioned JSON documents, an outbox of messages to
 * deliver, durable timers, and a log of delivery attempts. No call logic, no validation: behaviour lives in domain/ and the
 * services. Every adapter (memory, SQLite, later PostgreSQL) passes test/storage/store.contract.ts.
 */

/** A stored document. `version` starts at 1 and grows by one on every write. */
export interface StoredDoc<T = unknown> {
  kind: string;
  id: string;
  version: number;
  data: T;
  /** Milliseconds since the epoch of the last write (from the injected clock). */
  updatedAt: number;
}

export interface ListOptions {
  /** Only ids starting with this prefix. */
  idPrefix?: string;
  /** Ids strictly greater than this (keyset paging; results are ordered by id). */
  afterId?: string;
  limit?: number;
}

/**
 * Optimistic concurrency: `expectedVersion` undefined = write whatever is there;
 * 0 = the document must not exist yet; n > 0 = the stored version must be n.
 * A mismatch throws VersionConflictError and writes nothing.
 */
export interface DocumentPort {
  get<T>(kind: string, id: string): Promise<StoredDoc<T> | undefined>;
  list<T>(kind: string, options?: ListOptions): Promise<StoredDoc<T>[]>;
  put<T>(kind: string, id: string, data: T, expectedVersion?: number): Promise<StoredDoc<T>>;
  /** Returns false when there was nothing to delete. */
  delete(kind: string, id: string, expectedVersion?: number): Promise<boolean>;
  /** Every kind that has at least one document, sorted (export/import, docs/export-format.md). */
  kinds(): Promise<string[]>;
}

export interface OutboxMessage<T = unknown> {
  /** Monotonic sequence number, assigned by the store. */
  seq: number;
  /** Ordering key: messages of one stream are delivered one at a time, in seq order. */
  stream: string;
  payload: T;
  createdAt: number;
  /** Not claimable before this time (retry backoff). */
  availableAt: number;
  attempts: number;
  lastError?: string;
}

export interface ClaimOptions {
  now: number;
  /** How long a claim is held before another worker may take the message. */
  leaseMs: number;
  limit: number;
  /** Who claims (node id); only the owner may complete or reschedule. */
  owner: string;
}

export interface OutboxPort {
  append<T>(messages: { stream: string; payload: T; availableAt?: number }[]): Promise<number[]>;
  /**
   * Claims up to `limit` messages, at most one per stream: the oldest message of each stream that
   * is available and not leased, and only if no older message of that stream is still pending.
   */
  claim<T>(options: ClaimOptions): Promise<OutboxMessage<T>[]>;
  /** Removes a delivered (or abandoned) message. */
  complete(seq: number, owner: string): Promise<void>;
  /** Releases the lease and makes the message available again at `availableAt`. */
  reschedule(seq: number, owner: string, availableAt: number, lastError: string): Promise<void>;
  /** Messages still pending (for inspection and tests). */
  pending<T>(stream?: string): Promise<OutboxMessage<T>[]>;
  /** Removes every message, leased or not (state import and reset); returns how many. */
  clear(): Promise<number>;
}

export interface TimerEntry<T = unknown> {
  key: string;
  dueAt: number;
  payload: T;
}

export interface TimerPort {
  /** Creates or replaces the timer with this key. */
  set<T>(key: string, dueAt: number, payload: T): Promise<void>;
  cancel(key: string): Promise<void>;
  get<T>(key: string): Promise<TimerEntry<T> | undefined>;
  /** Leases timers due at `now`; a leased timer is not handed out again until its lease ends. */
  claimDue<T>(options: ClaimOptions): Promise<TimerEntry<T>[]>;
  /** Removes a fired timer, unless it was re-set (a newer dueAt) after it was claimed. */
  complete(key: string, owner: string): Promise<void>;
  /** Every timer, leased or not, in due order (dueAt, then key): export and the virtual clock's advance. */
  list<T>(): Promise<TimerEntry<T>[]>;
}

/**
 * `dropped` and `reordered` are callback faults (issue 6): the notification was not POSTed on
 * purpose (dropped for good, or requeued behind the next one of its call).
 */
export type DeliveryOutcome = 'delivered' | 'retrying' | 'abandoned' | 'dropped' | 'reordered';

/** One attempt to deliver an outbox message (a callback POST), as the delivery log keeps it. */
export interface DeliveryAttempt {
  /** Assigned by the store, increasing, never reused. */
  id: number;
  /** The outbox message the attempt delivered. */
  seq: number;
  callId: string;
  appId: string;
  tenantId: string;
  url: string;
  /** 1 for the first attempt of the message. */
  attempt: number;
  /** When the attempt started (milliseconds since the epoch, injected clock). */
  at: number;
  /** HTTP status the receiver answered; absent when no answer came (timeout, refused, DNS). */
  status?: number;
  latencyMs?: number;
  error?: string;
  outcome: DeliveryOutcome;
  summary: string;
  /** The `request-id` header sent with the attempt. */
  requestId?: string;
  /** The body sent. */
  payload: unknown;
  /** The claims of the JWT sent (empty when nothing was sent). */
  jwtClaims: Record<string, unknown>;
}

export type NewDeliveryAttempt = Omit<DeliveryAttempt, 'id'> & {
  /**
   * `payload` as JSON text, when the caller already has it (the bytes it POSTed): stored instead of
   * encoding the payload again. Must decode to `payload`; it is never read back as a field.
   */
  payloadJson?: string;
};

export interface DeliveryFilter {
  callId?: string;
  appId?: string;
  seq?: number;
  /** Ids strictly lower than this (keyset paging; results are newest first). */
  beforeId?: number;
  limit?: number;
}

export interface DeliveryLogPort {
  /** Returns the id assigned to the attempt. */
  append(attempt: NewDeliveryAttempt): Promise<number>;
  get(id: number): Promise<DeliveryAttempt | undefined>;
  /** Matching attempts, newest (highest id) first. */
  list(filter?: DeliveryFilter): Promise<DeliveryAttempt[]>;
  /** Deletes all but the newest `keep` attempts; returns how many were deleted. */
  prune(keep: number): Promise<number>;
}

/** What a unit of work can touch: all four ports, committed or rolled back together. */
export interface StoreTx {
  readonly docs: DocumentPort;
  readonly outbox: OutboxPort;
  readonly timers: TimerPort;
  readonly deliveries: DeliveryLogPort;
}

export interface Store extends StoreTx {
  /** Backend name for logs and the banner: 'memory' | 'sqlite' | 'postgres'. */
  readonly backend: string;
  /**
   * Runs `work` atomically. Everything written through `tx` commits together when `work`
   * resolves and is discarded when it throws. Transactions of one store do not interleave.
   */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class VersionConflictError extends Error {
  constructor(
    readonly kind: string,
    readonly id: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`version conflict on ${kind}/${id}: expected ${expected}, found ${actual}`);
    this.name = 'VersionConflictError';
  }
}
