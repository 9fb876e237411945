import type { Tone } from '../domain/calls/media-queue.js';
import type { Operation } from '../domain/calls/types.js';
import type { Caller } from './calls-api.js';
import { callContext, type CallContext, type CallServiceDeps } from './call-context.js';
import { cancelMediaProcessing } from './media/cancel-media.js';
import type { ClientContextCommand, PlayPromptCommand, RecordResponseCommand, SendDtmfTonesCommand } from './media/media-api.js';
import { playPrompt } from './media/play-prompt.js';
import { pressKeys, pressKeysOnCall, type KeysPressed } from './media/press-keys.js';
import { downloadRecording } from './media/recordings.js';
import { recordResponse } from './media/record-response.js';
import { sendDtmfTones } from './media/send-dtmf.js';
import { subscribeToTone } from './media/subscribe-to-tone.js';

export type { ClientContextCommand, PlayPromptCommand, Prompt, RecordResponseCommand, SendDtmfTonesCommand } from './media/media-api.js';
export type { KeysPressed } from './media/press-keys.js';

/**
 * The media operations IVR bots use (playPrompt, recordResponse, cancelMediaProcessing,
 * subscribeToTone, sendDtmfTones) behind the Graph routes, and people pressing keypad keys
 * behind the control API. Each method is one store transaction; running operations finish on
 * call timers (media/media-timers.ts).
 */
export class MediaService {
  private readonly ctx: CallContext;

  constructor(deps: CallServiceDeps) {
    this.ctx = callContext(deps);
  }

  /** 200 + a running playPromptOperation, queued in the leg's media queue. */
  playPrompt(caller: Caller, callId: string, command: PlayPromptCommand): Promise<Operation> {
    return playPrompt(this.ctx, caller, callId, command);
  }

  /** 200 + a running recordOperation; completes with recordingLocation and recordingAccessToken. */
  recordResponse(caller: Caller, callId: string, command: RecordResponseCommand): Promise<Operation> {
    return recordResponse(this.ctx, caller, callId, command);
  }

  /** 200 + a completed cancelMediaProcessingOperation; queued media operations fail with 400/8508. */
  cancelMediaProcessing(caller: Caller, callId: string, command: ClientContextCommand): Promise<Operation> {
    return cancelMediaProcessing(this.ctx, caller, callId, command);
  }

  /** 200 + a completed subscribeToToneOperation. */
  subscribeToTone(caller: Caller, callId: string, command: ClientContextCommand): Promise<Operation> {
    return subscribeToTone(this.ctx, caller, callId, command);
  }

  /** 200 + a running sendDtmfTonesOperation. */
  sendDtmfTones(caller: Caller, callId: string, command: SendDtmfTonesCommand): Promise<Operation> {
    return sendDtmfTones(this.ctx, caller, callId, command);
  }

  /** A person in a conference presses keys (control API / CLI). */
  pressKeys(conferenceId: string, participantId: string, tones: Tone[]): Promise<KeysPressed> {
    return pressKeys(this.ctx, conferenceId, participantId, tones);
  }

  /** The person on the other end of a peer-to-peer call presses keys. */
  pressKeysOnCall(callId: string, tones: Tone[]): Promise<KeysPressed> {
    return pressKeysOnCall(this.ctx, callId, tones);
  }

  /** The WAV behind a recordingLocation, for the holder of its recordingAccessToken. */
  downloadRecording(recordingId: string, token: string | undefined): Promise<Buffer> {
    return downloadRecording(this.ctx, recordingId, token);
  }
}
