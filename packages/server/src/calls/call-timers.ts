import { FEATURE_TIMER_KINDS } from './features/feature-timer-kinds.js';
import { CONTROL_TIMER_KINDS } from './controls/control-timer-kinds.js';
import { MEDIA_TIMER_KINDS } from './media/media-timer-kinds.js';

/**
 * The durable timers of call legs. One timer per (kind, call), or per (kind, call, operation) for
 * operation timers: setting it again moves it, and a leg's timers are cancelled when it ends
 * (operation timers are not: their handlers find the leg ended and finish quietly). Payloads are plain JSON so they survive a restart.
 */
export const CALL_TIMER_KINDS = ['establish', 'rosterSnapshot', 'terminate', 'answerDeadline', 'keepAlive', 'redirect', 'purge', 'callFault', ...FEATURE_TIMER_KINDS, ...CONTROL_TIMER_KINDS, ...MEDIA_TIMER_KINDS] as const;

export type CallTimerKind = (typeof CALL_TIMER_KINDS)[number];

export interface CallTimer {
  kind: CallTimerKind;
  callId: string;
  /**
   * Timers that finish one operation (several may run on a call at once) name it, and are keyed by
   * it. A `callFault` timer carries the call fault's catalogue name here instead (one per fault).
   */
  operationId?: string;
}

/** Timers cancelled when a leg ends; `purge` outlives it on purpose. */
export const LEG_TIMER_KINDS: readonly CallTimerKind[] = CALL_TIMER_KINDS.filter((kind) => kind !== 'purge');

/** How long an ended leg stays readable through the control API before it is deleted. */
export const ENDED_CALL_RETENTION_MS = 60 * 60_000;

export const callTimerKey = (kind: CallTimerKind, callId: string, operationId?: string): string => `call:${callId}:${kind}${operationId ? `:${operationId}` : ''}`;

export function isCallTimer(payload: unknown): payload is CallTimer {
  const candidate = payload as Partial<CallTimer> | null;
  return typeof candidate?.callId === 'string' && (CALL_TIMER_KINDS as readonly string[]).includes(candidate.kind ?? '');
}
