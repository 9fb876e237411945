/**
 * Fixed rules of the Graph calling service (not tunable latency: see calls/latency.ts for that).
 * Each cites the Graph page it comes from.
 */

/** call-answer / call-reject / call-redirect: the app must act on an incoming call within 15 s. */
export const ANSWER_TIMEOUT_MS = 15_000;

/** call-keepalive: a call without a successful keepAlive for 45 minutes is ended (408/8537). */
export const KEEPALIVE_TIMEOUT_MS = 45 * 60_000;

/** application-post-calls: a group call created by an app supports up to 5 VoIP users. */
export const MAX_GROUP_CALL_TARGETS = 5;

/** call-redirect: 1 target forwards, more ring simultaneously, at most 25. */
export const MAX_REDIRECT_TARGETS = 25;

/** call-redirect `timeout`: 15–90 seconds. */
export const REDIRECT_TIMEOUT_SECONDS = { min: 15, max: 90 } as const;

/** States in which a leg is part of the conversation and receives roster notifications. */
export const CONNECTED_STATES = ['established', 'hold', 'transferring', 'transferAccepted'] as const;

/** States in which nothing can happen to a call any more. */
export const isEnded = (state: string): boolean => state === 'terminated';

export const isConnected = (state: string): boolean => (CONNECTED_STATES as readonly string[]).includes(state);
