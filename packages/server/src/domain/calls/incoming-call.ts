import { DomainError } from '../errors/index.js';
import { ANSWER_TIMEOUT_MS, MAX_REDIRECT_TARGETS, REDIRECT_TIMEOUT_SECONDS } from './call-rules.js';
import { endCall, type NewCall } from './call-leg.js';
import type { Call, Identity, Modality, Transition } from './types.js';

/**
 * An incoming call waits for the app: answer, reject or redirect within 15 s (call-answer,
 * call-reject, call-redirect), otherwise it times out.
 */

/** Graph sends `created` on /communications/calls/{id} to the app's calling webhook. */
export function ringIncomingCall(fields: NewCall, now: number): Transition<Call> {
  const call: Call = { ...fields, state: 'incoming', createdAt: now, stateChangedAt: now, lastKeepAliveAt: now, answerDeadline: now + ANSWER_TIMEOUT_MS };
  return { value: call, events: [{ type: 'call:created', call }] };
}

export interface Answer {
  callbackUri?: string;
  mediaHosting: Call['mediaHosting'];
  acceptedModalities: Modality[];
  contentSharingNotifications: boolean;
  grantedBy: string;
  echo: Record<string, unknown>;
}

/** answer (202): incoming → establishing, `updated` establishing; the keepAlive window starts now. */
export function answerCall(call: Call, answer: Answer, now: number): Transition<Call> {
  assertRinging(call, 'answered', now);
  const next: Call = {
    ...without(call, 'answerDeadline'),
    state: 'establishing',
    stateChangedAt: now,
    lastKeepAliveAt: now,
    callbackUri: answer.callbackUri ?? call.callbackUri,
    mediaHosting: answer.mediaHosting,
    requestedModalities: answer.acceptedModalities,
    contentSharingNotifications: answer.contentSharingNotifications,
    grantedBy: answer.grantedBy,
    echo: { ...call.echo, ...answer.echo },
  };
  return { value: next, events: [{ type: 'call:stateChanged', call: next }] };
}

/** reject (202): the call is gone; Graph sends `deleted` without a resultInfo (call-reject example 2). */
export function rejectCall(call: Call, reject: { reason: NonNullable<Call['rejectReason']>; callbackUri?: string }, now: number): Transition<Call> {
  assertRinging(call, 'rejected', now);
  const next: Call = { ...without(call, 'answerDeadline'), state: 'terminated', stateChangedAt: now, rejectReason: reject.reason, callbackUri: reject.callbackUri ?? call.callbackUri };
  return { value: next, events: [{ type: 'call:deleted', call: next }] };
}

export interface Redirect {
  targets: Identity[];
  timeoutSeconds?: number;
  callbackUri?: string;
}

/** redirect (202): incoming → redirecting; Graph notifies nothing until the call is terminated. */
export function redirectCall(call: Call, redirect: Redirect, now: number): Transition<Call> {
  assertRinging(call, 'redirected', now);
  checkRedirect(redirect);
  const next: Call = { ...without(call, 'answerDeadline'), state: 'redirecting', stateChangedAt: now, redirectTargets: redirect.targets, callbackUri: redirect.callbackUri ?? call.callbackUri };
  return { value: next, events: [] };
}

/** redirecting → terminated: `deleted` with state terminated and no resultInfo (call-redirect examples). */
export function completeRedirect(call: Call, now: number): Transition<Call> {
  if (call.state !== 'redirecting') throw new Error(`call ${call.id}: cannot complete a redirect in state ${call.state}`);
  const next: Call = { ...call, state: 'terminated', stateChangedAt: now };
  return { value: next, events: [{ type: 'call:deleted', call: next }] };
}

/** Still ringing when the 15 s are over: the call times out (408/1106, see end-reasons.ts). */
export function expireUnanswered(call: Call, now: number): Transition<Call> {
  if (!isAnswerOverdue(call, now)) throw new Error(`call ${call.id}: not an unanswered call past its deadline`);
  return endCall(without(call, 'answerDeadline'), 'answerTimeout', now);
}

export const isAnswerOverdue = (call: Call, now: number): boolean => call.state === 'incoming' && call.answerDeadline !== undefined && now >= call.answerDeadline;

function assertRinging(call: Call, action: string, now: number): void {
  if (call.state !== 'incoming') throw new DomainError('callNotIncoming', { callId: call.id, state: call.state, action });
  if (isAnswerOverdue(call, now)) throw new DomainError('callNotIncoming', { callId: call.id, state: 'no longer ringing (its 15-second answer window has passed)', action });
}

function checkRedirect({ targets, timeoutSeconds }: Redirect): void {
  if (targets.length < 1 || targets.length > MAX_REDIRECT_TARGETS) {
    throw new DomainError('redirectInvalid', { details: `targets must name 1 to ${MAX_REDIRECT_TARGETS} participants; got ${targets.length}.` });
  }
  const { min, max } = REDIRECT_TIMEOUT_SECONDS;
  if (timeoutSeconds !== undefined && (timeoutSeconds < min || timeoutSeconds > max)) {
    throw new DomainError('redirectInvalid', { details: `timeout must be ${min} to ${max} seconds; got ${timeoutSeconds}.` });
  }
}

function without<K extends keyof Call>(call: Call, key: K): Call {
  const { [key]: _dropped, ...rest } = call;
  return rest as Call;
}
