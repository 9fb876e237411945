import { audioRoutingGroupsOf, type AudioRoutingGroup } from './audio-routing.js';
import { isOnHold } from './hold-music.js';
import type { Call, Conference, MediaDirection, Participant } from './types.js';

/**
 * Who hears whom in a conference: what the audio routing groups, mutes, the lobby and hold music
 * of a meeting or group call add up to, so a developer can check their routing (issue 4). Graph
 * shows none of this; the model follows the Graph pages it cites.
 *
 * A speaker S is heard by a listener L (S ≠ L) when all of these hold:
 * 1. both are in the conversation: not waiting in the lobby, not an invitee still ringing;
 * 2. neither is on hold: a held participant hears only the hold music of the leg that holds them
 *    and nobody hears them (participant-startholdmusic);
 * 3. S is not muted (`isMuted`: a client or server mute, BEHAVIOR.md §8; call-mute, participant-mute);
 * 4. S's audio stream sends and L's receives (`mediaStreams`, e.g. a large gallery entry has no audio);
 * 5. a route joins them: both are in the default audio group (everyone except app legs that joined
 *    with serviceHostedMediaConfig.removeFromDefaultAudioGroup), or an audio routing group of any
 *    live app leg in the conference lists S among its sources and L among its receivers (routes are
 *    one-way: a group carries its sources' audio to its receivers only).
 * Not simulated: Graph forwards only the 4 dominant speakers when many groups exist (BEHAVIOR.md §7);
 * nobody speaks here, so every route that exists carries audio.
 */

export type AudioRoute = { via: 'defaultAudioGroup' } | { via: 'audioRoutingGroup'; callId: string; groupId: string };

/** Why a speaker is not heard, the first rule above that fails. */
export type Silence = 'speakerNotInConversation' | 'listenerNotInConversation' | 'speakerOnHold' | 'listenerOnHold' | 'speakerMuted' | 'speakerNotSending' | 'listenerNotReceiving' | 'noRoute';

export interface AudioLink {
  speakerId: string;
  listenerId: string;
  audible: boolean;
  /** Every route from speaker to listener, audible or not. */
  routes: AudioRoute[];
  silencedBy?: Silence;
}

export interface AudioMatrixParticipant {
  id: string;
  kind: Participant['kind'];
  displayName?: string;
  /** For app legs. */
  callId?: string;
  isMuted: boolean;
  inConversation: boolean;
  inDefaultAudioGroup: boolean;
  /** Set while on hold: whose music they hear. */
  hearsHoldMusic?: { byCallId: string; promptUri?: string };
}

export interface AudioMatrix {
  conferenceId: string;
  participants: AudioMatrixParticipant[];
  /** Every live leg's groups, with the leg they belong to. */
  audioRoutingGroups: { callId: string; group: AudioRoutingGroup }[];
  /** Listener id → the speaker ids they hear, in roster order. */
  hears: Record<string, string[]>;
  /** One entry per ordered pair of participants. */
  links: AudioLink[];
}

interface Context {
  conference: Conference;
  outsideDefault: Set<string>;
  groups: { callId: string; group: AudioRoutingGroup }[];
}

export function audioMatrix(conference: Conference, legs: Call[]): AudioMatrix {
  const context = matrixContext(conference, legs);
  const links = conference.participants.flatMap((listener) => conference.participants.filter((speaker) => speaker.id !== listener.id).map((speaker) => link(context, speaker, listener)));
  const hears = Object.fromEntries(conference.participants.map((listener) => [listener.id, links.filter((l) => l.listenerId === listener.id && l.audible).map((l) => l.speakerId)]));
  const participants = conference.participants.map((participant) => describe(context, participant));
  return { conferenceId: conference.id, participants, audioRoutingGroups: context.groups, hears, links };
}

function matrixContext(conference: Conference, legs: Call[]): Context {
  const live = legs.filter((leg) => leg.conferenceId === conference.id && leg.state !== 'terminated');
  const outsideDefault = new Set(conference.participants.filter((p) => p.kind === 'app' && live.some((leg) => leg.id === p.callId && leftDefaultGroup(leg))).map((p) => p.id));
  const groups = live.flatMap((leg) => audioRoutingGroupsOf(leg).map((group) => ({ callId: leg.id, group })));
  return { conference, outsideDefault, groups };
}

/** serviceHostedMediaConfig.removeFromDefaultAudioGroup, as the leg was created with it. */
function leftDefaultGroup(leg: Call): boolean {
  const mediaConfig = leg.echo.mediaConfig as { removeFromDefaultAudioGroup?: unknown } | undefined;
  return mediaConfig?.removeFromDefaultAudioGroup === true;
}

function link(context: Context, speaker: Participant, listener: Participant): AudioLink {
  const routes = routesBetween(context, speaker, listener);
  const silencedBy = silence(speaker, listener, routes);
  return { speakerId: speaker.id, listenerId: listener.id, audible: silencedBy === undefined, routes, ...(silencedBy ? { silencedBy } : {}) };
}

function routesBetween(context: Context, speaker: Participant, listener: Participant): AudioRoute[] {
  const routes: AudioRoute[] = [];
  if (!context.outsideDefault.has(speaker.id) && !context.outsideDefault.has(listener.id)) routes.push({ via: 'defaultAudioGroup' });
  for (const { callId, group } of context.groups) {
    if (group.sources.includes(speaker.id) && group.receivers.includes(listener.id)) routes.push({ via: 'audioRoutingGroup', callId, groupId: group.id });
  }
  return routes;
}

function silence(speaker: Participant, listener: Participant, routes: AudioRoute[]): Silence | undefined {
  if (!inConversation(speaker)) return 'speakerNotInConversation';
  if (!inConversation(listener)) return 'listenerNotInConversation';
  if (isOnHold(speaker)) return 'speakerOnHold';
  if (isOnHold(listener)) return 'listenerOnHold';
  if (speaker.isMuted) return 'speakerMuted';
  if (!sends(speaker.audio)) return 'speakerNotSending';
  if (!receives(listener.audio)) return 'listenerNotReceiving';
  return routes.length === 0 ? 'noRoute' : undefined;
}

function describe(context: Context, participant: Participant): AudioMatrixParticipant {
  const hold = participant.holdMusic;
  return {
    id: participant.id,
    kind: participant.kind,
    ...(participant.identity.displayName ? { displayName: participant.identity.displayName } : {}),
    ...(participant.callId ? { callId: participant.callId } : {}),
    isMuted: participant.isMuted,
    inConversation: inConversation(participant),
    inDefaultAudioGroup: !context.outsideDefault.has(participant.id),
    ...(hold && isOnHold(participant) ? { hearsHoldMusic: { byCallId: hold.byCallId, ...(hold.promptUri ? { promptUri: hold.promptUri } : {}) } } : {}),
  };
}

const inConversation = (participant: Participant): boolean => !participant.isInLobby && !participant.invitation;
const sends = (direction: MediaDirection): boolean => direction === 'sendOnly' || direction === 'sendReceive';
const receives = (direction: MediaDirection): boolean => direction === 'receiveOnly' || direction === 'sendReceive';
