import { DomainError } from '../errors/index.js';
import type { Call, Conference } from './types.js';

/**
 * Audio routing groups (call-post-audioroutinggroups, audioroutinggroup-update, BEHAVIOR.md §7):
 * routes an app leg adds from source participants to receiver participants of its roster.
 * `oneToOne` has exactly one source and one receiver; `multicast` one source and receivers that
 * PATCH may change (the resource page says "multiple"; one is accepted). Graph sends no
 * notification about groups. They live on the leg's call document and end with the call.
 */
export const ROUTING_MODES = ['oneToOne', 'multicast'] as const;

export type RoutingMode = (typeof ROUTING_MODES)[number];

export interface AudioRoutingGroup {
  id: string;
  routingMode: RoutingMode;
  /** Participant ids whose audio the group carries. */
  sources: string[];
  /** Participant ids that hear the sources through this group. */
  receivers: string[];
}

/** PATCH semantics (audioroutinggroup-update): omitted properties keep their values. */
export type AudioRoutingGroupPatch = Partial<Omit<AudioRoutingGroup, 'id'>>;

interface ShapeRule {
  rule: string;
  fits(sources: number, receivers: number): boolean;
}

const SHAPES: Record<RoutingMode, ShapeRule> = {
  oneToOne: { rule: 'exactly one source and one receiver', fits: (sources, receivers) => sources === 1 && receivers === 1 },
  multicast: { rule: 'one source and at least one receiver', fits: (sources, receivers) => sources === 1 && receivers >= 1 },
};

/** The groups in force: none once the call has ended ("groups end with their call"). */
export function audioRoutingGroupsOf(call: Call): AudioRoutingGroup[] {
  return call.state === 'terminated' ? [] : (call.audioRoutingGroups ?? []);
}

/** Ids are entity ids, compared case-sensitively (BEHAVIOR.md §1). */
export function findAudioRoutingGroup(call: Call, groupId: string): AudioRoutingGroup {
  const group = audioRoutingGroupsOf(call).find((candidate) => candidate.id === groupId);
  if (!group) throw new DomainError('audioRoutingGroupNotFound', { groupId, callId: call.id });
  return group;
}

/** POST …/audioRoutingGroups: a new group, valid against the leg's current roster. */
export function addAudioRoutingGroup(call: Call, conference: Conference, group: AudioRoutingGroup): Call {
  if (audioRoutingGroupsOf(call).some((existing) => existing.id === group.id)) throw new DomainError('audioRoutingGroupExists', { groupId: group.id, callId: call.id });
  checkAudioRoutingGroup(call, conference, group);
  return { ...call, audioRoutingGroups: [...audioRoutingGroupsOf(call), group] };
}

/** PATCH …/audioRoutingGroups/{id}: the merged group must be valid as a whole. */
export function updateAudioRoutingGroup(call: Call, conference: Conference, groupId: string, patch: AudioRoutingGroupPatch): { call: Call; group: AudioRoutingGroup } {
  const group = { ...findAudioRoutingGroup(call, groupId), ...patch };
  checkAudioRoutingGroup(call, conference, group);
  const groups = audioRoutingGroupsOf(call).map((existing) => (existing.id === groupId ? group : existing));
  return { call: { ...call, audioRoutingGroups: groups }, group };
}

export function removeAudioRoutingGroup(call: Call, groupId: string): Call {
  findAudioRoutingGroup(call, groupId);
  return { ...call, audioRoutingGroups: audioRoutingGroupsOf(call).filter((group) => group.id !== groupId) };
}

/** Shape per routing mode, no id twice, nobody routed to themselves, every id in the roster. */
export function checkAudioRoutingGroup(call: Call, conference: Conference, group: AudioRoutingGroup): void {
  const shape = SHAPES[group.routingMode];
  if (!shape.fits(group.sources.length, group.receivers.length)) {
    throw new DomainError('audioRoutingGroupShape', { routingMode: group.routingMode, rule: shape.rule, sources: group.sources.length, receivers: group.receivers.length });
  }
  checkDistinct(group.sources, 'sources');
  checkDistinct(group.receivers, 'receivers');
  const both = group.sources.find((id) => group.receivers.includes(id));
  if (both) throw new DomainError('audioRoutingGroupSelfRoute', { participantId: both });
  for (const property of ['sources', 'receivers'] as const) checkMembers(call, conference, group[property], property);
}

function checkDistinct(ids: string[], property: string): void {
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) throw new DomainError('audioRoutingGroupDuplicate', { participantId: repeated, property });
}

function checkMembers(call: Call, conference: Conference, ids: string[], property: string): void {
  const stranger = ids.find((id) => !conference.participants.some((participant) => participant.id === id));
  if (stranger !== undefined) throw new DomainError('audioRoutingGroupParticipantNotFound', { participantId: stranger, property, callId: call.id });
}
