import { establishCall, finishHangUp, isInactive, keepAliveDeadline } from '../../domain/calls/call-leg.js';
import { completeRedirect, expireUnanswered, isAnswerOverdue } from '../../domain/calls/incoming-call.js';
import { appParticipant, personParticipant } from '../../domain/calls/participants.js';
import { addParticipants, participantOfCall, rosterSnapshot } from '../../domain/calls/roster.js';
import { isConnected, isEnded } from '../../domain/calls/call-rules.js';
import type { Call } from '../../domain/calls/types.js';
import type { TimerEntry } from '../../storage/ports.js';
import { inCallTx, type CallContext } from '../call-context.js';
import { isCallTimer, type CallTimer, type CallTimerKind } from '../call-timers.js';
import { FEATURE_TIMER_HANDLERS } from '../features/feature-timers.js';
import { CONTROL_TIMER_HANDLERS } from '../controls/control-timers.js';
import { MEDIA_TIMER_HANDLERS } from '../media/media-timers.js';
import type { CallUnit } from '../call-unit.js';
import { endLeg, finishLeg } from '../leg-lifecycle.js';
import { callFault } from '../../faults/call-fault-catalog.js';
import { applyCallFault, faultApplies } from '../../faults/call-fault-effect.js';
import { armFaultsOnEstablished } from '../../faults/call-fault-schedule.js';
import { holdsForPeerRing } from '../people/peer-ring.js';
import { holdsForPhoneRing } from '../../simulation/phone-ring.js';

type Handler = (ctx: CallContext, unit: CallUnit, call: Call, now: number, timer: CallTimer) => Promise<void>;

/**
 * Runs the use case a due timer stands for, in one transaction that also completes the timer.
 * Every handler first checks that the call is still where the timer expects it: a timer may fire
 * late, twice (after a crash between commit and completion) or after the call moved on.
 * Returns false for a payload that is not a call timer.
 */
export async function fireTimer(ctx: CallContext, timer: TimerEntry<unknown>, owner: string): Promise<boolean> {
  const payload = timer.payload;
  if (!isCallTimer(payload)) return false;
  await inCallTx(ctx, async (unit) => {
    const call = await unit.call(payload.callId);
    if (call) await HANDLERS[payload.kind](ctx, unit, call, ctx.clock.now(), payload);
    await unit.completeTimer(timer.key, owner);
  });
  return true;
}

const HANDLERS: Record<CallTimerKind, Handler> = {
  establish: onEstablish,
  rosterSnapshot: onRosterSnapshot,
  terminate: async (_ctx, unit, call, now) => {
    if (call.state === 'terminating') await finishLeg(unit, finishHangUp(call, now), now);
  },
  answerDeadline: async (_ctx, unit, call, now) => {
    if (isAnswerOverdue(call, now)) await finishLeg(unit, expireUnanswered(call, now), now);
  },
  keepAlive: onKeepAlive,
  redirect: async (_ctx, unit, call, now) => {
    if (call.state === 'redirecting') await finishLeg(unit, completeRedirect(call, now), now);
  },
  purge: async (_ctx, unit, call) => {
    if (isEnded(call.state)) await unit.dropCall(call);
  },
  /** A call fault that was due (a fault rule's afterMs, or a magic meeting): the leg ends as the catalogue says. */
  callFault: async (_ctx, unit, call, now, timer) => {
    const fault = callFault(timer.operationId ?? '');
    if (fault && (await faultApplies(unit, call, fault))) await applyCallFault(unit, call, fault, now);
  },
  ...FEATURE_TIMER_HANDLERS,
  ...CONTROL_TIMER_HANDLERS,
  ...MEDIA_TIMER_HANDLERS,
};

/**
 * establishing → established, unless the leg waits in the lobby (it stays establishing until the
 * organizer admits it). The people an app called answer first, so the roster the leg then
 * receives already lists them.
 */
async function onEstablish(ctx: CallContext, unit: CallUnit, call: Call, now: number): Promise<void> {
  if (call.state !== 'establishing') return;
  if ((await holdsForPhoneRing(unit, call, now)) || (await holdsForPeerRing(unit, call, now))) return;
  const conference = await unit.conference(call.conferenceId);
  if (conference && participantOfCall(conference, call.id)?.isInLobby) return;
  if (conference && conference.kind !== 'peerToPeer' && call.direction === 'incoming' && !participantOfCall(conference, call.id)) {
    // An app invited into a meeting or group call joins its roster once it answered (invite-app.ts).
    const joined = addParticipants(conference, [appParticipant(call, call.myParticipantId ?? ctx.newId(), false)], now);
    await unit.putConference(joined.value);
    await unit.emit(joined.events);
  } else if (conference && call.direction === 'outgoing' && call.targets.length > 0) {
    const present = new Set(conference.participants.map((p) => p.identity.id));
    const answered = addParticipants(conference, call.targets.filter((t) => !present.has(t.id)).map((t) => personParticipant(ctx.newId(), t)), now);
    await unit.putConference(answered.value);
    await unit.emit(answered.events);
  }
  const established = establishCall(call, now);
  await unit.putCall(established.value);
  await unit.emit(established.events);
  if (conference && conference.kind !== 'peerToPeer') await unit.setTimer('rosterSnapshot', call.id, now + ctx.latency.rosterSnapshotMs);
  await armFaultsOnEstablished(ctx, unit, established.value, now);
}

/** The whole roster, once, to a leg that just got connected (and not while it waits in the lobby). */
async function onRosterSnapshot(_ctx: CallContext, unit: CallUnit, call: Call): Promise<void> {
  const conference = await unit.conference(call.conferenceId);
  if (!conference || conference.state !== 'active' || !isConnected(call.state)) return;
  if (participantOfCall(conference, call.id)?.isInLobby) return;
  await unit.emit(rosterSnapshot(conference), call);
}

/** The 45-minute rule: end the call (408/8537) unless a keepAlive moved the deadline, then re-arm. */
async function onKeepAlive(_ctx: CallContext, unit: CallUnit, call: Call, now: number): Promise<void> {
  if (isEnded(call.state)) return;
  if (isInactive(call, now)) return endLeg(unit, call, 'keepAliveTimeout', now);
  await unit.setTimer('keepAlive', call.id, keepAliveDeadline(call));
}
