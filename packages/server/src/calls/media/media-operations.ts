import { isConnected } from '../../domain/calls/call-rules.js';
import { bargeIn, EMPTY_MEDIA_QUEUE, enqueue, type QueueChange, type QueuedMedia } from '../../domain/calls/media-queue.js';
import { finishOperation, isFinal } from '../../domain/calls/operations.js';
import type { Call, Operation, ResultInfo } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Caller } from '../calls-api.js';
import type { CallUnit } from '../call-unit.js';
import { connectedLeg } from '../features/connected-leg.js';
import { settleOperation } from '../features/feature-operations.js';

/** What cancelMediaProcessing (or a barge-in) reports on each operation it cancels (call-cancelmediaprocessing example). */
export const OPERATION_CANCELED: ResultInfo = { code: 400, subcode: 8508, message: 'Action failed, the operation was cancelled.' };

/** The caller's connected leg; playPrompt, recordResponse and subscribeToTone need service-hosted media (BEHAVIOR.md §7). */
export async function serviceHostedLeg(unit: CallUnit, caller: Caller, callId: string, action: string, page: string): Promise<Call> {
  const { call } = await connectedLeg(unit, caller, callId, action);
  if (call.mediaHosting !== 'service') throw new DomainError('mediaNeedsServiceHostedMedia', { action, page, callId });
  return call;
}

/** Queues a new media operation: at the back, or (bargeInAllowed) at the head, interrupting the running one. */
export async function queueMedia(unit: CallUnit, call: Call, entry: QueuedMedia, jumpAhead: boolean, now: number): Promise<void> {
  const queue = call.mediaQueue ?? EMPTY_MEDIA_QUEUE;
  await applyQueueChange(unit, call, jumpAhead ? bargeIn(queue, entry) : enqueue(queue, entry), now);
}

/** Saves the queue, arms the timer of the operation that starts, and fails those it cancelled. */
export async function applyQueueChange(unit: CallUnit, call: Call, change: QueueChange, now: number): Promise<Call> {
  const updated: Call = { ...call, mediaQueue: change.queue };
  await unit.putCall(updated);
  const started = change.started;
  // A looping prompt (beta `loop`) has no end of its own: only cancelMediaProcessing stops it.
  if (started?.durationMs !== undefined) await unit.setTimer('mediaFinished', call.id, now + started.durationMs, started.operationId);
  await cancelOperations(unit, updated, change.cancelled, now);
  return updated;
}

/** Each cancelled operation gets its own `deleted` notification: failed, 400/8508, operationCanceled. */
async function cancelOperations(unit: CallUnit, call: Call, operationIds: string[], now: number): Promise<void> {
  for (const operationId of operationIds) {
    const operation = await unit.requireOperation(call.id, operationId);
    if (!isFinal(operation)) await settleOperation(unit, call, canceled(operation, now));
  }
}

/** The example of a cancelled recordOperation also carries empty recordingLocation and recordingAccessToken. */
function canceled(operation: Operation, now: number): Operation {
  const recording = operation.type === 'recordOperation' ? { recordingLocation: '', recordingAccessToken: '' } : {};
  return finishOperation(operation, { status: 'failed', resultInfo: OPERATION_CANCELED, extra: { ...recording, completionReason: 'operationCanceled' } }, now);
}

/** A leg that can hear tones right now. */
export const hearsTones = (call: Call | undefined): call is Call => call !== undefined && call.tones !== undefined && isConnected(call.state);
