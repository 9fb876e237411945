import { setTimeout as sleep } from 'node:timers/promises';
import type { WaitableClock } from '../domain/clock.js';
import type { CallbackRule } from '../faults/fault-rule.js';
import type { NewDeliveryAttempt, OutboxMessage, Store } from '../storage/ports.js';
import { attemptCallback, type AttemptDeps, type AttemptResult } from './callback-attempt.js';
import { CALLBACK_STREAM, type CallbackMessage } from './callback-message.js';
import { nextAttemptAt } from './retry-policy.js';

export type FiredCallbackRule = CallbackRule & { id: string };

export interface CallbackFaultDeps extends AttemptDeps {
  store: Pick<Store, 'outbox'>;
  /** Clock-time waits (delay, reorder), so a scaled or virtual clock moves them too. */
  time: WaitableClock;
  /** Per-attempt timeout, real ms: a slow bot slower than this times out. */
  timeoutMs: number;
}

/** What a faulted delivery does to the outbox and the log, beyond the message's own attempt. */
export interface FaultedDelivery extends AttemptResult {
  /** More log entries of the same attempt (the second POST of a duplicate). */
  extra: NewDeliveryAttempt[];
  /** A copy appended to the end of the call's stream in the same transaction (reorder). */
  requeue?: CallbackMessage;
}

/** Clock ms a reorder waits for the call's next notification before it gives up and sends this one. */
export const REORDER_WAIT_MS = 10_000;
const POLL_MS = 20;

type Action = CallbackRule['action'];
type Handler = (deps: CallbackFaultDeps, message: OutboxMessage<CallbackMessage>, rule: FiredCallbackRule) => Promise<FaultedDelivery>;

/**
 * Delivers one claimed message the way a callback fault rule says (docs/faults.md, "Callback
 * faults"). Every outcome is logged, tagged with the action and the rule id, so a test or a
 * person can see in the delivery log which notification was faulted and how.
 */
export function deliverFaulted(deps: CallbackFaultDeps, message: OutboxMessage<CallbackMessage>, rule: FiredCallbackRule): Promise<FaultedDelivery> {
  return HANDLERS[rule.action](deps, message, rule);
}

const HANDLERS: Record<Action, Handler> = {
  drop: async (deps, message, rule) => ({ entry: unsent(deps, message, rule, 'dropped'), extra: [] }),
  fail: async (deps, message, rule) => failed(deps, message, rule),
  duplicate: async (deps, message, rule) => duplicated(deps, message, rule),
  delay: async (deps, message, rule) => {
    await deps.time.waitUntil(deps.clock.now() + (rule.delayMs ?? 0));
    return tagged(await attemptCallback(deps, message), rule, `held ${rule.delayMs ?? 0} ms`);
  },
  slow: async (deps, message, rule) => slowed(deps, message, rule),
  reorder: async (deps, message, rule) => reordered(deps, message, rule),
};

/** The bot "answered" with the rule's status (500 by default): a failed attempt, retried by the normal policy. */
function failed(deps: CallbackFaultDeps, message: OutboxMessage<CallbackMessage>, rule: FiredCallbackRule): FaultedDelivery {
  const status = rule.status ?? 500;
  const retryAt = nextAttemptAt(message, deps.clock.now(), deps.limits, deps.random);
  const outcome = retryAt === undefined ? 'abandoned' : 'retrying';
  return { entry: { ...unsent(deps, message, rule, outcome), status, error: `HTTP ${status} (simulated by fault rule ${rule.id})` }, retryAt, extra: [] };
}

/** Two POSTs of the same body, each with its own token and request-id; the message's fate follows the first. */
async function duplicated(deps: CallbackFaultDeps, message: OutboxMessage<CallbackMessage>, rule: FiredCallbackRule): Promise<FaultedDelivery> {
  const first = tagged(await attemptCallback(deps, message), rule, 'first of two');
  const second = tagged(await attemptCallback(deps, message), rule, 'second of two');
  const extra = { ...second.entry, outcome: second.entry.outcome === 'delivered' ? 'delivered' : 'abandoned' } as NewDeliveryAttempt;
  return { ...first, extra: [extra] };
}

/** The POST leaves delayMs late (real time, like a slow network); past the attempt timeout it is a timed-out attempt. */
async function slowed(deps: CallbackFaultDeps, message: OutboxMessage<CallbackMessage>, rule: FiredCallbackRule): Promise<FaultedDelivery> {
  const delayMs = rule.delayMs ?? 0;
  if (delayMs < deps.timeoutMs) {
    await sleep(delayMs);
    const result = tagged(await attemptCallback(deps, message), rule, `${delayMs} ms late`);
    return { ...result, entry: { ...result.entry, latencyMs: (result.entry.latencyMs ?? 0) + delayMs } };
  }
  await sleep(deps.timeoutMs);
  const retryAt = nextAttemptAt(message, deps.clock.now(), deps.limits, deps.random);
  const error = `timed out after ${deps.timeoutMs} ms (slow bot, fault rule ${rule.id})`;
  return { entry: { ...unsent(deps, message, rule, retryAt === undefined ? 'abandoned' : 'retrying'), error, latencyMs: deps.timeoutMs }, retryAt, extra: [] };
}

/**
 * The establishing/established race: this notification is held (its call's stream waits) until
 * the call's next one exists, then requeued behind it, so the bot gets the two in swapped order.
 * With no next notification within REORDER_WAIT_MS (or the rule's delayMs) it is sent as is.
 */
async function reordered(deps: CallbackFaultDeps, message: OutboxMessage<CallbackMessage>, rule: FiredCallbackRule): Promise<FaultedDelivery> {
  const deadline = deps.clock.now() + (rule.delayMs ?? REORDER_WAIT_MS);
  while (!(await hasNext(deps, message))) {
    if (deps.clock.now() >= deadline) return tagged(await attemptCallback(deps, message), rule, 'nothing to swap with');
    await sleep(POLL_MS);
  }
  const requeue: CallbackMessage = { ...message.payload, faulted: 'reorder', summary: `${message.payload.summary} (reordered, fault rule ${rule.id})` };
  return { entry: unsent(deps, message, rule, 'reordered'), extra: [], requeue };
}

async function hasNext(deps: CallbackFaultDeps, message: OutboxMessage<CallbackMessage>): Promise<boolean> {
  const pending = await deps.store.outbox.pending(CALLBACK_STREAM(message.payload.callId));
  return pending.some((other) => other.seq > message.seq);
}

/** The log entry of an attempt that sent nothing. */
function unsent(deps: CallbackFaultDeps, message: OutboxMessage<CallbackMessage>, rule: FiredCallbackRule, outcome: NewDeliveryAttempt['outcome']): NewDeliveryAttempt {
  const callback = message.payload;
  return {
    seq: message.seq, callId: callback.callId, appId: callback.appId, tenantId: callback.tenantId, url: callback.url,
    attempt: message.attempts, at: deps.clock.now(), outcome, summary: faultSummary(callback.summary, rule), payload: callback.body, jwtClaims: {},
  };
}

function tagged(result: AttemptResult, rule: FiredCallbackRule, note: string): FaultedDelivery {
  return { ...result, entry: { ...result.entry, summary: faultSummary(result.entry.summary, rule, note) }, extra: [] };
}

/** `call established [fault duplicate: first of two; rule …]`: the delivery log's fault marker. */
export function faultSummary(summary: string, rule: FiredCallbackRule, note?: string): string {
  return `${summary} [fault ${rule.action}${note ? `: ${note}` : ''}; rule ${rule.id}]`;
}
