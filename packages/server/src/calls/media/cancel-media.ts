import { cancelAll, EMPTY_MEDIA_QUEUE } from '../../domain/calls/media-queue.js';
import { checkClientContext } from '../../domain/calls/operations.js';
import type { Operation } from '../../domain/calls/types.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import { connectedLeg } from '../features/connected-leg.js';
import { clientContextOf, newOperation } from '../features/feature-operations.js';
import type { ClientContextCommand } from './media-api.js';
import { applyQueueChange } from './media-operations.js';

/**
 * POST …/cancelMediaProcessing (call-cancelmediaprocessing): 200 with a `completed`
 * cancelMediaProcessingOperation; the running and every queued playPrompt / recordResponse each
 * get a `deleted` notification (failed, 400/8508, operationCanceled). A tone subscription and a
 * sendDtmfTones in progress are not media-queue operations and carry on (BEHAVIOR.md §7).
 */
export async function cancelMediaProcessing(ctx: CallContext, caller: Caller, callId: string, command: ClientContextCommand): Promise<Operation> {
  checkClientContext(command.clientContext);
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const { call } = await connectedLeg(unit, caller, callId, 'cancelMediaProcessing');
    const operation = await newOperation(ctx, unit, { callId, type: 'cancelMediaProcessingOperation', status: 'completed', ...clientContextOf(command) }, now);
    await applyQueueChange(unit, call, cancelAll(call.mediaQueue ?? EMPTY_MEDIA_QUEUE), now);
    return operation;
  });
}
