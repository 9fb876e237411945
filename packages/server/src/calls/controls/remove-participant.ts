import { assertMayRemoveParticipants, assertNotOwnEntry } from '../../domain/calls/participant-controls.js';
import { findParticipant, removeParticipant as dropEntry } from '../../domain/calls/roster.js';
import type { Conference, Participant } from '../../domain/calls/types.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallUnit } from '../call-unit.js';
import { endLeg } from '../leg-lifecycle.js';
import { personLeaves } from '../people/roster-actions.js';
import { groupLeg } from './control-operations.js';

/**
 * DELETE …/participants/{id} (participant-delete): 204, only when the meeting tenant's
 * meetingConfiguration lists the app (Set-CsApplicationMeetingConfiguration
 * -AllowRemoveParticipantAppIds), read at the time of the request so a change applies at once.
 * Works before or after the participant answers: a ringing invitee's invitation is cancelled, a
 * joined person is dropped, another app's leg ends with 200/5300; everyone else connected gets
 * the roster update (`deleted` on …/participants). The removed person gets no notice.
 */
export async function removeParticipant(ctx: CallContext, caller: Caller, callId: string, participantId: string): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const { call, conference } = await groupLeg(unit, caller, callId, 'DELETE participant', 'participant-delete');
    const tenant = await unit.world.tenant(conference.tenantId);
    assertMayRemoveParticipants(tenant?.meetingConfiguration, caller.appId, conference.tenantId);
    const participant = findParticipant(conference, participantId);
    assertNotOwnEntry(participant, call.id);
    await drop(unit, conference, participant, ctx.clock.now());
  });
}

async function drop(unit: CallUnit, conference: Conference, participant: Participant, now: number): Promise<void> {
  const leg = participant.kind === 'app' && participant.callId ? await unit.call(participant.callId) : undefined;
  if (leg && leg.state !== 'terminated') return endLeg(unit, leg, 'removedByOrganizer', now);
  if (participant.invitation) return cancelInvitation(unit, conference, participant);
  await personLeaves(unit, conference, participant, now);
}

/** The invitee never joined: their entry goes, and the invite's operation learns it when it settles (features/invite.ts). */
async function cancelInvitation(unit: CallUnit, conference: Conference, invitee: Participant): Promise<void> {
  const cancelled = dropEntry(conference, invitee.id);
  await unit.putConference(cancelled.value);
  await unit.emit(cancelled.events);
}
