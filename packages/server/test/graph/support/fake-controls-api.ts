import type { Caller } from '../../../src/calls/calls-api.js';
import type { AudioRoutingGroupCommand, AudioRoutingGroupPatchCommand, ControlCommand, MeetingControlsApi, MuteAllCommand, StartHoldMusicCommand } from '../../../src/calls/meeting-controls-service.js';
import type { AudioRoutingGroup } from '../../../src/domain/calls/audio-routing.js';
import type { Operation } from '../../../src/domain/calls/types.js';
import { DomainError } from '../../../src/domain/errors/index.js';
import { DEMO } from '../../../src/world/demo-world.js';

export interface ReceivedControl {
  method: keyof MeetingControlsApi;
  caller: Caller;
  callId: string;
  /** Participant or group id, when the method names one. */
  id?: string;
  command?: unknown;
}

/**
 * An in-memory MeetingControlsApi for route tests: calls in `calls` belong to the demo bot (any
 * other is unknown, as the real service answers), groups are kept per call, and every action
 * answers with an operation shaped as the real service would (completed mutes, running holds).
 */
export class FakeControlsApi implements MeetingControlsApi {
  readonly calls = new Set<string>();
  readonly groups = new Map<string, AudioRoutingGroup[]>();
  readonly received: ReceivedControl[] = [];
  private operations = 0;

  async createAudioRoutingGroup(caller: Caller, callId: string, command: AudioRoutingGroupCommand): Promise<AudioRoutingGroup> {
    const group = { ...command, id: command.id ?? 'assigned-id' };
    this.groupsOf(this.owned('createAudioRoutingGroup', caller, callId, undefined, command)).push(group);
    return group;
  }

  async listAudioRoutingGroups(caller: Caller, callId: string): Promise<AudioRoutingGroup[]> {
    return this.groupsOf(this.owned('listAudioRoutingGroups', caller, callId));
  }

  async getAudioRoutingGroup(caller: Caller, callId: string, groupId: string): Promise<AudioRoutingGroup> {
    return this.group(this.owned('getAudioRoutingGroup', caller, callId, groupId), groupId);
  }

  async updateAudioRoutingGroup(caller: Caller, callId: string, groupId: string, command: AudioRoutingGroupPatchCommand): Promise<AudioRoutingGroup> {
    const group = this.group(this.owned('updateAudioRoutingGroup', caller, callId, groupId, command), groupId);
    const { id: _id, ...patch } = command;
    return Object.assign(group, patch);
  }

  async deleteAudioRoutingGroup(caller: Caller, callId: string, groupId: string): Promise<void> {
    this.group(this.owned('deleteAudioRoutingGroup', caller, callId, groupId), groupId);
    this.groups.set(callId, this.groupsOf(callId).filter((group) => group.id !== groupId));
  }

  async muteParticipant(caller: Caller, callId: string, participantId: string, command: ControlCommand): Promise<Operation> {
    return this.operation(this.owned('muteParticipant', caller, callId, participantId, command), 'muteParticipantOperation', 'completed', command);
  }

  async muteAll(caller: Caller, callId: string, command: MuteAllCommand): Promise<Operation> {
    return this.operation(this.owned('muteAll', caller, callId, undefined, command), 'commsOperation', 'completed', command);
  }

  async removeParticipant(caller: Caller, callId: string, participantId: string): Promise<void> {
    this.owned('removeParticipant', caller, callId, participantId);
  }

  async startHoldMusic(caller: Caller, callId: string, participantId: string, command: StartHoldMusicCommand): Promise<Operation> {
    return this.operation(this.owned('startHoldMusic', caller, callId, participantId, command), 'startHoldMusicOperation', 'running', command);
  }

  async stopHoldMusic(caller: Caller, callId: string, participantId: string, command: ControlCommand): Promise<Operation> {
    return this.operation(this.owned('stopHoldMusic', caller, callId, participantId, command), 'stopHoldMusicOperation', 'running', command);
  }

  async muteSelf(caller: Caller, callId: string, command: ControlCommand): Promise<Operation> {
    return this.operation(this.owned('muteSelf', caller, callId, undefined, command), 'muteParticipantOperation', 'completed', command);
  }

  async unmuteSelf(caller: Caller, callId: string, command: ControlCommand): Promise<Operation> {
    return this.operation(this.owned('unmuteSelf', caller, callId, undefined, command), 'unmuteParticipantOperation', 'completed', command);
  }

  last(): ReceivedControl | undefined {
    return this.received.at(-1);
  }

  private owned(method: keyof MeetingControlsApi, caller: Caller, callId: string, id?: string, command?: unknown): string {
    this.received.push({ method, caller, callId, ...(id === undefined ? {} : { id }), ...(command === undefined ? {} : { command }) });
    if (!this.calls.has(callId) || caller.appId !== DEMO.appId) throw new DomainError('callNotFound');
    return callId;
  }

  private groupsOf(callId: string): AudioRoutingGroup[] {
    if (!this.groups.has(callId)) this.groups.set(callId, []);
    return this.groups.get(callId)!;
  }

  private group(callId: string, groupId: string): AudioRoutingGroup {
    const group = this.groupsOf(callId).find((candidate) => candidate.id === groupId);
    if (!group) throw new DomainError('audioRoutingGroupNotFound', { groupId, callId });
    return group;
  }

  private operation(callId: string, type: string, status: Operation['status'], command: ControlCommand): Operation {
    const id = `operation-${++this.operations}`;
    return { id, callId, type, status, ...(command.clientContext === undefined ? {} : { clientContext: command.clientContext }), createdAt: 0, extra: {} };
  }
}
