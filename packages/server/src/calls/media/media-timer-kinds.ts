/**
 * Call timers of the media operations (see call-timers.ts), one per operation: the head of the
 * media queue finishing (playPrompt, recordResponse) and sendDtmfTones finishing. Kept free of
 * imports so call-timers.ts can list it without an import cycle.
 */
export const MEDIA_TIMER_KINDS = ['mediaFinished', 'dtmfSent'] as const;

export type MediaTimerKind = (typeof MEDIA_TIMER_KINDS)[number];
