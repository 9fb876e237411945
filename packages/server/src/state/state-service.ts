import { CONFERENCE_KIND, withFreshRosterStamp } from '../calls/roster-docs.js';
import { FAULT_COUNT_KIND } from '../faults/fault-counters.js';
import type { ClockView } from '../runtime/time-control.js';
import type { DeliveryAttempt, NewDeliveryAttempt, Store, StoreTx } from '../storage/ports.js';
import { EXPORT_FORMAT, EXPORT_VERSION, parseExport, type SwitchboardExport } from './export-format.js';
import { storeInTransaction } from './store-in-transaction.js';

/**
 * Kinds that belong to the node rather than to the simulated state: the time line travels in the
 * export's `clock` field, and fault rules (with their counters) are test setup (fault files), so
 * none is exported, replaced by an import, or cleared by a reset.
 */
const NODE_KINDS = new Set(['clock', 'faultBook', FAULT_COUNT_KIND]);
/** A reset keeps the signing keys, so tokens issued before it stay valid. */
const KEY_KINDS = new Set(['signing-key', 'callback-signing-key']);
/** The delivery log is read in pages of this many entries. */
const PAGE = 1000;

export interface StateTime {
  now(): number;
  view(): ClockView;
  continueAt(view: Omit<ClockView, 'iso'>): Promise<ClockView>;
}

export interface StateServiceDeps {
  store: Store;
  time: StateTime;
  /** Runs after the state was replaced: reload caches (signing keys), wake the workers. */
  afterReplace(): Promise<void>;
  /** Seeds the world a reset returns to (the demo world, or the world file given at start), through `store`: the reset's transaction. */
  seedWorld(store: Store): Promise<unknown>;
}

/**
 * The node's background workers as a swap sees them: `exclusive` runs work between two timer
 * rounds (a round in flight finishes first, none starts until the work ends); `resume` nudges
 * them once the swap is over.
 */
export interface SwapWorkers {
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  resume(): void;
}

const NO_WORKERS: SwapWorkers = { exclusive: (work) => work(), resume: () => undefined };

export interface ReplaceReport {
  documents: number;
  timers: number;
  outbox: number;
  deliveries: number;
  clock: ClockView;
}

/** Export, import and reset of the whole state (issue 6; docs/export-format.md). */
export class StateService {
  private workers: SwapWorkers = NO_WORKERS;
  private swaps = 0;

  constructor(private readonly deps: StateServiceDeps) {}

  /** The workers register here (runtime/workers.ts); they stand aside while swapping() is true. */
  attachWorkers(workers: SwapWorkers): void {
    this.workers = workers;
  }

  /** True while an import or reset replaces the state: timer rounds and callback claims wait. */
  swapping(): boolean {
    return this.swaps > 0;
  }

