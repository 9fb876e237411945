import { DomainError } from '../errors/index.js';
import type { AnswerMode, User } from '../world/types.js';
import { endCall } from './call-leg.js';
import type { EndReason } from './end-reasons.js';
import type { Call, Transition } from './types.js';

/**
 * A user an app calls peer to peer (POST /communications/calls with one user target) rings until
 * their client answers; the app's leg stays `establishing` meanwhile (v1.0 has no `ringing` state,
 * BEHAVIOR.md §4). How the simulated user answers is their `answerMode`:
 *
 * | mode     | outcome when the establish latency is over                                  |
 * |----------|-----------------------------------------------------------------------------|
 * | auto     | answers: the leg becomes `established` (the default)                        |
 * | manual   | keeps ringing until the control API answers or declines, or the ring times out |
 * | decline  | declines: the leg ends (`deleted`, 480/10076)                               |
 * | noAnswer | keeps ringing until the ring times out (`deleted`, 408/10057)               |
 *
 * The call-delete end reason table has no "declined" entry; Teams does not tell a caller app
 * whether the callee declined or could not be reached, so a decline ends with 480/10076 ("callee
 * could not be reached"). A ring nobody answers ends with 408/10057 ("no signaling from callee
 * endpoints").
 */

export type RingOutcome = 'answer' | 'wait' | 'decline';

/** Graph's beta `ringingTimeoutInSeconds` defaults to nothing documented; Teams rings about 30 s (max 115). */
export const PEER_RING_TIMEOUT_MS = 30_000;
export const MAX_PEER_RING_TIMEOUT_MS = 115_000;

export const DECLINED: EndReason = 'calleeUnreachable';
export const NOT_ANSWERED: EndReason = 'calleeNoSignal';

/** What the user's client does when it rings; other simulations (e.g. magic users) build on this. */
export function ringOutcome(user: Pick<User, 'answerMode'> | undefined): RingOutcome {
  const mode: AnswerMode = user?.answerMode ?? 'auto';
  if (mode === 'auto') return 'answer';
  return mode === 'decline' ? 'decline' : 'wait';
}

/** The calls this applies to: an app's own peer-to-peer call to a user, before it is answered. */
export const ringsPeer = (call: Call): boolean => call.direction === 'outgoing' && call.scenario === 'peerToPeer' && call.state === 'establishing' && call.peerRing?.answered !== true;

/** The ring starts; `ringingTimeoutInSeconds` (beta create-call) shortens or lengthens it. */
export function startPeerRing(call: Call, now: number): Call {
  const asked = call.echo.ringingTimeoutInSeconds;
  const timeout = typeof asked === 'number' && asked > 0 ? Math.min(asked * 1000, MAX_PEER_RING_TIMEOUT_MS) : PEER_RING_TIMEOUT_MS;
  return { ...call, peerRing: { deadline: now + timeout, answered: false } };
}

export const ringTimedOut = (call: Call, now: number): boolean => call.peerRing !== undefined && now >= call.peerRing.deadline;

/** The user answers: the leg may now become established (the next establish step). */
export function answerPeerRing(call: Call, now: number): Call {
  assertManualRing(call, now);
  return { ...call, peerRing: { ...call.peerRing!, answered: true } };
}

/** The user declines, or the ring runs out: one `deleted` with the reason. */
export function endPeerRing(call: Call, reason: EndReason, now: number): Transition<Call> {
  return endCall(call, reason, now);
}

export function assertManualRing(call: Call, now: number): void {
  if (!ringsPeer(call) || !call.peerRing || ringTimedOut(call, now)) {
    const state = call.peerRing && ringTimedOut(call, now) ? 'its ring has timed out' : `state ${call.state}`;
    throw new DomainError('peerNotRinging', { callId: call.id, state });
  }
}
