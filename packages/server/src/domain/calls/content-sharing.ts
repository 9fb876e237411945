import { DomainError } from '../errors/index.js';
import { changeParticipant, findParticipant } from './roster.js';
import type { CallEvent, Conference, ContentSharingSession, Participant, Transition } from './types.js';

/**
 * Content sharing sessions of a conference (contentSharingSession: only an `id` on the wire). A
 * person starting to share sends on their screen-sharing stream (a roster update) and opens a
 * session; stopping closes both. Legs created or answered with isContentSharingNotificationEnabled
 * hear `created`/`deleted` about the sessions (BEHAVIOR.md §5; the factory filters the legs).
 */

export const sessionsOf = (conference: Conference): ContentSharingSession[] => conference.contentSharingSessions ?? [];

export function sessionOf(conference: Conference, participantId: string): ContentSharingSession | undefined {
  return sessionsOf(conference).find((session) => session.participantId === participantId);
}

export function startSharing(conference: Conference, participantId: string, sessionId: string, now: number): Transition<Conference> {
  assertCanShare(findParticipant(conference, participantId));
  const existing = sessionOf(conference, participantId);
  if (existing) throw new DomainError('participantAlreadySharing', { participantId, sessionId: existing.id });
  const streaming = changeParticipant(conference, participantId, { screenSharing: 'sendOnly' });
  const session: ContentSharingSession = { id: sessionId, participantId, startedAt: now };
  const next = { ...streaming.value, contentSharingSessions: [...sessionsOf(conference), session] };
  return { value: next, events: [...streaming.events, sharingChanged(next, 'created', [session])] };
}

export function stopSharing(conference: Conference, participantId: string): Transition<Conference> {
  if (!sessionOf(conference, participantId)) throw new DomainError('participantNotSharing', { participantId });
  const quiet = changeParticipant(conference, participantId, { screenSharing: 'inactive' });
  const ended = endSessionsOf(quiet.value, participantId);
  return { value: ended.value, events: [...quiet.events, ...ended.events] };
}

/** A sharer leaves: their session ends with them (the roster tells of the departure itself). */
export function endSessionsOf(conference: Conference, participantId: string): Transition<Conference> {
  const ending = sessionsOf(conference).filter((session) => session.participantId === participantId);
  if (ending.length === 0) return { value: conference, events: [] };
  const next = { ...conference, contentSharingSessions: sessionsOf(conference).filter((session) => session.participantId !== participantId) };
  return { value: next, events: [sharingChanged(next, 'deleted', ending)] };
}

function sharingChanged(conference: Conference, changeType: 'created' | 'deleted', sessions: ContentSharingSession[]): CallEvent {
  return { type: 'contentSharing:changed', conference, changeType, sessions };
}

/** People share from their own client; apps use changeScreenSharingRole, the lobby and the ringing cannot. */
function assertCanShare(participant: Participant): void {
  const reason = participant.kind !== 'person' ? `it is ${participant.kind === 'app' ? "an app's call leg (apps use changeScreenSharingRole)" : 'a platform participant'}`
    : participant.isInLobby ? 'they wait in the lobby'
    : participant.invitation ? 'they have not answered their invitation yet'
    : undefined;
  if (reason) throw new DomainError('participantCannotShare', { participantId: participant.id, reason });
}
