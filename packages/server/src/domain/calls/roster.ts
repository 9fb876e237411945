import { DomainError } from '../errors/index.js';
import type { CallEvent, Conference, ConferenceKind, Participant, Transition } from './types.js';

/**
 * A conference's roster (BEHAVIOR.md §8): one per meeting or group call, shared by every app leg
 * and simulated person. Every change is one roster version: `rosterSequence` grows by one and the
 * changed entries carry it as `rosterSequenceNumber`. Changes emit `roster:updated` (full current
 * entries of the changed participants) or `roster:removed` (departures, which Graph sends as
 * changeType `deleted` on /participants). Peer-to-peer conferences emit nothing: Graph sends only
 * call-state notifications for P2P calls (BEHAVIOR.md §5).
 */

export interface NewConference {
  id: string;
  kind: ConferenceKind;
  tenantId: string;
  meetingId?: string;
}

export type NewParticipant = Omit<Participant, 'rosterSequenceNumber' | 'joinedAt'>;

export function openConference(fields: NewConference, now: number): Conference {
  return { ...fields, state: 'active', participants: [], rosterSequence: 0, createdAt: now };
}

/** One or more people or legs join in one roster version (group-call targets answer together). */
export function addParticipants(conference: Conference, joiners: NewParticipant[], now: number): Transition<Conference> {
  assertActive(conference);
  const sequence = conference.rosterSequence + 1;
  const added = joiners.map((p): Participant => ({ ...p, joinedAt: now, rosterSequenceNumber: sequence }));
  const next = { ...conference, rosterSequence: sequence, participants: [...conference.participants, ...added] };
  return withEvent(next, 'roster:updated', added);
}

export function addParticipant(conference: Conference, joiner: NewParticipant, now: number): Transition<Conference> {
  return addParticipants(conference, [joiner], now);
}

/** The organizer lets someone in: `isInLobby` becomes false (a roster update to everyone). */
export function admitParticipant(conference: Conference, participantId: string): Transition<Conference> {
  const participant = findParticipant(conference, participantId);
  if (!participant.isInLobby) throw new DomainError('participantNotInLobby', { participantId });
  return changeParticipant(conference, participantId, { isInLobby: false });
}

/**
 * The organizer denies someone waiting in the lobby: they never get in, and their entry leaves the
 * roster (`roster:removed`, as for any departure).
 */
export function denyParticipant(conference: Conference, participantId: string): Transition<Conference> {
  if (!findParticipant(conference, participantId).isInLobby) throw new DomainError('participantNotInLobby', { participantId });
  return removeParticipant(conference, participantId);
}

/** Self mute / unmute; nothing changes (and nothing is notified) when it already is so. */
export function setParticipantMuted(conference: Conference, participantId: string, isMuted: boolean): Transition<Conference> {
  if (findParticipant(conference, participantId).isMuted === isMuted) return { value: conference, events: [] };
  return changeParticipant(conference, participantId, { isMuted });
}

/** A participant leaves or is removed: `roster:removed` carries the departed entry. */
export function removeParticipant(conference: Conference, participantId: string): Transition<Conference> {
  const departed = { ...findParticipant(conference, participantId), rosterSequenceNumber: conference.rosterSequence + 1 };
  const next = { ...conference, rosterSequence: departed.rosterSequenceNumber, participants: conference.participants.filter((p) => p.id !== participantId) };
  return withEvent(next, 'roster:removed', [departed]);
}

/** The meeting or call is over; the legs are told by their own `deleted` call notifications. */
export function endConference(conference: Conference): Conference {
  return { ...conference, state: 'ended' };
}

/**
 * The roster a leg receives once it is established (application-post-calls example 5: one
 * `updated` on /participants listing everyone, the bot included).
 */
export function rosterSnapshot(conference: Conference): CallEvent[] {
  return conference.kind === 'peerToPeer' ? [] : [{ type: 'roster:updated', conference, participants: conference.participants }];
}

export function findParticipant(conference: Conference, participantId: string): Participant {
  const participant = conference.participants.find((p) => p.id === participantId);
  if (!participant) throw new DomainError('participantNotFound', { participantId });
  return participant;
}

export const participantOfCall = (conference: Conference, callId: string): Participant | undefined => conference.participants.find((p) => p.callId === callId);

export const people = (conference: Conference): Participant[] => conference.participants.filter((p) => p.kind === 'person');

/** One roster version in which one entry changes: everyone connected gets the entry as it now is. */
export function changeParticipant(conference: Conference, participantId: string, change: Partial<Participant>): Transition<Conference> {
  assertActive(conference);
  const sequence = conference.rosterSequence + 1;
  const updated = { ...findParticipant(conference, participantId), ...change, rosterSequenceNumber: sequence };
  const participants = conference.participants.map((p) => (p.id === participantId ? updated : p));
  return withEvent({ ...conference, rosterSequence: sequence, participants }, 'roster:updated', [updated]);
}

function withEvent(conference: Conference, type: 'roster:updated' | 'roster:removed', participants: Participant[]): Transition<Conference> {
  if (conference.kind === 'peerToPeer' || participants.length === 0) return { value: conference, events: [] };
  return { value: conference, events: [{ type, conference, participants }] };
}

function assertActive(conference: Conference): void {
  if (conference.state !== 'active') throw new DomainError('conferenceNotFound', { conferenceId: conference.id });
}
