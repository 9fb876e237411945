/**
 * Call timers of the meeting controls (see call-timers.ts): hold music starting or stopping, one
 * per operation. Kept free of imports so call-timers.ts can list it without an import cycle.
 */
export const CONTROL_TIMER_KINDS = ['holdMusic'] as const;

export type ControlTimerKind = (typeof CONTROL_TIMER_KINDS)[number];
