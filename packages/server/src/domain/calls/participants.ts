import type { NewParticipant } from './roster.js';
import type { Call, Identity, MediaDirection } from './types.js';

/**
 * Roster entries for app legs and simulated people. Media directions follow the roster example
 * of application-post-calls (example 5): audio sendReceive; video and screen sharing only when
 * the modality was asked for.
 */

const when = (on: boolean, direction: MediaDirection): MediaDirection => (on ? direction : 'inactive');

/**
 * The app's own entry. Its identity is the app: the call's source for calls the app placed (the
 * app, or the guest it joins as), the call's target for calls it received (the source is the caller).
 */
export function appParticipant(call: Call, participantId: string, isInLobby: boolean): NewParticipant {
  return {
    id: participantId,
    kind: 'app',
    identity: call.direction === 'incoming' ? (call.targets[0] ?? call.source) : call.source,
    callId: call.id,
    isMuted: false,
    isInLobby,
    audio: 'sendReceive',
    video: when(call.requestedModalities.includes('video'), 'sendReceive'),
    screenSharing: when(call.requestedModalities.includes('videoBasedScreenSharing'), 'receiveOnly'),
    serverMuted: false,
  };
}

export interface PersonOptions {
  muted?: boolean;
  video?: boolean;
  isInLobby?: boolean;
}

export function personParticipant(participantId: string, identity: Identity, options: PersonOptions = {}): NewParticipant {
  return {
    id: participantId,
    kind: 'person',
    identity,
    isMuted: options.muted ?? false,
    isInLobby: options.isInLobby ?? false,
    audio: 'sendReceive',
    video: when(options.video ?? false, 'sendReceive'),
    screenSharing: 'inactive',
    serverMuted: false,
  };
}
