/**
 * Call timers of the meeting features (see call-timers.ts): the large gallery view joining, an
 * invitee answering, and the steps of a transfer. The first two are per operation.
 */
export const FEATURE_TIMER_KINDS = ['largeGalleryView', 'inviteAnswer', 'transfer'] as const;

export type FeatureTimerKind = (typeof FEATURE_TIMER_KINDS)[number];
