import { isEnded } from '../../domain/calls/call-rules.js';
import { EMPTY_MEDIA_QUEUE, finishHead, headOf } from '../../domain/calls/media-queue.js';
import { finishOperation } from '../../domain/calls/operations.js';
import type { Call, Operation, ResultInfo } from '../../domain/calls/types.js';
import type { CallContext } from '../call-context.js';
import type { CallTimer } from '../call-timers.js';
import type { CallUnit } from '../call-unit.js';
import { failed, LEG_ENDED, runningOperation, settleOperation } from '../features/feature-operations.js';
import { applyQueueChange } from './media-operations.js';

/** The call-record example: the recording ran its full maxRecordDurationInSeconds. */
const MAX_DURATION_REACHED: ResultInfo = { code: 200, subcode: 8515, message: 'Action completed, max record duration reached.' };

/**
 * The head of the media queue is done: it completes (`deleted` notification) and the next one
 * starts. A cancelled operation's timer still fires and finds it final: nothing happens.
 */
export async function onMediaFinished(ctx: CallContext, unit: CallUnit, call: Call, now: number, timer: CallTimer): Promise<void> {
  const operation = await runningOperation(unit, call, timer);
  if (!operation) return;
  if (isEnded(call.state)) return failQueue(unit, call, now);
  const location = headOf(call.mediaQueue ?? EMPTY_MEDIA_QUEUE)?.recordingLocation;
  await settleOperation(unit, call, finishMedia(ctx, call, operation, location, now));
  await applyQueueChange(unit, call, finishHead(call.mediaQueue ?? EMPTY_MEDIA_QUEUE, operation.id), now);
}

function finishMedia(ctx: CallContext, call: Call, operation: Operation, location: string | undefined, now: number): Operation {
  if (operation.type === 'recordOperation') {
    const extra = { recordingLocation: location ?? null, recordingAccessToken: ctx.newId(), completionReason: 'maxRecordDurationReached' };
    return finishOperation(operation, { status: 'completed', resultInfo: MAX_DURATION_REACHED, extra }, now);
  }
  // beta playPromptOperation adds completionReason (BEHAVIOR.md §6); v1.0 has none.
  return finishOperation(operation, { status: 'completed', ...(call.apiVersion === 'beta' ? { extra: { completionReason: 'completedSuccessfully' } } : {}) }, now);
}

/** The leg ended first: its media operations fail quietly (a later GET shows why). */
async function failQueue(unit: CallUnit, call: Call, now: number): Promise<void> {
  for (const entry of call.mediaQueue?.entries ?? []) {
    const operation = await unit.requireOperation(call.id, entry.operationId);
    if (operation.status === 'running') await unit.putOperation(failed(operation, LEG_ENDED, now));
  }
  await unit.putCall({ ...call, mediaQueue: EMPTY_MEDIA_QUEUE });
}
