import type { CallbackHandler, CallbackRequest, CallbackResult } from '../adapters/callback-handler.js';
import type { CallingClient } from '../client/calling-client.js';
import type { GraphVersion, Model } from '../graph-types.js';
import { CallbackVerifier, type CallbackVerifierOptions } from '../notifications/callback-verifier.js';
import type { CallingEvent } from '../notifications/events.js';
import { OperationWaiter } from '../operations/operation-waiter.js';
import { CallTracker } from '../tracking/call-tracker.js';
import { Awaiter } from './awaiter.js';
import { CallHandle } from './call-handle.js';
import { verifyAndParse } from './handle-callback.js';

/** Options of {@link Bot}. */
export interface BotOptions<V extends GraphVersion = 'v1.0'> {
  /** The client used for actions (its version types every event and resource). */
  client: CallingClient<V>;
  /** How callbacks are verified: options (with the bot's `appId`) or a ready verifier. */
  verifier: CallbackVerifierOptions | CallbackVerifier;
  /** Default wait for operation completion notifications (default 30 000 ms). */
  operationTimeoutMs?: number;
  /** Called with every event of every verified callback, before the tracker sees it. */
  onEvent?: (event: CallingEvent<V>) => void;
  /** Called when a callback is refused (bad token or body), e.g. to log it. */
  onRejected?: (result: CallbackResult) => void;
}

/**
 * A calling bot: verifies callbacks, tracks calls and rosters, and turns operations into promises.
 * Hand it to an adapter ({@link nodeHttpHandler}, {@link expressHandler}, {@link fastifyPlugin})
 * and listen on {@link Bot.tracker} (`bot.tracker.on('participant-joined', …)`).
 */
export class Bot<V extends GraphVersion = 'v1.0'> implements CallbackHandler {
  /** The typed Graph client. */
  readonly client: CallingClient<V>;
  /** Per-call state and roster, with events. */
  readonly tracker = new CallTracker<V>();
  /** Pending awaited operations. */
  readonly operations: OperationWaiter;
  private readonly verifier: CallbackVerifier;
  private readonly awaiter: Awaiter;

  constructor(private readonly options: BotOptions<V>) {
    this.client = options.client;
    this.verifier = options.verifier instanceof CallbackVerifier ? options.verifier : new CallbackVerifier(options.verifier);
    this.operations = new OperationWaiter({ timeoutMs: options.operationTimeoutMs });
    this.awaiter = new Awaiter(this.operations, options.operationTimeoutMs);
  }

  /** Verifies and applies one callback POST; the adapters call this. */
  async handleCallback(request: CallbackRequest): Promise<CallbackResult> {
    const outcome = await verifyAndParse<V>(this.verifier, request);
    if (outcome.result.status !== 202 || !('events' in outcome)) {
      this.options.onRejected?.(outcome.result);
      return outcome.result;
    }
    for (const event of outcome.events) this.dispatch(event);
    return outcome.result;
  }

  /** A handle on a call (known or not yet notified). */
  call(callId: string): CallHandle<V> {
    return new CallHandle(this.client, this.awaiter, callId, () => this.tracker.get(callId));
  }

  /** Places a call (or joins a meeting) and starts tracking it. */
  async createCall(call: Model<V, 'Call'>): Promise<CallHandle<V>> {
    const created = await this.client.calls.create(call);
    this.tracker.track(created);
    return this.call(created.id ?? '');
  }

  private dispatch(event: CallingEvent<V>): void {
    this.options.onEvent?.(event);
    if (event.kind === 'operationCompleted' || event.kind === 'operationFailed') this.operations.settle(event);
    this.tracker.apply(event);
  }
}
