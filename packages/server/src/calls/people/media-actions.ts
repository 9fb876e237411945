import { dominantSpeakerOf, holdParticipant, resumeParticipant, setDominantSpeaker, setParticipantVideo } from '../../domain/calls/person-media.js';
import { findParticipant } from '../../domain/calls/roster.js';
import type { Conference, Participant, Transition } from '../../domain/calls/types.js';
import { inCallTx, type CallContext } from '../call-context.js';

/**
 * A person's own media, from their client (domain/calls/person-media.ts): camera, hold, and who
 * is talking. Each is one transaction; roster changes reach every connected app leg.
 */

type Change = (conference: Conference) => Transition<Conference>;

async function changeOwnMedia(ctx: CallContext, conferenceId: string, participantId: string, change: Change): Promise<Participant> {
  return inCallTx(ctx, async (unit) => {
    const changed = change(await unit.requireConference(conferenceId));
    await unit.putConference(changed.value);
    await unit.emit(changed.events);
    return findParticipant(changed.value, participantId);
  });
}

export function setVideo(ctx: CallContext, conferenceId: string, participantId: string, on: boolean): Promise<Participant> {
  return changeOwnMedia(ctx, conferenceId, participantId, (conference) => setParticipantVideo(conference, participantId, on));
}

export function hold(ctx: CallContext, conferenceId: string, participantId: string): Promise<Participant> {
  return changeOwnMedia(ctx, conferenceId, participantId, (conference) => holdParticipant(conference, participantId));
}

export function resumeHeld(ctx: CallContext, conferenceId: string, participantId: string): Promise<Participant> {
  return changeOwnMedia(ctx, conferenceId, participantId, (conference) => resumeParticipant(conference, participantId));
}

/** Who dominates the conversation now; Graph notifies nothing for it (see person-media.ts). */
export interface DominantSpeaker {
  conferenceId: string;
  participantId?: string;
}

export async function dominantSpeaker(ctx: CallContext, conferenceId: string, participantId: string | undefined): Promise<DominantSpeaker> {
  return inCallTx(ctx, async (unit) => {
    const next = setDominantSpeaker(await unit.requireConference(conferenceId), participantId);
    await unit.putConference(next);
    return { conferenceId, ...(participantId ? { participantId } : {}) };
  });
}

export async function currentDominantSpeaker(ctx: CallContext, conferenceId: string): Promise<DominantSpeaker> {
  return inCallTx(ctx, async (unit) => {
    const speaker = dominantSpeakerOf(await unit.requireConference(conferenceId));
    return { conferenceId, ...(speaker ? { participantId: speaker.id } : {}) };
  });
}
