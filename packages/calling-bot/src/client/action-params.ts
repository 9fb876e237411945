import type { GraphVersion, Model } from '../graph-types.js';

/** Fields every operation-returning action accepts: echoed on the operation and its notifications. */
export interface WithClientContext {
  /** Up to 256 characters, echoed back on the operation (BEHAVIOR §6). */
  clientContext?: string;
}

/** `POST /communications/calls/{id}/answer` body. */
export interface AnswerParams<V extends GraphVersion = 'v1.0'> {
  callbackUri: string;
  acceptedModalities: Model<V, 'Modality'>[];
  mediaConfig: Model<V, 'MediaConfig'>;
  callOptions?: Model<V, 'IncomingCallOptions'>;
  participantCapacity?: number;
}

/** `POST …/reject` body. */
export interface RejectParams<V extends GraphVersion = 'v1.0'> {
  reason?: Model<V, 'RejectReason'>;
  callbackUri?: string;
}

/** Parameters of redirect only beta accepts. */
export interface BetaRedirectExtras {
  maskCallee?: boolean;
  maskCaller?: boolean;
  /** Deprecated by Graph: inferred from the number of targets. */
  targetDisposition?: 'default' | 'simultaneousRing' | 'forward';
}

/** `POST …/redirect` body (beta adds {@link BetaRedirectExtras}). */
export type RedirectParams<V extends GraphVersion = 'v1.0'> = {
  targets: Model<V, 'InvitationParticipantInfo'>[];
  /** Seconds, 15–90. */
  timeout?: number;
  callbackUri?: string;
} & (V extends 'beta' ? BetaRedirectExtras : unknown);

/** `POST …/transfer` body. */
export interface TransferParams<V extends GraphVersion = 'v1.0'> {
  transferTarget: Model<V, 'InvitationParticipantInfo'>;
  /** Required when transferring out of a group call. */
  transferee?: Model<V, 'ParticipantInfo'>;
}

/** `POST …/playPrompt` body (beta adds `loop`). */
export type PlayPromptParams<V extends GraphVersion = 'v1.0'> = WithClientContext & {
  prompts: Model<V, 'Prompt'>[];
} & (V extends 'beta' ? { loop?: boolean } : unknown);

/** `POST …/recordResponse` body. */
export interface RecordResponseParams<V extends GraphVersion = 'v1.0'> extends WithClientContext {
  prompts?: Model<V, 'Prompt'>[];
  bargeInAllowed?: boolean;
  initialSilenceTimeoutInSeconds?: number;
  maxSilenceTimeoutInSeconds?: number;
  maxRecordDurationInSeconds?: number;
  playBeep?: boolean;
  stopTones?: string[];
}

/** `POST …/sendDtmfTones` body. */
export interface SendDtmfTonesParams<V extends GraphVersion = 'v1.0'> extends WithClientContext {
  tones: Model<V, 'Tone'>[];
  delayBetweenTonesMs?: number;
}

/** `POST …/updateRecordingStatus` body. */
export interface UpdateRecordingStatusParams<V extends GraphVersion = 'v1.0'> extends WithClientContext {
  status: Model<V, 'RecordingStatus'>;
}

/** `POST …/participants/invite` body. */
export interface InviteParams<V extends GraphVersion = 'v1.0'> extends WithClientContext {
  participants: Model<V, 'InvitationParticipantInfo'>[];
}

/** `POST …/participants/{id}/startHoldMusic` body. */
export interface StartHoldMusicParams<V extends GraphVersion = 'v1.0'> extends WithClientContext {
  customPrompt?: Model<V, 'Prompt'>;
}

/** `POST …/participants/muteAll` body (beta only, deprecated by Graph). */
export interface MuteAllParams extends WithClientContext {
  participants?: string[];
}

/** `POST …/participants/configureMixer` body (beta only, legacy). */
export interface ConfigureMixerParams extends WithClientContext {
  participantMixerLevels: Record<string, unknown>[];
}
