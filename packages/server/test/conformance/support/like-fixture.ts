import type { Call, CallState, Identity, MediaDirection, Modality, Participant } from '../../../src/domain/calls/types.js';
import { BOT, buildCall, buildParticipant } from '../../wire/support/domain.js';

/**
 * Domain values that mirror a documentation example, so that mapping them back must give the
 * example's shape: what CallService would hold for the situation the example shows.
 */
type Json = Record<string, unknown>;

const KIND_OF: Record<string, Identity['kind']> = { user: 'user', application: 'application', guest: 'guest', phone: 'phone', applicationInstance: 'application' };

/** The first member of an identitySet as a domain identity (application instances read as applications). */
export function identityLike(set: unknown): Identity | undefined {
  const members = Object.entries((set ?? {}) as Json).filter(([key, value]) => KIND_OF[key] && typeof value === 'object' && value !== null);
  const [key, member] = members[0] ?? [];
  if (!key) return undefined;
  const { id, displayName, tenantId } = member as Json;
  return { kind: KIND_OF[key]!, id: String(id ?? 'unknown'), ...(typeof displayName === 'string' ? { displayName } : {}), ...(typeof tenantId === 'string' ? { tenantId } : {}) };
}

const ECHOED = ['mediaConfig', 'chatInfo', 'meetingInfo', 'subject', 'callOptions'];

export function callLike(json: Json, overrides: Partial<Call> = {}): Call {
  const echo = Object.fromEntries(ECHOED.filter((key) => json[key] !== undefined && json[key] !== null).map((key) => [key, json[key]]));
  const targets = ((json.targets ?? []) as Json[]).map((target) => identityLike(target.identity)).filter((identity): identity is Identity => identity !== undefined);
  return buildCall({
    ...(typeof json.id === 'string' ? { id: json.id } : {}),
    state: (json.state as CallState | undefined) ?? 'established',
    direction: (json.direction as Call['direction'] | undefined) ?? 'outgoing',
    ...(typeof json.callbackUri === 'string' ? { callbackUri: json.callbackUri } : {}),
    myParticipantId: typeof json.myParticipantId === 'string' ? json.myParticipantId : undefined,
    source: identityLike((json.source as Json | undefined)?.identity) ?? BOT,
    targets,
    requestedModalities: (json.requestedModalities as Modality[] | undefined) ?? ['audio'],
    echo,
    ...overrides,
  });
}

function streamDirection(json: Json, mediaType: string): MediaDirection {
  const stream = ((json.mediaStreams ?? []) as Json[]).find((candidate) => candidate.mediaType === mediaType);
  return (stream?.direction as MediaDirection | undefined) ?? 'inactive';
}

export function participantLike(json: Json): Participant {
  const identity = identityLike((json.info as Json | undefined)?.identity) ?? BOT;
  const audio = ((json.mediaStreams ?? []) as Json[]).find((stream) => stream.mediaType === 'audio');
  return buildParticipant({
    id: typeof json.id === 'string' ? json.id : 'participant-without-id',
    kind: identity.kind === 'application' || identity.kind === 'guest' ? 'app' : 'person',
    identity,
    isMuted: json.isMuted === true,
    isInLobby: json.isInLobby === true,
    audio: streamDirection(json, 'audio'),
    video: streamDirection(json, 'video'),
    screenSharing: streamDirection(json, 'videoBasedScreenSharing'),
    serverMuted: audio?.serverMuted === true,
  });
}
