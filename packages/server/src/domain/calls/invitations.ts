import { DomainError } from '../errors/index.js';
import { addParticipants, type NewParticipant } from './roster.js';
import type { Call, Conference, Identity, Participant, ParticipantInvitation, Transition } from './types.js';

/**
 * participants/invite (participant-invite): group calls only; with several participants the call
 * must have a valid chat; up to 5 per request. Invitees are in the roster from the invite on,
 * marked by `invitation` (so DELETE participant can cancel them), and become ordinary entries
 * when they answer; the operation then completes.
 */
export const MAX_INVITEES = 5;

export interface InviteRules {
  /** The call has a chat: a meeting (its chat thread). Group calls an app creates have none (BEHAVIOR.md §4). */
  hasChat: boolean;
}

export function checkInvite(call: Call, count: number, rules: InviteRules): void {
  if (call.scenario !== 'meeting' && call.scenario !== 'groupCall') {
    throw new DomainError('actionNeedsGroupCall', { action: 'participants/invite', page: 'participant-invite', callId: call.id, scenario: call.scenario });
  }
  if (count < 1 || count > MAX_INVITEES) throw new DomainError('inviteTooManyParticipants', { max: MAX_INVITEES, count });
  if (count > 1 && !rules.hasChat) throw new DomainError('inviteNeedsChat', { callId: call.id });
}

/** A ringing invitee: in the roster, sending nothing yet. */
export function invitedParticipant(participantId: string, identity: Identity, invitation: ParticipantInvitation): NewParticipant {
  return { id: participantId, kind: 'person', identity, isMuted: false, isInLobby: false, audio: 'inactive', video: 'inactive', screenSharing: 'inactive', serverMuted: false, invitation };
}

/** Someone already there (or already ringing) is not invited twice. */
export function assertNotInCall(conference: Conference, invitee: Identity): void {
  const present = conference.participants.find((p) => p.identity.kind === invitee.kind && p.identity.id.toLowerCase() === invitee.id.toLowerCase());
  if (present) throw new DomainError('inviteeAlreadyInCall', { userId: invitee.id, participantId: present.id });
}

export function inviteParticipants(conference: Conference, invitees: NewParticipant[], now: number): Transition<Conference> {
  return addParticipants(conference, invitees, now);
}

/**
 * The invitees answer: their invitation is over and their audio flows, in one roster version
 * (participant-invite example 2 shows both invitees in one roster notification).
 */
export function answerInvitations(conference: Conference, participantIds: string[]): Transition<Conference> {
  const sequence = conference.rosterSequence + 1;
  const answered = conference.participants.filter((p) => participantIds.includes(p.id)).map((p): Participant => ({ ...withoutInvitation(p), audio: 'sendReceive', rosterSequenceNumber: sequence }));
  if (answered.length === 0) return { value: conference, events: [] };
  const participants = conference.participants.map((p) => answered.find((a) => a.id === p.id) ?? p);
  const next = { ...conference, rosterSequence: sequence, participants };
  return { value: next, events: [{ type: 'roster:updated', conference: next, participants: answered }] };
}

function withoutInvitation(participant: Participant): Participant {
  const { invitation: _answered, ...rest } = participant;
  return rest;
}

/** The entries of one invite that are still ringing (DELETE participant may have cancelled some). */
export function ringingFor(conference: Conference, operationId: string): string[] {
  return conference.participants.filter((p) => p.invitation?.operationId === operationId).map((p) => p.id);
}
