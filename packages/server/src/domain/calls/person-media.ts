import { DomainError } from '../errors/index.js';
import { endSessionsOf } from './content-sharing.js';
import { changeParticipant, findParticipant } from './roster.js';
import type { Conference, Participant, Transition } from './types.js';

/**
 * What a person does with their own media, as the roster shows it (BEHAVIOR.md §8: a participant's
 * `mediaStreams` carry one entry per stream with its `direction`). Each change is one roster
 * version; a change that changes nothing notifies nothing.
 */

const unchanged = (conference: Conference): Transition<Conference> => ({ value: conference, events: [] });

/**
 * Camera on: the main-video stream sends and receives. Camera off: the client still receives the
 * others' video, so the stream stays listed as `receiveOnly` (a person who never had video on lists none).
 */
export function setParticipantVideo(conference: Conference, participantId: string, on: boolean): Transition<Conference> {
  const participant = activePerson(conference, participantId);
  const video = on ? 'sendReceive' : participant.video === 'inactive' ? 'inactive' : 'receiveOnly';
  if (participant.video === video) return unchanged(conference);
  return changeParticipant(conference, participantId, { video });
}

/**
 * The person puts the call on hold from their client: no media flows either way, so audio and
 * video read `inactive`, and a screen they shared stops (its session ends). The directions before
 * the hold are kept for the resume.
 */
export function holdParticipant(conference: Conference, participantId: string): Transition<Conference> {
  const participant = personIn(conference, participantId);
  if (participant.held) return unchanged(conference);
  if (participant.isInLobby) throw new DomainError('participantNotActive', { participantId, reason: 'is waiting in the lobby' });
  const unshared = endSessionsOf(conference, participantId);
  const held = changeParticipant(unshared.value, participantId, { held: { audio: participant.audio, video: participant.video }, audio: 'inactive', video: 'inactive', screenSharing: 'inactive' });
  return { value: held.value, events: [...unshared.events, ...held.events] };
}

/** Back from hold: the directions from before the hold return (screen sharing does not restart by itself). */
export function resumeParticipant(conference: Conference, participantId: string): Transition<Conference> {
  const participant = personIn(conference, participantId);
  if (!participant.held) return unchanged(conference);
  const { held, ...rest } = participant;
  const withoutHold = { ...conference, participants: conference.participants.map((p) => (p.id === participantId ? rest : p)) };
  return changeParticipant(withoutHold, participantId, { audio: held.audio, video: held.video });
}

/**
 * The person talks over everyone else. Graph notifies no dominant speaker for service-hosted
 * media (nothing in participant or call changes); it is kept on the conference so the control API
 * can show it, with the speaker's audio `sourceId` that app-hosted media reports. `undefined`
 * means nobody dominates.
 */
export function setDominantSpeaker(conference: Conference, participantId: string | undefined): Conference {
  if (participantId === undefined) {
    const { dominantSpeakerId: _previous, ...rest } = conference;
    return rest;
  }
  const speaker = activePerson(conference, participantId);
  if (speaker.isMuted || speaker.serverMuted) throw new DomainError('participantNotActive', { participantId, reason: 'is muted and cannot be the dominant speaker' });
  return { ...conference, dominantSpeakerId: participantId };
}

/** The dominant speaker while they can still be heard (left, muted or held speakers no longer dominate). */
export function dominantSpeakerOf(conference: Conference): Participant | undefined {
  const speaker = conference.participants.find((p) => p.id === conference.dominantSpeakerId);
  if (!speaker || speaker.isMuted || speaker.serverMuted || speaker.held || speaker.isInLobby) return undefined;
  return speaker;
}

/** People act for themselves; an app's media is driven through Graph. */
export function personIn(conference: Conference, participantId: string): Participant {
  const participant = findParticipant(conference, participantId);
  if (participant.kind !== 'person') throw new DomainError('participantIsApp', { participantId, appId: participant.identity.id, callId: participant.callId ?? '' });
  return participant;
}

/** A person who is in the meeting itself: not waiting in the lobby, not on hold. */
function activePerson(conference: Conference, participantId: string): Participant {
  const participant = personIn(conference, participantId);
  if (participant.isInLobby) throw new DomainError('participantNotActive', { participantId, reason: 'is waiting in the lobby' });
  if (participant.held) throw new DomainError('participantOnHold', { participantId });
  return participant;
}
