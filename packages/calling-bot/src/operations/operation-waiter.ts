import type { GraphVersion } from '../graph-types.js';
import type { OperationEvent } from '../notifications/events.js';
import { OperationFailedError, OperationTimeoutError, type ResultInfo } from './operation-errors.js';

/** Identifies an awaited operation: by id, by the `clientContext` sent with it, or both. */
export interface OperationKey {
  operationId?: string;
  clientContext?: string;
}

/** The final operation resource an awaited operation resolves with. */
export type CompletedOperation = Record<string, unknown> & { id?: string; status?: string; clientContext?: string | null; resultInfo?: ResultInfo | null };

/** Options of {@link OperationWaiter}. */
export interface OperationWaiterOptions {
  /** Default wait for a completion notification (default 30 000 ms). */
  timeoutMs?: number;
  /** Finished operations remembered for waits that start after the notification arrived (default 500). */
  remember?: number;
}

interface Pending {
  key: OperationKey;
  resolve(operation: CompletedOperation): void;
  reject(error: Error): void;
}

/**
 * Turns Graph's asynchronous operations into promises. Actions such as playPrompt or startHoldMusic
 * answer with a `running` operation and report the outcome later as a `deleted` notification on the
 * operation (BEHAVIOR §6). The notification can beat the HTTP answer, so finished operations are
 * remembered for a while.
 */
export class OperationWaiter {
  private readonly pending = new Set<Pending>();
  private readonly finished: CompletedOperation[] = [];

  constructor(private readonly options: OperationWaiterOptions = {}) {}

  /**
   * Resolves when the operation an action returned completes; rejects when it fails or times out.
   * An operation already `completed`/`failed` in the action's answer gets no notification, so it
   * settles at once.
   */
  forOperation(operation: CompletedOperation, timeoutMs?: number): Promise<CompletedOperation> {
    const status = operation.status?.toLowerCase();
    if (status === 'completed') return Promise.resolve(operation);
    if (status === 'failed') return Promise.reject(failure(operation));
    const key = { ...(operation.id ? { operationId: operation.id } : {}), ...(operation.clientContext ? { clientContext: operation.clientContext } : {}) };
    return this.wait(key, timeoutMs);
  }

  /** Waits for the completion notification of the operation with this id or clientContext. */
  wait(key: OperationKey, timeoutMs = this.options.timeoutMs ?? 30_000): Promise<CompletedOperation> {
    const done = this.finished.find((operation) => matches(key, operation));
    if (done) return settled(done);
    return new Promise<CompletedOperation>((resolve, reject) => {
      const timer = setTimeout(() => finish(() => reject(new OperationTimeoutError(key.operationId, timeoutMs))), timeoutMs);
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        this.pending.delete(entry);
        settle();
      };
      const entry: Pending = { key, resolve: (op) => finish(() => resolve(op)), reject: (error) => finish(() => reject(error)) };
      this.pending.add(entry);
    });
  }

  /** Feeds an operation notification; settles the matching waits. */
  settle(event: OperationEvent<GraphVersion>): void {
    if (event.kind === 'operationUpdated') return;
    const operation: CompletedOperation = { ...event.operation, status: event.status, ...(event.operationId ? { id: event.operationId } : {}) };
    this.remember(operation);
    for (const entry of [...this.pending]) {
      if (!matches(entry.key, operation)) continue;
      if (event.kind === 'operationFailed') entry.reject(failure(operation));
      else entry.resolve(operation);
    }
  }

  /** Rejects every pending wait (e.g. on shutdown). */
  cancelAll(reason: Error): void {
    for (const entry of [...this.pending]) entry.reject(reason);
  }

  private remember(operation: CompletedOperation): void {
    this.finished.push(operation);
    const max = this.options.remember ?? 500;
    if (this.finished.length > max) this.finished.splice(0, this.finished.length - max);
  }
}

function matches(key: OperationKey, operation: CompletedOperation): boolean {
  if (key.operationId && operation.id && sameId(key.operationId, operation.id)) return true;
  return Boolean(key.clientContext && operation.clientContext === key.clientContext);
}

/**
 * Graph's examples write the same GUID both as `0fe0623f-d628-…` and `0FE0623FD628…` (BEHAVIOR §1),
 * e.g. in an operation's URL and its body, so ids are compared without dashes and case.
 */
function sameId(a: string, b: string): boolean {
  const normal = (id: string): string => id.replaceAll('-', '').toLowerCase();
  return normal(a) === normal(b);
}

function settled(operation: CompletedOperation): Promise<CompletedOperation> {
  return operation.status?.toLowerCase() === 'failed' ? Promise.reject(failure(operation)) : Promise.resolve(operation);
}

function failure(operation: CompletedOperation): OperationFailedError {
  return new OperationFailedError(operation.id, operation.resultInfo ?? undefined, operation);
}
