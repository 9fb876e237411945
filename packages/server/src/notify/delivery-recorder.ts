import { LeaseLostError } from '../storage/errors.js';
import type { OutboxMessage, Store, StoreTx } from '../storage/ports.js';
import type { CallbackMessage } from './callback-message.js';
import type { FaultedDelivery } from './callback-faults.js';

export interface RecorderDeps {
  store: Pick<Store, 'transaction' | 'deliveries'>;
  /** This node's lease owner id. */
  owner: string;
  /** Told when another node took a message over (our lease ran out during the attempt). */
  leaseLost(message: OutboxMessage<CallbackMessage>, outcome: FaultedDelivery): void;
  /**
   * Claims the next messages in the outcome's own transaction (`freed`: slots the batch frees)
   * and launches them once it commits: one commit instead of two per delivery under load.
   */
  /**
   * True while other deliveries are in flight: the write then waits one turn of the event loop
   * (setImmediate) so their answers, already on the sockets, join the same commit. A lone
   * delivery is written at once, so the log shows it as soon as the bot has answered.
   */
  othersInFlight?: () => boolean;
  refill?: {
    claim(tx: StoreTx, freed: number): Promise<OutboxMessage<CallbackMessage>[]>;
    launch(claimed: OutboxMessage<CallbackMessage>[]): void;
  };
}

interface Queued {
  message: OutboxMessage<CallbackMessage>;
  outcome: FaultedDelivery;
  done: () => void;
  failed: (error: unknown) => void;
}

/** Outcomes written in one transaction at most: keeps a commit short under a burst. */
const MAX_BATCH = 64;

/**
 * Writes delivery outcomes: completes or reschedules each message together with its delivery-log
 * entries (and a requeued copy, for a reorder fault). Outcomes that finish while a commit runs,
 * or in the same event-loop turn while other deliveries are in flight, go into one commit, so a
 * burst costs one transaction per batch instead of one per callback; a lone outcome is written
 * at once (the delivery log shows an attempt as soon as before). A message's outcome is durable
 * before record() resolves, so its call's next notification is claimed only after it (per-call
 * order).
 */
export class DeliveryRecorder {
  private queue: Queued[] = [];
  private writing = false;
  private scheduled = false;

  constructor(private readonly deps: RecorderDeps) {}

  record(message: OutboxMessage<CallbackMessage>, outcome: FaultedDelivery): Promise<void> {
    return new Promise((done, failed) => {
      this.queue.push({ message, outcome, done, failed });
      if (this.writing || this.scheduled) return;
      if (!this.deps.othersInFlight?.()) return void this.drain();
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        if (!this.writing) void this.drain();
      });
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) await this.write(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.writing = false;
    }
  }

  /**
   * One transaction for the batch. When it fails, each outcome is written on its own: a lease
   * lost on one message must not roll back the others, and a store error reaches every caller.
   */
  private async write(batch: Queued[]): Promise<void> {
    try {
      const claimed = await this.deps.store.transaction(async (tx) => {
        for (const { message, outcome } of batch) await this.writeOne(tx, message, outcome);
        return (await this.deps.refill?.claim(tx, batch.length)) ?? [];
      });
      for (const item of batch) item.done();
      this.deps.refill?.launch(claimed);
    } catch (error) {
      if (batch.length > 1) {
        for (const item of batch) await this.write([item]);
        return;
      }
      await this.settleAlone(batch[0] as Queued, error);
    }
  }

  private async settleAlone({ message, outcome, done, failed }: Queued, error: unknown): Promise<void> {
    if (!(error instanceof LeaseLostError)) return failed(error);
    // Another node took the message over after our lease ran out: it owns the outcome now (at-least-once).
    this.deps.leaseLost(message, outcome);
    try {
      await this.deps.store.deliveries.append(outcome.entry);
      done();
    } catch (logError) {
      failed(logError);
    }
  }

  private async writeOne(tx: StoreTx, message: OutboxMessage<CallbackMessage>, { entry, retryAt, extra, requeue }: FaultedDelivery): Promise<void> {
    const { owner } = this.deps;
    if (retryAt === undefined) await tx.outbox.complete(message.seq, owner);
    else await tx.outbox.reschedule(message.seq, owner, retryAt, entry.error ?? 'failed');
    if (requeue) await tx.outbox.append([{ stream: message.stream, payload: requeue }]);
    await tx.deliveries.append(entry);
    for (const more of extra) await tx.deliveries.append(more);
  }
}
