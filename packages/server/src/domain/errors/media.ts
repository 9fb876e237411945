import type { Catalog } from './types.js';

/**
 * Media operations of IVR bots (playPrompt, recordResponse, cancelMediaProcessing,
 * subscribeToTone, sendDtmfTones) and the recordings they leave. Graph's own answers to these
 * mistakes are undocumented, so the generic codes and a message that says what to change.
 */
export const mediaErrors = {
  mediaNeedsServiceHostedMedia: {
    status: 400,
    code: 'BadRequest',
    message: "{action} works with service-hosted media only ({page}); call '{callId}' was created or answered with appHostedMediaConfig.",
  },
  tooManyPrompts: { status: 400, code: 'BadRequest', message: '{action} takes at most {max} prompts ({page}); the request has {count}.' },
  noPrompts: { status: 400, code: 'BadRequest', message: 'playPrompt needs at least one prompt (call-playprompt).' },
  recordTimeoutOutOfRange: { status: 400, code: 'BadRequest', message: '{name} must be between {min} and {max} seconds (call-record); the request says {value}.' },
  noDtmfTones: { status: 400, code: 'BadRequest', message: 'Name at least one tone (tone0–tone9, star, pound, a–d, flash).' },
  recordingNotFound: { status: 404, code: 'NotFound', message: "There is no recording '{recordingId}' (recordings are kept only while Switchboard keeps the operation)." },
  recordingTokenInvalid: { status: 401, code: 'InvalidAuthenticationToken', message: 'Download the recording with `Authorization: Bearer <recordingAccessToken>` from the recordOperation (call-record).' },
} satisfies Catalog;
