import type { Call } from '../../domain/calls/types.js';
import type { CallContext } from '../call-context.js';
import type { CallTimer } from '../call-timers.js';
import type { CallUnit } from '../call-unit.js';
import type { FeatureTimerKind } from './feature-timer-kinds.js';
import { onInviteAnswered } from './invite.js';
import { onLargeGalleryJoined } from './large-gallery.js';
import { onTransferStep } from './transfer.js';

export type FeatureTimerHandler = (ctx: CallContext, unit: CallUnit, call: Call, now: number, timer: CallTimer) => Promise<void>;

/** What the meeting features' timers do when due (use-cases/fire-timer.ts runs them). */
export const FEATURE_TIMER_HANDLERS: Record<FeatureTimerKind, FeatureTimerHandler> = {
  largeGalleryView: onLargeGalleryJoined,
  inviteAnswer: onInviteAnswered,
  transfer: onTransferStep,
};
