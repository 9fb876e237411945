/**
 * The Graph resource types the SDK speaks, taken from Microsoft's own typings so that every
 * request and response is typed exactly as Graph documents it: `@microsoft/microsoft-graph-types`
 * for v1.0 and `@microsoft/microsoft-graph-types-beta` for beta.
 */
import type * as V1 from '@microsoft/microsoft-graph-types';
import type * as Beta from '@microsoft/microsoft-graph-types-beta';

/** Microsoft's Graph typings as namespaces: `V1.Call` (v1.0), `Beta.Call` (beta). */
export type { V1, Beta };

/** The Graph API versions the calling API is published in. */
export type GraphVersion = 'v1.0' | 'beta';

/** Calling types of Graph v1.0. */
export interface V1Models {
  Call: V1.Call;
  Participant: V1.Participant;
  CommsOperation: V1.CommsOperation;
  PlayPromptOperation: V1.PlayPromptOperation;
  RecordOperation: V1.RecordOperation;
  CancelMediaProcessingOperation: V1.CancelMediaProcessingOperation;
  SubscribeToToneOperation: V1.SubscribeToToneOperation;
  SendDtmfTonesOperation: V1.SendDtmfTonesOperation;
  MuteParticipantOperation: V1.MuteParticipantOperation;
  UnmuteParticipantOperation: V1.UnmuteParticipantOperation;
  UpdateRecordingStatusOperation: V1.UpdateRecordingStatusOperation;
  AddLargeGalleryViewOperation: V1.AddLargeGalleryViewOperation;
  InviteParticipantsOperation: V1.InviteParticipantsOperation;
  StartHoldMusicOperation: V1.StartHoldMusicOperation;
  StopHoldMusicOperation: V1.StopHoldMusicOperation;
  AudioRoutingGroup: V1.AudioRoutingGroup;
  ContentSharingSession: V1.ContentSharingSession;
  InvitationParticipantInfo: V1.InvitationParticipantInfo;
  ParticipantInfo: V1.ParticipantInfo;
  Prompt: V1.Prompt | V1.MediaPrompt;
  MediaPrompt: V1.MediaPrompt;
  MediaConfig: V1.MediaConfig | V1.ServiceHostedMediaConfig | V1.AppHostedMediaConfig;
  IncomingCallOptions: V1.IncomingCallOptions;
  Modality: V1.Modality;
  RejectReason: V1.RejectReason;
  ScreenSharingRole: V1.ScreenSharingRole;
  RecordingStatus: V1.RecordingStatus;
  Tone: V1.Tone;
  TeleconferenceDeviceQuality: V1.TeleconferenceDeviceQuality;
  CallState: V1.CallState;
}

/** Calling types of Graph beta. */
export interface BetaModels {
  Call: Beta.Call;
  Participant: Beta.Participant;
  CommsOperation: Beta.CommsOperation;
  PlayPromptOperation: Beta.PlayPromptOperation;
  RecordOperation: Beta.RecordOperation;
  CancelMediaProcessingOperation: Beta.CancelMediaProcessingOperation;
  SubscribeToToneOperation: Beta.SubscribeToToneOperation;
  SendDtmfTonesOperation: Beta.SendDtmfTonesOperation;
  MuteParticipantOperation: Beta.MuteParticipantOperation;
  UnmuteParticipantOperation: Beta.UnmuteParticipantOperation;
  UpdateRecordingStatusOperation: Beta.UpdateRecordingStatusOperation;
  AddLargeGalleryViewOperation: Beta.AddLargeGalleryViewOperation;
  InviteParticipantsOperation: Beta.InviteParticipantsOperation;
  StartHoldMusicOperation: Beta.StartHoldMusicOperation;
  StopHoldMusicOperation: Beta.StopHoldMusicOperation;
  AudioRoutingGroup: Beta.AudioRoutingGroup;
  ContentSharingSession: Beta.ContentSharingSession;
  InvitationParticipantInfo: Beta.InvitationParticipantInfo;
  ParticipantInfo: Beta.ParticipantInfo;
  Prompt: Beta.Prompt | Beta.MediaPrompt;
  MediaPrompt: Beta.MediaPrompt;
  MediaConfig: Beta.MediaConfig | Beta.ServiceHostedMediaConfig | Beta.AppHostedMediaConfig;
  IncomingCallOptions: Beta.IncomingCallOptions;
  Modality: Beta.Modality;
  RejectReason: Beta.RejectReason;
  ScreenSharingRole: Beta.ScreenSharingRole;
  RecordingStatus: Beta.RecordingStatus;
  Tone: Beta.Tone;
  TeleconferenceDeviceQuality: Beta.TeleconferenceDeviceQuality;
  CallState: Beta.CallState;
}

/** Graph version → its calling types. */
export interface ModelsByVersion {
  'v1.0': V1Models;
  beta: BetaModels;
}

/** One calling type of a Graph version, e.g. `Model<'beta', 'Call'>` is the beta `call` resource. */
export type Model<V extends GraphVersion, K extends keyof V1Models> = ModelsByVersion[V][K];
