import type { AudioMatrix } from '../../domain/calls/audio-matrix.js';
import type { AudioRoutingGroup, AudioRoutingGroupPatch } from '../../domain/calls/audio-routing.js';
import type { Operation } from '../../domain/calls/types.js';
import type { Caller } from '../calls-api.js';

/** Parsed, syntactically valid bodies of the meeting-control methods (wire/requests/controls.ts reads them). */

export interface ControlCommand {
  /** Echoed on the operation; at most 256 characters (checked by the use case). */
  clientContext?: string;
}

/** POST …/audioRoutingGroups: the docs' examples name the group themselves (`"id": "oneToOne"`); without an id one is assigned. */
export type AudioRoutingGroupCommand = Omit<AudioRoutingGroup, 'id'> & { id?: string };

/** PATCH …/audioRoutingGroups/{id}: a body `id`, when sent, must be the URL's. */
export type AudioRoutingGroupPatchCommand = AudioRoutingGroupPatch & { id?: string };

/** participants/muteAll (beta): the participant ids named (possibly none). */
export interface MuteAllCommand extends ControlCommand {
  participants: string[];
}

export interface StartHoldMusicCommand extends ControlCommand {
  /** customPrompt (mediaPrompt): what the held participant hears instead of the default music. */
  customPrompt?: { uri: string; resourceId?: string };
}

/** A call as the control API shows its audio: the conference's who-hears-whom matrix (domain/calls/audio-matrix.ts). */
export interface CallAudioMatrix extends AudioMatrix {
  callId: string;
}

/** What the Graph routes of the meeting controls need (MeetingControlsService implements it). */
export interface MeetingControlsApi {
  createAudioRoutingGroup(caller: Caller, callId: string, command: AudioRoutingGroupCommand): Promise<AudioRoutingGroup>;
  listAudioRoutingGroups(caller: Caller, callId: string): Promise<AudioRoutingGroup[]>;
  getAudioRoutingGroup(caller: Caller, callId: string, groupId: string): Promise<AudioRoutingGroup>;
  updateAudioRoutingGroup(caller: Caller, callId: string, groupId: string, command: AudioRoutingGroupPatchCommand): Promise<AudioRoutingGroup>;
  deleteAudioRoutingGroup(caller: Caller, callId: string, groupId: string): Promise<void>;
  muteParticipant(caller: Caller, callId: string, participantId: string, command: ControlCommand): Promise<Operation>;
  muteAll(caller: Caller, callId: string, command: MuteAllCommand): Promise<Operation>;
  removeParticipant(caller: Caller, callId: string, participantId: string): Promise<void>;
  startHoldMusic(caller: Caller, callId: string, participantId: string, command: StartHoldMusicCommand): Promise<Operation>;
  stopHoldMusic(caller: Caller, callId: string, participantId: string, command: ControlCommand): Promise<Operation>;
  muteSelf(caller: Caller, callId: string, command: ControlCommand): Promise<Operation>;
  unmuteSelf(caller: Caller, callId: string, command: ControlCommand): Promise<Operation>;
}
