import { addAudioRoutingGroup, audioRoutingGroupsOf, findAudioRoutingGroup, removeAudioRoutingGroup, updateAudioRoutingGroup, type AudioRoutingGroup } from '../../domain/calls/audio-routing.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import { ownLiveCall } from '../use-cases/owned-call.js';
import { storedCall } from '../use-cases/read-calls.js';
import type { AudioRoutingGroupCommand, AudioRoutingGroupPatchCommand } from './controls-api.js';
import { groupLeg } from './control-operations.js';

/**
 * Audio routing groups of one app leg (call-post-audioroutinggroups, call-list-audioroutinggroups,
 * audioroutinggroup-get/-update/-delete). Writes need the leg connected in a meeting or group
 * call and validate against its current roster; reads need only the live call. Graph notifies
 * nothing about groups; the control API's audio matrix shows what they do.
 */
export async function createGroup(ctx: CallContext, caller: Caller, callId: string, command: AudioRoutingGroupCommand): Promise<AudioRoutingGroup> {
  return inCallTx(ctx, async (unit) => {
    const { call, conference } = await groupLeg(unit, caller, callId, 'POST audioRoutingGroups', 'call-post-audioroutinggroups');
    const group: AudioRoutingGroup = { ...command, id: command.id ?? ctx.newId() };
    await unit.putCall(addAudioRoutingGroup(call, conference, group));
    return group;
  });
}

export async function updateGroup(ctx: CallContext, caller: Caller, callId: string, groupId: string, command: AudioRoutingGroupPatchCommand): Promise<AudioRoutingGroup> {
  return inCallTx(ctx, async (unit) => {
    const { call, conference } = await groupLeg(unit, caller, callId, 'PATCH audioRoutingGroup', 'audioroutinggroup-update');
    const { id: bodyId, ...patch } = command;
    if (bodyId !== undefined && bodyId !== groupId) throw new DomainError('audioRoutingGroupIdMismatch', { bodyId, groupId });
    const updated = updateAudioRoutingGroup(call, conference, groupId, patch);
    await unit.putCall(updated.call);
    return updated.group;
  });
}

export async function deleteGroup(ctx: CallContext, caller: Caller, callId: string, groupId: string): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const call = ownLiveCall(await unit.call(callId), caller);
    await unit.putCall(removeAudioRoutingGroup(call, groupId));
  });
}

/** Plain reads of committed state. */
export async function listGroups(ctx: CallContext, caller: Caller, callId: string): Promise<AudioRoutingGroup[]> {
  return audioRoutingGroupsOf(ownLiveCall(await storedCall(ctx, callId), caller));
}

export async function getGroup(ctx: CallContext, caller: Caller, callId: string, groupId: string): Promise<AudioRoutingGroup> {
  return findAudioRoutingGroup(ownLiveCall(await storedCall(ctx, callId), caller), groupId);
}
