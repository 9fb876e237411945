import { admitParticipant, denyParticipant, findParticipant, removeParticipant, setParticipantMuted } from '../../domain/calls/roster.js';
import { endSessionsOf } from '../../domain/calls/content-sharing.js';
import type { Conference, Participant } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallUnit } from '../call-unit.js';
import { endLeg, settleAfterPersonLeft } from '../leg-lifecycle.js';

/** A person leaves: `roster:removed` to the connected legs; the conference may end with it. */
export async function leave(ctx: CallContext, conferenceId: string, participantId: string): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const conference = await unit.requireConference(conferenceId);
    await personLeaves(unit, conference, personOf(conference, participantId), ctx.clock.now());
  });
}

/** Self mute / unmute (a person's own client); a roster update when it changes anything. */
export async function setMuted(ctx: CallContext, conferenceId: string, participantId: string, isMuted: boolean): Promise<Participant> {
  return inCallTx(ctx, async (unit) => {
    const conference = await unit.requireConference(conferenceId);
    personOf(conference, participantId);
    const muted = setParticipantMuted(conference, participantId, isMuted);
    await unit.putConference(muted.value);
    await unit.emit(muted.events);
    return findParticipant(muted.value, participantId);
  });
}

/**
 * The organizer admits someone from the lobby (a roster update to every connected leg). An
 * admitted app leg then becomes established after the usual establish latency, and gets the
 * roster from then on.
 */
export async function admit(ctx: CallContext, conferenceId: string, participantId: string): Promise<Participant> {
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const admitted = admitParticipant(await unit.requireConference(conferenceId), participantId);
    await unit.putConference(admitted.value);
    await unit.emit(admitted.events);
    const participant = findParticipant(admitted.value, participantId);
    const leg = participant.callId ? await unit.call(participant.callId) : undefined;
    if (leg?.state === 'establishing') await unit.setTimer('establish', leg.id, now + ctx.latency.establishMs);
    return participant;
  });
}

/**
 * The organizer denies someone waiting in the lobby: their entry leaves the roster
 * (`roster:removed` to the connected legs). An app's leg denied entry ends like a removed one
 * (200/5300; Graph documents no lobby-denial code).
 */
export async function deny(ctx: CallContext, conferenceId: string, participantId: string): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const conference = await unit.requireConference(conferenceId);
    const denied = denyParticipant(conference, participantId);
    const participant = findParticipant(conference, participantId);
    const leg = participant.kind === 'app' && participant.callId ? await unit.call(participant.callId) : undefined;
    if (leg) return endLeg(unit, leg, 'removedByOrganizer', now);
    await unit.putConference(denied.value);
    await unit.emit(denied.events);
    await settleAfterPersonLeft(unit, denied.value, now);
  });
}

/**
 * The organizer removes a participant. An app's leg ends with 200/5300 "Participant was removed
 * from the conversation by another participant." (call-delete end reason table).
 */
export async function remove(ctx: CallContext, conferenceId: string, participantId: string): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const conference = await unit.requireConference(conferenceId);
    const participant = findParticipant(conference, participantId);
    const leg = participant.callId ? await unit.call(participant.callId) : undefined;
    if (participant.kind === 'app' && leg) return endLeg(unit, leg, 'removedByOrganizer', now);
    await personLeaves(unit, conference, participant, now);
  });
}

export async function personLeaves(unit: CallUnit, conference: Conference, person: Participant, now: number): Promise<void> {
  const unshared = endSessionsOf(conference, person.id);
  const left = removeParticipant(unshared.value, person.id);
  await unit.putConference(left.value);
  await unit.emit([...unshared.events, ...left.events]);
  await settleAfterPersonLeft(unit, left.value, now);
}

/** People act for themselves here; an app's leg is driven through Graph. */
function personOf(conference: Conference, participantId: string): Participant {
  const participant = findParticipant(conference, participantId);
  if (participant.kind === 'app') throw new DomainError('participantIsApp', { participantId, appId: participant.identity.id, callId: participant.callId ?? '' });
  return participant;
}
