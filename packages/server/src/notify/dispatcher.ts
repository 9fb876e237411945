import { setTimeout as sleep } from 'node:timers/promises';
import type { SigningKeys } from '../auth/signing-keys.js';
import type { Clock } from '../domain/clock.js';
import type { Wakeup } from '../runtime/wakeup.js';
import type { OutboxMessage, Store, StoreTx } from '../storage/ports.js';
import { attemptCallback, type AttemptDeps, type AttemptResult } from './callback-attempt.js';
import type { CallbackMessage } from './callback-message.js';
import { CallbackSigner } from './callback-signer.js';
import { CallbackTransport } from './callback-transport.js';
import type { CallbackUrlPolicy } from './callback-url-policy.js';
import type { WaitableClock } from '../domain/clock.js';
import type { FaultBook } from '../faults/fault-book.js';
import { callbackFaultFacts } from './callback-fault-facts.js';
import { deliverFaulted, type CallbackFaultDeps, type FaultedDelivery } from './callback-faults.js';
import type { RetryLimits } from './retry-policy.js';
import { DeliveryRecorder } from './delivery-recorder.js';

/** The subset of a pino logger the dispatcher writes to. */
export interface DispatcherLog {
  debug(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface CallbackDispatcherDeps {
  store: Store;
  clock: Clock;
  /** The callback-signing keys (CALLBACK_SIGNING_KEYS), already initialised. */
  keys: SigningKeys;
  policy: CallbackUrlPolicy;
  /** Nudged by whoever appends callbacks; a dedicated instance (see docs/callbacks.md). */
  wake: Wakeup;
  /** This node's lease owner id. */
  owner: string;
  config: RetryLimits & { callbackTimeoutMs: number };
  log?: DispatcherLog;
  /** Deliveries in flight at once, each to a different call (default 16). */
  concurrency?: number;
  /** Longest sleep when idle, in real milliseconds (default 500). */
  pollMs?: number;
  /** Delivery-log entries kept (default 10,000). */
  keepAttempts?: number;
  /** Real ms a claim lasts (config leaseMs); default 2 × callbackTimeoutMs + 30 s. See LEASE_MARGIN_MS. */
  leaseMs?: number;
  /** Jitter source (tests pass a constant). */
  random?: () => number;
  /** Callback fault rules (issue 6), asked once per attempt; no faults when absent. */
  faults?: Pick<FaultBook, 'callback'>;
  /** Clock-time waits of delay and reorder faults (default: the clock at config.timeScale). */
  time?: WaitableClock;
  /** True while the state is being swapped (import, reset): nothing is claimed meanwhile. */
  held?: () => boolean;
}

export interface CallbackDispatcher {
  /** Stops claiming, lets deliveries in flight finish (each is bounded by the timeout), releases sockets. */
  stop(): Promise<void>;
  /** Resolves once the outbox is empty and nothing is in flight (for tests). */
  drained(): Promise<void>;
}

/** Exported for the callback benchmark, whose raw baseline uses the same concurrency. */
export const DISPATCHER_DEFAULTS = { concurrency: 16, pollMs: 500, keepAttempts: 10_000 } as const;
/**
 * Under load a claim waits until this many slots are free. Each claim is one query over the heads
 * of every call's stream, so claiming after each finished delivery would cost that query per
 * callback; with few deliveries in flight (the usual case) more slots than this are free and a
 * new callback is claimed at once.
 */
const CLAIM_BATCH = 4;
/** Prune the delivery log after this many new entries. */
const PRUNE_EVERY = 500;
/**
 * A lease always outlasts one attempt (callbackTimeoutMs) by this much, room for the log write: a
 * live node's delivery must end before another node may claim the same message again.
 */
const LEASE_MARGIN_MS = 1000;
/** Without a waitable clock (unit tests), clock-time waits sleep the matching real time. */
const realTimeWaits = (clock: Clock, scale: number): WaitableClock => ({
  now: () => clock.now(),
  waitUntil: async (at) => {
    while (clock.now() < at) await sleep(Math.max(1, (at - clock.now()) / scale));
  },
});
const silent: DispatcherLog = { debug: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Delivers the callback outbox: claims the head message of each call (the outbox hands out one
 * per stream, so a call's notifications go out in order and a failing head holds back the rest of
 * its call only), POSTs several calls at once, and records every attempt in the delivery log in
 * the same transaction that completes or reschedules the message (delivery-recorder.ts).
 */
export function startCallbackDispatcher(deps: CallbackDispatcherDeps): CallbackDispatcher {
  const loop = new DispatchLoop(deps);
  loop.start();
  return { stop: () => loop.stop(), drained: () => loop.drained() };
}

class DispatchLoop {
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly transport: CallbackTransport;
  private readonly attemptDeps: AttemptDeps;
  private readonly faultDeps: CallbackFaultDeps;
  private readonly recorder: DeliveryRecorder;
  private readonly log: DispatcherLog;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly keepAttempts: number;
  /** A claim outlives the slowest attempt (timeout) with room for the log write; real ms. */
  private readonly realLeaseMs: number;
  private running = true;
  private stopping: Promise<void> | undefined;
  private loop: Promise<void> = Promise.resolve();
  private nextRetryAt: number | undefined;
  private sincePrune = 0;
  /** Claims started so far (the loop's and the outcomes'), numbered from 1. */
  private claimsStarted = 0;
  /** The number of the last claim to finish if it found nothing to deliver, else 0 (drained() only reads the outbox then). */
  private emptyClaim = 0;
  /** The last claim filled its limit, so more may be waiting: only then do outcomes claim too (claimIn). */
  private backlog = false;

  constructor(private readonly deps: CallbackDispatcherDeps) {
    this.transport = new CallbackTransport(deps.policy, deps.config.callbackTimeoutMs);
    const signer = new CallbackSigner(deps.keys, deps.clock);
    this.attemptDeps = { clock: deps.clock, signer, policy: deps.policy, transport: this.transport, limits: deps.config, random: deps.random };
    const time = deps.time ?? realTimeWaits(deps.clock, deps.config.timeScale ?? 1);
    this.faultDeps = { ...this.attemptDeps, store: deps.store, time, timeoutMs: deps.config.callbackTimeoutMs };
    this.log = deps.log ?? silent;
    this.recorder = new DeliveryRecorder({
      store: deps.store,
      owner: deps.owner,
      leaseLost: (message, { entry }) => this.log.warn({ seq: message.seq, callId: entry.callId }, 'callback dispatcher: lease lost during delivery; another node retries it'),
      othersInFlight: () => this.inFlight.size > 1,
      refill: { claim: (tx, freed) => this.claimIn(tx, freed), launch: (claimed) => this.launchAll(claimed) },
    });
    this.concurrency = Math.max(deps.concurrency ?? DISPATCHER_DEFAULTS.concurrency, 1);
    this.pollMs = deps.pollMs ?? DISPATCHER_DEFAULTS.pollMs;
    this.keepAttempts = deps.keepAttempts ?? DISPATCHER_DEFAULTS.keepAttempts;
    this.realLeaseMs = Math.max(deps.leaseMs ?? deps.config.callbackTimeoutMs * 2 + 30_000, deps.config.callbackTimeoutMs + LEASE_MARGIN_MS);
  }

  /** Clock ms: under a time scale (read at each claim) the clock runs faster than the real-time attempt it must outlive. */
  private get leaseMs(): number {
    return this.realLeaseMs * (this.deps.config.timeScale ?? 1);
  }

  start(): void {
    this.loop = this.run();
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  /**
   * Reading the whole outbox is costly under a backlog, so it is only asked once the loop ran dry,
   * and only after a claim that started after this call: an empty claim from before the caller's
   * last enqueue would read (and decode) the whole new backlog. The nudge starts such a claim.
   */
  async drained(): Promise<void> {
    const asked = this.claimsStarted;
    this.deps.wake.notify();
    const ranDry = (): boolean => this.inFlight.size === 0 && (this.emptyClaim > asked || !this.running);
    while (!ranDry() || (await this.deps.store.outbox.pending()).length > 0) await sleep(5);
  }

  /** Numbers a claim; the returned function records what it found, the latest word on whether the loop ran dry. */
  private startClaim(): (found: number) => void {
    const number = ++this.claimsStarted;
    return (found) => {
      this.emptyClaim = found === 0 ? number : 0;
    };
  }

  private async shutDown(): Promise<void> {
    this.running = false;
    this.deps.wake.notify();
    await this.loop;
    await Promise.all(this.inFlight.values());
    await this.transport.close();
  }

  private async run(): Promise<void> {
    await this.prune();
    while (this.running) {
      const claimed = await this.claim();
      for (const message of claimed) this.launch(message);
      if (this.running) await this.deps.wake.wait(this.sleepMs());
    }
  }

  /** Never throws: a store failure is logged and retried on the next turn. */
  private async claim(): Promise<OutboxMessage<CallbackMessage>[]> {
    const limit = this.concurrency - this.inFlight.size;
    if (limit < Math.min(CLAIM_BATCH, this.concurrency)) return [];
    const finished = this.startClaim();
    // Nothing is claimable while held: drained() then asks the outbox itself.
    if (this.deps.held?.()) {
      finished(0);
      return [];
    }
    try {
      const { store, clock, owner } = this.deps;
      const claimed = await store.outbox.claim<CallbackMessage>({ now: clock.now(), leaseMs: this.leaseMs, limit, owner });
      finished(claimed.length);
      this.backlog = claimed.length >= limit;
      // Our own lease may have run out under a fast clock and been renewed by this claim: keep the delivery in flight.
      return claimed.filter((message) => !this.inFlight.has(message.seq));
    } catch (error) {
      this.log.error({ err: error }, 'callback dispatcher: claiming from the outbox failed');
      return [];
    }
  }

  /**
   * The claim the recorder runs in an outcome's transaction: the slots that outcome frees plus
   * those already free, once they reach CLAIM_BATCH (the same rule as the loop's own claims, so
   * the claim query does not run for every outcome). The completed heads are gone in this
   * transaction, so their calls' next messages are claimable here, in order. Only under a backlog:
   * otherwise the query would mostly find nothing, and new messages wake the loop anyway. Errors
   * roll the outcome back like any store error.
   */
  private async claimIn(tx: StoreTx, freed: number): Promise<OutboxMessage<CallbackMessage>[]> {
    const limit = this.concurrency - this.inFlight.size + freed;
    if (!this.running || !this.backlog || limit < Math.min(CLAIM_BATCH, this.concurrency) || this.deps.held?.()) return [];
    const { clock, owner } = this.deps;
    const finished = this.startClaim();
    const claimed = await tx.outbox.claim<CallbackMessage>({ now: clock.now(), leaseMs: this.leaseMs, limit, owner });
    finished(claimed.length);
    this.backlog = claimed.length >= limit;
    return claimed;
  }

  /** After the commit: a message still in flight here (lease renewed under a fast clock) is not started twice. */
  private launchAll(claimed: OutboxMessage<CallbackMessage>[]): void {
    for (const message of claimed) if (!this.inFlight.has(message.seq)) this.launch(message);
  }

  /** Until the next retry is due, or pollMs at most; a wake (new callback, finished delivery) cuts it short. */
  private sleepMs(): number {
    if (this.nextRetryAt === undefined) return this.pollMs;
    const untilRetry = Math.max(this.nextRetryAt - this.deps.clock.now(), 0);
    if (untilRetry <= this.pollMs) this.nextRetryAt = undefined;
    return Math.min(untilRetry, this.pollMs);
  }

  private launch(message: OutboxMessage<CallbackMessage>): void {
    const task = this.deliver(message)
      .catch((error: unknown) => this.log.error({ err: error, seq: message.seq }, 'callback dispatcher: delivery failed unexpectedly'))
      .finally(() => {
        this.inFlight.delete(message.seq);
        // The next message of this call may be claimable now, and a slot is free.
        this.deps.wake.notify();
      });
    this.inFlight.set(message.seq, task);
  }

  private async deliver(message: OutboxMessage<CallbackMessage>): Promise<void> {
    if (message.payload?.kind !== 'callback') return this.dropForeign(message);
    const rule = await this.faultFor(message.payload);
    const result: FaultedDelivery = rule ? await deliverFaulted(this.faultDeps, message, rule) : { ...(await attemptCallback(this.attemptDeps, message)), extra: [] };
    await this.recorder.record(message, result);
    this.report(result);
    if (result.retryAt !== undefined) this.nextRetryAt = Math.min(this.nextRetryAt ?? Infinity, result.retryAt);
    if (++this.sincePrune >= PRUNE_EVERY) await this.prune();
  }

  /**
   * The fault rule for this attempt, if one fires. A copy requeued by a reorder fault is not
   * asked again; without rules this is one cheap scan of an empty list.
   */
  private async faultFor(callback: CallbackMessage): ReturnType<FaultBook['callback']> {
    if (!this.deps.faults || callback.faulted) return undefined;
    return this.deps.faults.callback(callbackFaultFacts(callback));
  }

  private report({ entry, retryAt }: AttemptResult): void {
    const details = { callId: entry.callId, seq: entry.seq, attempt: entry.attempt, url: entry.url, status: entry.status, latencyMs: entry.latencyMs };
    if (entry.outcome === 'delivered') this.log.debug(details, `callback delivered: ${entry.summary}`);
    else if (entry.outcome === 'dropped' || entry.outcome === 'reordered') this.log.debug(details, `callback ${entry.outcome} by a fault rule: ${entry.summary}`);
    else if (entry.outcome === 'retrying') this.log.warn({ ...details, error: entry.error, retryAt }, `callback failed, will retry: ${entry.summary}`);
    else this.log.error({ ...details, error: entry.error }, `callback abandoned: ${entry.summary}`);
  }

  /** The outbox carries callbacks only (ADR 0003); anything else would block its stream forever. */
  private async dropForeign(message: OutboxMessage): Promise<void> {
    this.log.error({ seq: message.seq, stream: message.stream }, 'callback dispatcher: dropping an outbox message that is not a callback');
    await this.deps.store.outbox.complete(message.seq, this.deps.owner);
  }

  private async prune(): Promise<void> {
    this.sincePrune = 0;
    try {
      await this.deps.store.deliveries.prune(this.keepAttempts);
    } catch (error) {
      this.log.error({ err: error }, 'callback dispatcher: pruning the delivery log failed');
    }
  }
}
