import { endCall } from '../domain/calls/call-leg.js';
import { isEnded } from '../domain/calls/call-rules.js';
import { endConference, participantOfCall } from '../domain/calls/roster.js';
import type { Call } from '../domain/calls/types.js';
import type { CallUnit } from '../calls/call-unit.js';
import { closeLeg, endLeg } from '../calls/leg-lifecycle.js';
import type { CallFaultEntry } from './call-fault-catalog.js';

/**
 * What a call fault does to a live leg, inside the caller's unit of work. A leg fault ends the
 * leg as the platform would (one `deleted` notification with the catalogue's resultInfo; the
 * other legs of its conference see it leave the roster). A conference fault ends every app leg
 * the way the organizer ending the meeting does: each gets its `deleted` notification and there
 * is no roster churn before it (see calls/people/end-meeting.ts).
 */
export async function applyCallFault(unit: CallUnit, call: Call, fault: CallFaultEntry, now: number): Promise<void> {
  if (isEnded(call.state)) return;
  if (fault.scope === 'leg') return endLeg(unit, call, fault.reason, now);
  await endConferenceOf(unit, call, fault, now);
}

/** Whether the fault can strike this leg now: not after it ended, and a lobby fault only in the lobby. */
export async function faultApplies(unit: CallUnit, call: Call, fault: CallFaultEntry): Promise<boolean> {
  if (isEnded(call.state)) return false;
  if (fault.requires !== 'lobby') return true;
  const conference = await unit.conference(call.conferenceId);
  return conference ? participantOfCall(conference, call.id)?.isInLobby === true : false;
}

async function endConferenceOf(unit: CallUnit, call: Call, fault: CallFaultEntry, now: number): Promise<void> {
  const conference = await unit.conference(call.conferenceId);
  if (!conference || conference.state !== 'active') return endLeg(unit, call, fault.reason, now);
  for (const participant of conference.participants) {
    const leg = participant.callId ? await unit.call(participant.callId) : undefined;
    if (leg && !isEnded(leg.state)) await closeLeg(unit, endCall(leg, fault.reason, now), now);
  }
  await unit.dropConference(endConference(conference));
}
