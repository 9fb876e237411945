import type { Call } from '../../domain/calls/types.js';
import type { CallContext } from '../call-context.js';
import type { CallTimer } from '../call-timers.js';
import type { CallUnit } from '../call-unit.js';
import type { MediaTimerKind } from './media-timer-kinds.js';
import { onMediaFinished } from './media-finished.js';
import { onDtmfSent } from './send-dtmf.js';

export type MediaTimerHandler = (ctx: CallContext, unit: CallUnit, call: Call, now: number, timer: CallTimer) => Promise<void>;

/** What the media operations' timers do when due (use-cases/fire-timer.ts runs them). */
export const MEDIA_TIMER_HANDLERS: Record<MediaTimerKind, MediaTimerHandler> = {
  mediaFinished: onMediaFinished,
  dtmfSent: onDtmfSent,
};
