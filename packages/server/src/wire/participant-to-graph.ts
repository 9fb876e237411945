import type { MediaDirection, Participant } from '../domain/calls/types.js';
import { identitySet, type GraphObject } from './identity-set.js';
import { ODATA } from './odata-type.js';
import { recordingInfoToGraph } from './recording-info-to-graph.js';
import type { WireVersion } from './version.js';

/**
 * A roster entry as list/get participants and roster notifications show it (BEHAVIOR.md §8).
 * Region and language are not simulated and read null; metadata only virtual participants carry.
 */
export function participantToGraph(participant: Participant, version: WireVersion): GraphObject {
  if (!Object.isFrozen(participant)) return shape(participant, version);
  let byVersion = shaped.get(participant);
  if (!byVersion) shaped.set(participant, (byVersion = {}));
  return (byVersion[version] ??= shape(participant, version));
}

/**
 * Wire shapes of the frozen participants the store shares (one object per committed roster
 * entry), per version: a GET, a roster list or a roster notification maps each entry once, not
 * on every request. Shared values: callers copy (spread, JSON), never change them.
 */
const shaped = new WeakMap<Participant, Partial<Record<WireVersion, GraphObject>>>();

function shape(participant: Participant, version: WireVersion): GraphObject {
  const resource: GraphObject = {
    '@odata.type': ODATA.participant,
    info: { '@odata.type': ODATA.participantInfo, identity: identitySet(participant.identity), region: null, languageId: null },
    mediaStreams: mediaStreams(participant),
    isMuted: participant.isMuted,
    isInLobby: participant.isInLobby,
    metadata: participant.metadata ?? null,
    recordingInfo: participant.recordingInfo ? recordingInfoToGraph(participant.recordingInfo) : null,
    rosterSequenceNumber: participant.rosterSequenceNumber,
    id: participant.id,
  };
  return version === 'beta' ? { ...resource, preferredDisplayName: null, isIdentityAnonymized: false } : resource;
}

interface StreamSlot {
  mediaType: 'audio' | 'video' | 'videoBasedScreenSharing';
  label: string;
  direction(participant: Participant): MediaDirection;
}

/** Labels as the roster examples name the streams (main-audio, applicationsharing-video). */
const SLOTS: StreamSlot[] = [
  { mediaType: 'audio', label: 'main-audio', direction: (p) => p.audio },
  { mediaType: 'video', label: 'main-video', direction: (p) => p.video },
  { mediaType: 'videoBasedScreenSharing', label: 'applicationsharing-video', direction: (p) => p.screenSharing },
];

/** Audio is always listed (muted or not); video and sharing only while they flow. */
function mediaStreams(participant: Participant): GraphObject[] {
  const base = sourceIdBase(participant.id);
  return SLOTS.flatMap((slot, index) => {
    const direction = slot.direction(participant);
    if (slot.mediaType !== 'audio' && direction === 'inactive') return [];
    const serverMuted = slot.mediaType === 'audio' && participant.serverMuted;
    return [{ '@odata.type': ODATA.mediaStream, mediaType: slot.mediaType, label: slot.label, sourceId: String(base + index), direction, serverMuted }];
  });
}

/** The `sourceId` of a participant's main-audio stream: how app-hosted media names a dominant speaker. */
export const audioSourceId = (participantId: string): string => String(sourceIdBase(participantId));

/**
 * Graph numbers media sources per conference; the domain does not model them, so each
 * participant gets a stable block of small numbers derived from its id (FNV-1a).
 */
function sourceIdBase(participantId: string): number {
  let hash = 0x811c9dc5;
  for (const char of participantId) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return 1 + (hash % 100_000) * 4;
}
