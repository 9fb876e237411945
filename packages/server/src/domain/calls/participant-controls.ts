import { DomainError } from '../errors/index.js';
import type { MeetingConfiguration } from '../world/types.js';
import { changeParticipant, findParticipant } from './roster.js';
import type { CallEvent, Conference, Participant, Transition } from './types.js';

/**
 * Mutes and removals an app applies to a roster (BEHAVIOR.md §7). A server mute (participant-mute,
 * muteAll) sets `isMuted` and the audio stream's `serverMuted`; there is no API to unmute someone
 * else, so only the participant's own unmute (call-unmute for an app, the person's client for a
 * person) lifts it. Each change is one roster version and one roster update; nothing changes,
 * and nothing is notified, when the participant already is so.
 */

/** participant-mute: another participant (or the app itself) is muted by the server. */
export function serverMute(conference: Conference, participantId: string): Transition<Conference> {
  const participant = findParticipant(conference, participantId);
  if (participant.isMuted && participant.serverMuted) return { value: conference, events: [] };
  return changeParticipant(conference, participantId, { isMuted: true, serverMuted: true });
}

/** call-mute / call-unmute: the app's own leg; unmuting also lifts a server mute another app set. */
export function selfMute(conference: Conference, participantId: string, muted: boolean): Transition<Conference> {
  const participant = findParticipant(conference, participantId);
  const change = muted ? { isMuted: true } : { isMuted: false, serverMuted: false };
  if (participant.isMuted === change.isMuted && (muted || !participant.serverMuted)) return { value: conference, events: [] };
  return changeParticipant(conference, participantId, change);
}

/** muteAll (beta): every participant named, in one roster update listing all who changed. */
export function serverMuteAll(conference: Conference, participantIds: string[]): Transition<Conference> {
  let value = conference;
  for (const id of participantIds) value = serverMute(value, id).value;
  const changed = value.participants.filter((p) => p.rosterSequenceNumber > conference.rosterSequence);
  const events: CallEvent[] = changed.length === 0 || conference.kind === 'peerToPeer' ? [] : [{ type: 'roster:updated', conference: value, participants: changed }];
  return { value, events };
}

/**
 * Whom muteAll mutes: the ids named (blank ones, like the docs example's `[""]`, name nobody),
 * each of which must be in the roster; none named: everyone in the conversation but the app itself.
 */
export function muteAllTargets(conference: Conference, requested: string[], selfId: string): string[] {
  const named = requested.filter((id) => id.trim() !== '');
  if (named.length > 0) return named.map((id) => findParticipant(conference, id).id);
  return conference.participants.filter((p) => p.id !== selfId && !p.isInLobby && !p.invitation && p.kind !== 'virtual').map((p) => p.id);
}

/**
 * participant-delete needs the meeting tenant's Set-CsApplicationMeetingConfiguration
 * -AllowRemoveParticipantAppIds to list the app; otherwise 403 naming the setting.
 */
export function assertMayRemoveParticipants(configuration: MeetingConfiguration | undefined, appId: string, tenantId: string): void {
  const allowed = configuration?.allowRemoveParticipantAppIds.some((id) => id.toLowerCase() === appId.toLowerCase()) ?? false;
  if (!allowed) throw new DomainError('removeParticipantNotAllowed', { appId, tenantId });
}

/** An app leaves through DELETE on its own call, not by removing its own roster entry. */
export function assertNotOwnEntry(participant: Participant, callId: string): void {
  if (participant.callId === callId) throw new DomainError('removeOwnParticipant', { participantId: participant.id, callId });
}
