import type { AudioRoutingGroup } from '../domain/calls/audio-routing.js';
import type { Operation } from '../domain/calls/types.js';
import type { Caller } from './calls-api.js';
import { callContext, type CallContext, type CallServiceDeps } from './call-context.js';
import { callAudioMatrix } from './controls/audio-matrix.js';
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from './controls/audio-routing-groups.js';
import type { AudioRoutingGroupCommand, AudioRoutingGroupPatchCommand, CallAudioMatrix, ControlCommand, MeetingControlsApi, MuteAllCommand, StartHoldMusicCommand } from './controls/controls-api.js';
import { startHoldMusic, stopHoldMusic } from './controls/hold-music.js';
import { muteAll, muteParticipant, muteSelf } from './controls/mutes.js';
import { removeParticipant } from './controls/remove-participant.js';

export type { AudioRoutingGroupCommand, AudioRoutingGroupPatchCommand, CallAudioMatrix, ControlCommand, MeetingControlsApi, MuteAllCommand, StartHoldMusicCommand } from './controls/controls-api.js';

/**
 * The meeting controls of issue 4 (BEHAVIOR.md §6–7): audio routing groups, server and self
 * mutes, removing participants and hold music, plus the control API's who-hears-whom view. Each
 * action is one store transaction (call-context.ts) that notifies the app legs concerned; hold
 * music completes through a durable `holdMusic` timer (controls/control-timers.ts).
 */
export class MeetingControlsService implements MeetingControlsApi {
  private readonly ctx: CallContext;

  constructor(deps: CallServiceDeps) {
    this.ctx = callContext(deps);
  }

  createAudioRoutingGroup(caller: Caller, callId: string, command: AudioRoutingGroupCommand): Promise<AudioRoutingGroup> {
    return createGroup(this.ctx, caller, callId, command);
  }

  listAudioRoutingGroups(caller: Caller, callId: string): Promise<AudioRoutingGroup[]> {
    return listGroups(this.ctx, caller, callId);
  }

  getAudioRoutingGroup(caller: Caller, callId: string, groupId: string): Promise<AudioRoutingGroup> {
    return getGroup(this.ctx, caller, callId, groupId);
  }

  updateAudioRoutingGroup(caller: Caller, callId: string, groupId: string, command: AudioRoutingGroupPatchCommand): Promise<AudioRoutingGroup> {
    return updateGroup(this.ctx, caller, callId, groupId, command);
  }

  deleteAudioRoutingGroup(caller: Caller, callId: string, groupId: string): Promise<void> {
    return deleteGroup(this.ctx, caller, callId, groupId);
  }

  muteParticipant(caller: Caller, callId: string, participantId: string, command: ControlCommand): Promise<Operation> {
    return muteParticipant(this.ctx, caller, callId, participantId, command);
  }

  muteAll(caller: Caller, callId: string, command: MuteAllCommand): Promise<Operation> {
    return muteAll(this.ctx, caller, callId, command);
  }

  removeParticipant(caller: Caller, callId: string, participantId: string): Promise<void> {
    return removeParticipant(this.ctx, caller, callId, participantId);
  }

  startHoldMusic(caller: Caller, callId: string, participantId: string, command: StartHoldMusicCommand): Promise<Operation> {
    return startHoldMusic(this.ctx, caller, callId, participantId, command);
  }

  stopHoldMusic(caller: Caller, callId: string, participantId: string, command: ControlCommand): Promise<Operation> {
    return stopHoldMusic(this.ctx, caller, callId, participantId, command);
  }

  muteSelf(caller: Caller, callId: string, command: ControlCommand): Promise<Operation> {
    return muteSelf(this.ctx, caller, callId, true, command);
  }

  unmuteSelf(caller: Caller, callId: string, command: ControlCommand): Promise<Operation> {
    return muteSelf(this.ctx, caller, callId, false, command);
  }

  /** For the control API: any app's call (developers check their routing with it). */
  audioMatrix(callId: string): Promise<CallAudioMatrix> {
    return callAudioMatrix(this.ctx, callId);
  }
}
