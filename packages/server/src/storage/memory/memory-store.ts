import type { Clock } from '../../domain/clock.js';
import { StoreMisuseError } from '../errors.js';
import type { DeliveryLogPort, DocumentPort, OutboxPort, Store, StoreTx, TimerPort } from '../ports.js';
import { autoCommitPorts } from '../shared/auto-commit.js';
import { Mutex, type StoreCheckOptions } from '../shared/mutex.js';
import { runScoped, type TxScope } from '../shared/tx-scope.js';
import { MemoryDeliveries } from './memory-deliveries.js';
import { MemoryDocs } from './memory-docs.js';
import { MemoryOutbox } from './memory-outbox.js';
import { Draft, emptyState, type MemoryState } from './memory-state.js';
import { MemoryTimers } from './memory-timers.js';

/**
 * A Store held in process memory, lost on exit. Transactions write into a Draft's overlays of the
 * committed state and commit them in one synchronous step, so readers never see half a
 * transaction and a throw discards everything.
 */
export class MemoryStore implements Store {
  readonly backend = 'memory';
  readonly docs: DocumentPort;
  readonly outbox: OutboxPort;
  readonly timers: TimerPort;
  readonly deliveries: DeliveryLogPort;
  private state: MemoryState = emptyState();
  private closed = false;
  private readonly mutex: Mutex;

  constructor(
    private readonly clock: Clock,
    checks: StoreCheckOptions = {},
  ) {
    this.mutex = new Mutex(checks);
    const committed = memoryTx(() => new Draft(this.assertOpen()), clock);
    ({ docs: this.docs, outbox: this.outbox, timers: this.timers, deliveries: this.deliveries } = autoCommitPorts(
      committed,
      (work) => this.transaction(work),
    ));
  }

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      const draft = new Draft(this.assertOpen());
      const result = await runScoped(work, (scope) => memoryTx(scoped(draft, scope), this.clock));
      this.state = draft.commit();
      return result;
    });
  }

  close(): Promise<void> {
    return this.mutex.run(async () => {
      this.closed = true;
      this.state = emptyState();
    });
  }

  private assertOpen(): MemoryState {
    if (this.closed) throw new StoreMisuseError('storage: the memory store is closed');
    return this.state;
  }
}

function memoryTx(draft: () => Draft, clock: Clock): StoreTx {
  return {
    docs: new MemoryDocs(draft, clock),
    outbox: new MemoryOutbox(draft, clock),
    timers: new MemoryTimers(draft),
    deliveries: new MemoryDeliveries(draft),
  };
}

function scoped(draft: Draft, scope: TxScope): () => Draft {
  return () => {
    scope.check();
    return draft;
  };
}
