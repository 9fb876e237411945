import type { Tone } from '../../domain/calls/media-queue.js';
import type { ClientContextCommand } from '../features/features-api.js';

/** Parsed, syntactically valid bodies of the media actions (wire/requests/media.ts reads them). */

export type { ClientContextCommand } from '../features/features-api.js';

/** A mediaPrompt: the file the platform plays (mediaInfo.uri; Switchboard never fetches it). */
export interface Prompt {
  uri: string;
  resourceId?: string;
}

export interface PlayPromptCommand extends ClientContextCommand {
  prompts: Prompt[];
  /** beta only: loop until cancelled (the route drops it on v1.0). */
  loop?: boolean;
}

export interface RecordResponseCommand extends ClientContextCommand {
  prompts: Prompt[];
  bargeInAllowed?: boolean;
  initialSilenceTimeoutInSeconds?: number;
  maxSilenceTimeoutInSeconds?: number;
  maxRecordDurationInSeconds?: number;
  playBeep?: boolean;
  stopTones?: string[];
  /** Where the bot reached Switchboard (scheme://host): recordingLocation is served there. */
  baseUrl: string;
}

export interface SendDtmfTonesCommand extends ClientContextCommand {
  tones: Tone[];
  delayBetweenTonesMs?: number;
}
