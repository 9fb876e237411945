import { DomainError } from '../errors/index.js';
import { KEEPALIVE_TIMEOUT_MS, isEnded } from './call-rules.js';
import { END_REASONS, type EndReason } from './end-reasons.js';
import type { Call, CallEvent, Transition } from './types.js';

/**
 * The life of one app's call leg (BEHAVIOR.md §4), as pure functions of (call, command, now).
 * Each returns the next call and the events Graph would notify; illegal moves throw DomainErrors.
 */

/** The fields a new leg is made of; the service resolves ids, identities and the grant. */
export type NewCall = Omit<Call, 'state' | 'createdAt' | 'stateChangedAt' | 'lastKeepAliveAt' | 'resultInfo'>;

const moved = (call: Call, state: Call['state'], now: number, extra: Partial<Call> = {}): Call => ({ ...call, ...extra, state, stateChangedAt: now });

const changed = (call: Call): CallEvent => ({ type: 'call:stateChanged', call });

/**
 * POST /communications/calls: the 201 body already says `establishing`, and Graph then sends an
 * `updated` notification with state establishing (application-post-calls, examples 1 and 5).
 */
export function createOutgoingCall(fields: NewCall, now: number): Transition<Call> {
  const call: Call = { ...fields, state: 'establishing', createdAt: now, stateChangedAt: now, lastKeepAliveAt: now };
  return { value: call, events: [changed(call)] };
}

/** establishing → established, with the `updated` established notification. */
export function establishCall(call: Call, now: number): Transition<Call> {
  if (call.state !== 'establishing') throw illegal(call, 'establish');
  const next = moved(call, 'established', now);
  return { value: next, events: [changed(next)] };
}

/**
 * DELETE /communications/calls/{id}: `updated` terminating now, `deleted` terminated later
 * (call-delete). A second DELETE while terminating changes nothing; an ended call is gone (404).
 */
export function hangUpCall(call: Call, now: number): Transition<Call> {
  if (isEnded(call.state)) throw new DomainError('callNotFound');
  if (call.state === 'terminating') return { value: call, events: [] };
  const next = moved(call, 'terminating', now);
  return { value: next, events: [changed(next)] };
}

/** terminating → terminated after the app's own hang-up: `deleted` with 200/5001 (call-delete example). */
export function finishHangUp(call: Call, now: number): Transition<Call> {
  if (call.state !== 'terminating') throw illegal(call, 'finish hanging up');
  return endCall(call, 'appHungUp', now);
}

/**
 * The platform ends the leg (meeting ended, removed, peer hung up, timeouts): straight to
 * terminated with one `deleted` notification carrying the reason (BEHAVIOR.md §4, last rows).
 */
export function endCall(call: Call, reason: EndReason, now: number): Transition<Call> {
  if (isEnded(call.state)) throw new DomainError('callNotFound');
  const next = moved(call, 'terminated', now, { resultInfo: { ...END_REASONS[reason] } });
  return { value: next, events: [{ type: 'call:deleted', call: next }] };
}

/** POST …/keepAlive: 200 and the 45-minute window restarts; 404 once the call has ended (call-keepalive). */
export function keepCallAlive(call: Call, now: number): Transition<Call> {
  if (isEnded(call.state)) throw new DomainError('callNotFound');
  return { value: { ...call, lastKeepAliveAt: now }, events: [] };
}

/** When the inactivity rule would end this call, if no keepAlive arrives before then. */
export const keepAliveDeadline = (call: Call): number => call.lastKeepAliveAt + KEEPALIVE_TIMEOUT_MS;

/** True when the 45-minute rule ends the call at `now` (the timer may fire late, never early). */
export const isInactive = (call: Call, now: number): boolean => !isEnded(call.state) && now >= keepAliveDeadline(call);

/** Only timers drive these moves and they check the state first: reaching this is a bug, not a request error. */
function illegal(call: Call, action: string): Error {
  return new Error(`call ${call.id}: cannot ${action} a call in state ${call.state}`);
}
