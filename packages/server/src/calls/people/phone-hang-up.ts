import { removeParticipant } from '../../domain/calls/roster.js';
import type { Conference, Participant } from '../../domain/calls/types.js';
import type { CallUnit } from '../call-unit.js';
import { endLeg, settleAfterLegLeft } from '../leg-lifecycle.js';

/**
 * A phone (PSTN) caller hangs up a peer-to-peer call: they leave the roster and the app's leg ends
 * with the call end reason table's "ended by PSTN user" (200/540000) rather than the generic
 * peer-to-peer 4521 a Teams user's hang-up gives (leg-lifecycle.ts settleAfterPersonLeft).
 */
export async function phoneHangsUp(unit: CallUnit, conference: Conference, person: Participant, now: number): Promise<void> {
  const left = removeParticipant(conference, person.id);
  await unit.putConference(left.value);
  await unit.emit(left.events);
  for (const participant of left.value.participants.filter((p) => p.kind === 'app')) {
    const leg = await unit.call(participant.callId ?? '');
    if (leg && leg.state !== 'terminated') await endLeg(unit, leg, 'pstnUserHungUp', now);
  }
  const remaining = await unit.conference(conference.id);
  if (remaining) await settleAfterLegLeft(unit, remaining);
}
