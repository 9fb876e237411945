import type { Call } from '../../domain/calls/types.js';
import type { CallContext } from '../call-context.js';
import type { CallTimer } from '../call-timers.js';
import type { CallUnit } from '../call-unit.js';
import type { ControlTimerKind } from './control-timer-kinds.js';
import { onHoldMusicSettled } from './hold-music.js';

export type ControlTimerHandler = (ctx: CallContext, unit: CallUnit, call: Call, now: number, timer: CallTimer) => Promise<void>;

/** What the meeting controls' timers do when due (use-cases/fire-timer.ts runs them). */
export const CONTROL_TIMER_HANDLERS: Record<ControlTimerKind, ControlTimerHandler> = {
  holdMusic: onHoldMusicSettled,
};
