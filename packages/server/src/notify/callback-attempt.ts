import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import type { NewDeliveryAttempt, OutboxMessage } from '../storage/ports.js';
import type { CallbackMessage } from './callback-message.js';
import type { CallbackSigner } from './callback-signer.js';
import type { CallbackTransport, PostResult } from './callback-transport.js';
import type { CallbackUrlPolicy } from './callback-url-policy.js';
import { nextAttemptAt, type RetryLimits } from './retry-policy.js';

export const CALLBACK_USER_AGENT = 'Switchboard-Callbacks/0.1';

export interface AttemptDeps {
  clock: Clock;
  signer: CallbackSigner;
  policy: CallbackUrlPolicy;
  transport: CallbackTransport;
  limits: RetryLimits;
  random?: () => number;
}

/** The delivery-log entry of one attempt and, when it is to be retried, when (clock ms). */
export interface AttemptResult {
  entry: NewDeliveryAttempt;
  retryAt?: number;
}

interface Sent extends Partial<PostResult> {
  jwtClaims: Record<string, unknown>;
  requestId?: string;
  /** The body as POSTed (JSON text), when a POST was made. */
  bodyJson?: string;
}

/** One POST of a claimed outbox message, and what it means for the message. */
export async function attemptCallback(deps: AttemptDeps, message: OutboxMessage<CallbackMessage>): Promise<AttemptResult> {
  const callback = message.payload;
  const at = deps.clock.now();
  const sent = await send(deps, callback);
  const delivered = sent.error === undefined && sent.status !== undefined;
  const retryAt = delivered || sent.permanent ? undefined : nextAttemptAt(message, deps.clock.now(), deps.limits, deps.random);
  const entry: NewDeliveryAttempt = {
    seq: message.seq, callId: callback.callId, appId: callback.appId, tenantId: callback.tenantId, url: callback.url,
    attempt: message.attempts, at,
    outcome: delivered ? 'delivered' : retryAt === undefined ? 'abandoned' : 'retrying',
    summary: callback.summary, payload: callback.body, jwtClaims: sent.jwtClaims,
  };
  addDefined(entry, sent);
  return { entry, retryAt };
}

/**
 * Optional fields are left out rather than stored as undefined (both adapters read them back
 * absent). Set one by one: this runs for every attempt, and copying the whole entry through
 * Object.entries cost more than the rest of building it.
 */
function addDefined(entry: NewDeliveryAttempt, { status, latencyMs, error, requestId, bodyJson }: Sent): void {
  if (status !== undefined) entry.status = status;
  if (latencyMs !== undefined) entry.latencyMs = latencyMs;
  if (error !== undefined) entry.error = error;
  if (requestId !== undefined) entry.requestId = requestId;
  // The log stores the POSTed text as the payload instead of encoding the body a second time.
  if (bodyJson !== undefined) entry.payloadJson = bodyJson;
}

/**
 * The URL is checked again at delivery (the policy may have changed since the call was created,
 * and a redelivery names a logged URL); a refusal is permanent. Every POST carries a token issued
 * in the second it is sent (callback-signer.ts).
 */
async function send(deps: AttemptDeps, callback: CallbackMessage): Promise<Sent> {
  try {
    deps.policy.check(callback.url);
  } catch (refusal) {
    return { jwtClaims: {}, error: (refusal as Error).message, permanent: true };
  }
  const token = await deps.signer.sign(callback);
  const requestId = randomUUID();
  const headers = {
    authorization: `Bearer ${token.jwt}`,
    'content-type': 'application/json',
    'user-agent': CALLBACK_USER_AGENT,
    'request-id': requestId,
    'client-request-id': requestId,
  };
  const bodyJson = JSON.stringify(callback.body);
  const result = await deps.transport.post(callback.url, bodyJson, headers);
  return { ...result, jwtClaims: { ...token.claims }, requestId, bodyJson };
}
