import { DomainError } from '../errors/index.js';
import { changeParticipant, findParticipant } from './roster.js';
import type { Conference, MediaDirection, Participant, Transition } from './types.js';

/**
 * Hold music (participant-startholdmusic, participant-stopholdmusic, BEHAVIOR.md §7): an app leg
 * puts another participant on hold, the platform plays music (or the app's `customPrompt`) to
 * them, and brings them back. Both actions answer 202 with a running operation that completes
 * later; only one participant of a conference can be on hold at a time.
 *
 * While on hold a participant's audio stream reads `receiveOnly` (they hear the music, the call
 * no longer hears them) and their video is `inactive`; the roster update comes when the start
 * operation completes, and the stop's completion restores the streams as they were.
 */
export type HoldPhase = 'starting' | 'onHold' | 'stopping';

export interface HoldMusic {
  /** The app leg that put the participant on hold; its music plays to them. */
  byCallId: string;
  phase: HoldPhase;
  /** The start or stop operation in flight (the last one once on hold). */
  operationId: string;
  /** `customPrompt.mediaInfo.uri`; absent: the platform's own hold music. */
  promptUri?: string;
  /** The streams before the hold, restored when it ends (set once the hold is in effect). */
  before?: { audio: MediaDirection; video: MediaDirection };
}

export interface HoldRequest {
  byCallId: string;
  operationId: string;
  promptUri?: string;
}

/** The participant on hold (or going on or off hold) in this conference, if any. */
export const heldParticipant = (conference: Conference): Participant | undefined => conference.participants.find((participant) => participant.holdMusic);

/** A participant's media reflect the hold from the start's completion until the stop's. */
export const isOnHold = (participant: Participant): boolean => participant.holdMusic?.phase === 'onHold' || participant.holdMusic?.phase === 'stopping';

/** startHoldMusic: checked and recorded; nothing is visible before the operation completes. */
export function beginHold(conference: Conference, participantId: string, request: HoldRequest): Conference {
  const target = findParticipant(conference, participantId);
  if (target.callId === request.byCallId) throw new DomainError('holdMusicOwnLeg', { participantId });
  checkInConversation(target);
  const held = heldParticipant(conference);
  if (held?.id === participantId) throw new DomainError('participantAlreadyOnHold', { participantId, phase: held.holdMusic!.phase });
  if (held) throw new DomainError('holdMusicInUse', { participantId, heldId: held.id });
  const holdMusic: HoldMusic = { byCallId: request.byCallId, phase: 'starting', operationId: request.operationId, ...(request.promptUri ? { promptUri: request.promptUri } : {}) };
  return quietly(conference, { ...target, holdMusic });
}

/** The start operation completes: the streams change, a roster update to everyone connected. */
export function completeHold(conference: Conference, operationId: string): Transition<Conference> {
  const target = pendingFor(conference, operationId, 'starting');
  if (!target?.holdMusic) return { value: conference, events: [] };
  const holdMusic: HoldMusic = { ...target.holdMusic, phase: 'onHold', before: { audio: target.audio, video: target.video } };
  return changeParticipant(conference, target.id, { holdMusic, audio: 'receiveOnly', video: 'inactive' });
}

/** stopHoldMusic: only for someone on hold, and not while a start or stop is still running. */
export function beginRelease(conference: Conference, participantId: string, operationId: string): Conference {
  const target = findParticipant(conference, participantId);
  const phase = target.holdMusic?.phase;
  if (!phase) throw new DomainError('participantNotOnHold', { participantId });
  if (phase !== 'onHold') throw new DomainError('holdMusicPending', { participantId, phase, operationId: target.holdMusic!.operationId });
  return quietly(conference, { ...target, holdMusic: { ...target.holdMusic!, phase: 'stopping', operationId } });
}

/** The stop operation completes: the streams are restored, a roster update to everyone connected. */
export function completeRelease(conference: Conference, operationId: string): Transition<Conference> {
  const target = pendingFor(conference, operationId, 'stopping');
  return target ? restore(conference, target) : { value: conference, events: [] };
}

/** The leg that holds someone leaves: the hold ends with it (there is nobody left to play the music). */
export function releaseHoldsBy(conference: Conference, callId: string): Transition<Conference> {
  const held = heldParticipant(conference);
  if (!held || held.holdMusic?.byCallId !== callId) return { value: conference, events: [] };
  return isOnHold(held) ? restore(conference, held) : { value: quietly(conference, withoutHold(held)), events: [] };
}

function restore(conference: Conference, target: Participant): Transition<Conference> {
  const before = target.holdMusic?.before ?? { audio: target.audio, video: target.video };
  return changeParticipant(quietly(conference, withoutHold(target)), target.id, before);
}

function pendingFor(conference: Conference, operationId: string, phase: HoldPhase): Participant | undefined {
  return conference.participants.find((participant) => participant.holdMusic?.operationId === operationId && participant.holdMusic.phase === phase);
}

/** Lobby guests, ringing invitees and virtual entries are not in the conversation to be held. */
function checkInConversation(target: Participant): void {
  const where = target.isInLobby ? 'waiting in the lobby' : target.invitation ? 'invited and has not joined yet' : target.kind === 'virtual' ? 'a virtual participant' : undefined;
  if (where) throw new DomainError('holdMusicNotInConversation', { participantId: target.id, where });
}

function withoutHold(participant: Participant): Participant {
  const { holdMusic: _hold, ...rest } = participant;
  return rest;
}

/** Bookkeeping nobody sees: the roster version does not move and nothing is notified. */
function quietly(conference: Conference, participant: Participant): Conference {
  return { ...conference, participants: conference.participants.map((existing) => (existing.id === participant.id ? participant : existing)) };
}
