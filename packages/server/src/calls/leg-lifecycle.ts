import { endCall } from '../domain/calls/call-leg.js';
import type { EndReason } from '../domain/calls/end-reasons.js';
import { participantOfCall, people, removeParticipant } from '../domain/calls/roster.js';
import { dropVirtualParticipantsOf } from '../domain/calls/large-gallery.js';
import { releaseHoldsBy } from '../domain/calls/hold-music.js';
import type { Call, Conference, Transition } from '../domain/calls/types.js';
import { ENDED_CALL_RETENTION_MS } from './call-timers.js';
import type { CallUnit } from './call-unit.js';

/**
 * What happens around a leg that ends, whatever ended it: its notification goes out, its timers
 * stop, it leaves its conference (the others get `roster:removed`), and the conference ends when
 * nobody it exists for is left.
 */
export async function finishLeg(unit: CallUnit, ended: Transition<Call>, now: number): Promise<void> {
  await closeLeg(unit, ended, now);
  await leaveConference(unit, ended.value);
}

/** The ended leg is saved and notified, its timers stop, and it is purged after the retention time. */
export async function closeLeg(unit: CallUnit, ended: Transition<Call>, now: number): Promise<void> {
  await unit.putCall(ended.value);
  await unit.emit(ended.events);
  await unit.cancelLegTimers(ended.value.id);
  await unit.setTimer('purge', ended.value.id, now + ENDED_CALL_RETENTION_MS);
}

/** The platform ends a leg for `reason` (one `deleted` notification with that resultInfo). */
export async function endLeg(unit: CallUnit, call: Call, reason: EndReason, now: number): Promise<void> {
  await finishLeg(unit, endCall(call, reason, now), now);
}

async function leaveConference(unit: CallUnit, call: Call): Promise<void> {
  const conference = await unit.conference(call.conferenceId);
  const participant = conference?.state === 'active' ? participantOfCall(conference, call.id) : undefined;
  if (!conference || !participant) return;
  const left = removeParticipant(conference, participant.id);
  const galleries = dropVirtualParticipantsOf(left.value, call.id);
  const holds = releaseHoldsBy(galleries.value, call.id);
  await unit.putConference(holds.value);
  await unit.emit([...left.events, ...galleries.events, ...holds.events]);
  await settleAfterLegLeft(unit, holds.value);
}

/**
 * A meeting lives while anyone is in it (people may stay without a bot); a group or
 * peer-to-peer call lives only as long as an app leg does (the people in it are simulated).
 */
export async function settleAfterLegLeft(unit: CallUnit, conference: Conference): Promise<void> {
  const over = conference.kind === 'meeting' ? conference.participants.length === 0 : !conference.participants.some((p) => p.kind === 'app');
  if (over) await unit.dropConference(conference);
}

/**
 * After a person left: an empty meeting ends; a peer-to-peer call ends for the app (200/4521);
 * a group call whose people all left ends for the app (200/5002).
 */
export async function settleAfterPersonLeft(unit: CallUnit, conference: Conference, now: number): Promise<void> {
  if (conference.kind === 'meeting') return settleAfterLegLeft(unit, conference);
  if (conference.kind === 'groupCall' && people(conference).length > 0) return;
  const reason: EndReason = conference.kind === 'peerToPeer' ? 'peerHungUp' : 'othersLeftGroupCall';
  for (const participant of conference.participants.filter((p) => p.kind === 'app')) {
    const leg = await unit.call(participant.callId ?? '');
    if (leg && leg.state !== 'terminated') await endLeg(unit, leg, reason, now);
  }
  const remaining = await unit.conference(conference.id);
  if (remaining) await settleAfterLegLeft(unit, remaining);
}