  /** One transaction, so the snapshot is consistent: no call is half-written in it. */
  exportState(options: { deliveries?: boolean } = {}): Promise<SwitchboardExport> {
    return this.deps.store.transaction(async (tx) => {
      const { now, scale, paused } = this.deps.time.view();
      const file: SwitchboardExport = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: new Date(now).toISOString(),
        clock: { now, scale, paused },
        documents: await readDocuments(tx),
        timers: (await tx.timers.list()).map(({ key, dueAt, payload }) => ({ key, dueAt, payload })),
        outbox: (await tx.outbox.pending()).map(({ stream, payload, availableAt, createdAt, attempts, lastError }) => ({ stream, payload, availableAt, createdAt, attempts, ...(lastError === undefined ? {} : { lastError }) })),
      };
      if (options.deliveries) file.deliveries = (await readDeliveries(tx)).map(({ id: _id, ...attempt }) => attempt);
      return file;
    });
  }

  /** Replaces everything but the node kinds in one transaction, then continues the file's time line. */
  async importState(input: unknown): Promise<ReplaceReport> {
    const file = parseExport(input);
    const clock = await this.swap(
      () =>
        this.deps.store.transaction(async (tx) => {
          await clearState(tx, NODE_KINDS);
          await writeState(tx, file);
        }),
      () => this.deps.time.continueAt(file.clock),
    );
    const documents = file.documents.filter((doc) => !NODE_KINDS.has(doc.kind)).length;
    return { documents, timers: file.timers.length, outbox: file.outbox.length, deliveries: file.deliveries?.length ?? 0, clock };
  }

  /** Clears calls, world, timers, callbacks and the delivery log (keys stay) and seeds the world again, in one transaction. */
  async reset(): Promise<ReplaceReport> {
    await this.swap(
      () =>
        this.deps.store.transaction(async (tx) => {
          await clearState(tx, new Set([...NODE_KINDS, ...KEY_KINDS]));
          await this.deps.seedWorld(storeInTransaction(tx, this.deps.store.backend));
        }),
      async () => undefined,
    );
    const documents = (await readDocuments(this.deps.store)).length;
    return { documents, timers: (await this.deps.store.timers.list()).length, outbox: 0, deliveries: 0, clock: this.deps.time.view() };
  }

  /**
   * Replaces the state with the workers held: a timer that fires during an import would otherwise
   * commit its effect into the new state (and, its lease gone with the old row, fire again), and a
   * callback claimed before the new time line is in place would go out by the old one. The time
   * line is continued after the timer round queue is released, so an advance waiting on that
   * queue can finish first rather than deadlock with the import.
   */
  private async swap<T>(replace: () => Promise<void>, thenTime: () => Promise<T>): Promise<T> {
    this.swaps++;
    try {
      await this.workers.exclusive(replace);
      const result = await thenTime();
      await this.deps.afterReplace();
      return result;
    } finally {
      this.swaps--;
      this.workers.resume();
    }
  }
}

async function readDocuments(tx: StoreTx): Promise<SwitchboardExport['documents']> {
  const documents: SwitchboardExport['documents'] = [];
  for (const kind of await tx.docs.kinds()) {
    if (NODE_KINDS.has(kind)) continue;
    for (const doc of await tx.docs.list(kind)) documents.push({ kind, id: doc.id, data: doc.data });
  }
  return documents;
}

/** Oldest first, so an import appends them in their original order. */
async function readDeliveries(tx: StoreTx): Promise<DeliveryAttempt[]> {
  const newestFirst: DeliveryAttempt[] = [];
  for (;;) {
    const last = newestFirst.at(-1);
    const page = await tx.deliveries.list({ limit: PAGE, ...(last ? { beforeId: last.id } : {}) });
    newestFirst.push(...page);
    if (page.length < PAGE) return newestFirst.reverse();
  }
}

async function clearState(tx: StoreTx, keep: ReadonlySet<string>): Promise<void> {
  for (const kind of await tx.docs.kinds()) {
    if (keep.has(kind)) continue;
    for (const doc of await tx.docs.list(kind)) await tx.docs.delete(kind, doc.id);
  }
  for (const timer of await tx.timers.list()) await tx.timers.cancel(timer.key);
  await tx.outbox.clear();
  await tx.deliveries.prune(0);
}

/**
 * Outbox messages are appended in file order, so each call's notifications keep their order;
 * the store assigns new sequence numbers and the attempt counters start again.
 */
async function writeState(tx: StoreTx, file: SwitchboardExport): Promise<void> {
  for (const doc of file.documents) {
    if (!NODE_KINDS.has(doc.kind)) await tx.docs.put(doc.kind, doc.id, doc.kind === CONFERENCE_KIND ? withFreshRosterStamp(doc.data) : doc.data);
  }
  for (const timer of file.timers) await tx.timers.set(timer.key, timer.dueAt, timer.payload);
  if (file.outbox.length > 0) await tx.outbox.append(file.outbox.map(({ stream, payload, availableAt }) => ({ stream, payload, availableAt })));
  for (const attempt of file.deliveries ?? []) await tx.deliveries.append(attempt as unknown as NewDeliveryAttempt);
}
