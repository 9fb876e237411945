import { DECLINED, NOT_ANSWERED, answerPeerRing, assertManualRing, ringOutcome, ringTimedOut, ringsPeer, startPeerRing, type RingOutcome } from '../../domain/calls/peer-ring.js';
import type { Call } from '../../domain/calls/types.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallUnit } from '../call-unit.js';
import { endLeg } from '../leg-lifecycle.js';

/**
 * The called user's side of an app's peer-to-peer call (domain/calls/peer-ring.ts). The establish
 * step asks `holdsForPeerRing` first: true means the leg is not established now (the user rings,
 * declined, or the ring ran out).
 */
export async function holdsForPeerRing(unit: CallUnit, call: Call, now: number): Promise<boolean> {
  if (!ringsPeer(call)) return false;
  if (call.peerRing) {
    if (ringTimedOut(call, now)) await endLeg(unit, call, NOT_ANSWERED, now);
    return true;
  }
  const outcome = await calleeOutcome(unit, call);
  if (outcome === 'answer') return false;
  if (outcome === 'decline') await endLeg(unit, call, DECLINED, now);
  else await ring(unit, call, now);
  return true;
}

/** What the called user's client does when it rings (their world `answerMode`). */
async function calleeOutcome(unit: CallUnit, call: Call): Promise<RingOutcome> {
  return ringOutcome(await unit.world.user(call.targets[0]?.id.toLowerCase() ?? ''));
}

async function ring(unit: CallUnit, call: Call, now: number): Promise<void> {
  const ringing = startPeerRing(call, now);
  await unit.putCall(ringing);
  await unit.setTimer('establish', call.id, ringing.peerRing?.deadline ?? now);
}

/**
 * The call as the callee's client sees it when they act. Their phone rings as soon as the app
 * places the call, so a user who lets it ring (manual, noAnswer) may answer or decline before
 * the establish step has started the ring: acting starts it then. Without this a bot test that
 * declines right after `establishing` would race the establish latency.
 */
async function ringingCall(unit: CallUnit, callId: string, now: number): Promise<Call> {
  const call = await unit.requireCall(callId);
  if (!ringsPeer(call) || call.peerRing) return call;
  const outcome = await calleeOutcome(unit, call);
  return outcome === 'wait' ? startPeerRing(call, now) : call;
}

/** The user answers the ringing call: the leg is established right away (the ring was the latency). */
export async function answerPeerCall(ctx: CallContext, callId: string): Promise<Call> {
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const answered = answerPeerRing(await ringingCall(unit, callId, now), now);
    await unit.putCall(answered);
    await unit.setTimer('establish', callId, now);
    return answered;
  });
}

/** The user declines: the app's leg ends (`deleted`, 480/10076). */
export async function declinePeerCall(ctx: CallContext, callId: string): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const call = await ringingCall(unit, callId, now);
    assertManualRing(call, now);
    await endLeg(unit, call, DECLINED, now);
  });
}
