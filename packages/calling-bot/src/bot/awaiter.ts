import { randomUUID } from 'node:crypto';
import type { WithClientContext } from '../client/action-params.js';
import type { CompletedOperation, OperationWaiter } from '../operations/operation-waiter.js';

/** Per-call options of an awaitable action. */
export interface AwaitOptions {
  /** How long to wait for the completion notification (default: the bot's `operationTimeoutMs`). */
  timeoutMs?: number;
}

/**
 * Runs an operation-returning action and waits for its outcome. A `clientContext` is generated
 * when the caller gave none, so the completion can be matched even when the notification arrives
 * before the HTTP answer and names the operation only by context.
 */
export class Awaiter {
  constructor(
    private readonly waiter: OperationWaiter,
    private readonly timeoutMs: number | undefined,
  ) {}

  /** Calls `action` with `params` (plus a clientContext) and waits for the operation it returns. */
  async run<P extends WithClientContext>(params: P, action: (params: P) => Promise<unknown>, options: AwaitOptions = {}): Promise<CompletedOperation> {
    const withContext = { ...params, clientContext: params.clientContext ?? randomUUID() };
    const operation = ((await action(withContext)) ?? {}) as CompletedOperation;
    const keyed = { ...operation, clientContext: operation.clientContext ?? withContext.clientContext };
    return this.waiter.forOperation(keyed, options.timeoutMs ?? this.timeoutMs);
  }
}
