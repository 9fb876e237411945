import { galleryParticipant, nextGalleryPage } from '../../domain/calls/large-gallery.js';
import { checkClientContext } from '../../domain/calls/operations.js';
import { addParticipant } from '../../domain/calls/roster.js';
import type { Call, Operation } from '../../domain/calls/types.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallTimer } from '../call-timers.js';
import type { CallUnit } from '../call-unit.js';
import { assertGroupCall, connectedLeg } from './connected-leg.js';
import { featureLatency } from './feature-latency.js';
import { clientContextOf, completed, failed, LEG_ENDED, newOperation, runningOperation, settleOperation } from './feature-operations.js';
import type { ClientContextCommand } from './features-api.js';

/**
 * POST …/addLargeGalleryView (call-addlargegalleryview): 202 with a `running`
 * addLargeGalleryViewOperation. When the gallery has joined (a durable timer), the roster gains
 * it and the operation completes with a `deleted` notification on its URL.
 */
export async function addLargeGalleryView(ctx: CallContext, caller: Caller, callId: string, command: ClientContextCommand): Promise<Operation> {
  checkClientContext(command.clientContext);
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const { call } = await connectedLeg(unit, caller, callId, 'addLargeGalleryView');
    assertGroupCall(call, 'addLargeGalleryView', 'call-addlargegalleryview');
    const operation = await newOperation(ctx, unit, { callId, type: 'addLargeGalleryViewOperation', status: 'running', ...clientContextOf(command) }, now);
    await unit.setTimer('largeGalleryView', callId, now + featureLatency(ctx).largeGalleryMs, operation.id);
    return operation;
  });
}

/** The gallery joins the leg's conference (the next page for this leg), then the operation completes. */
export async function onLargeGalleryJoined(ctx: CallContext, unit: CallUnit, call: Call, now: number, timer: CallTimer): Promise<void> {
  const operation = await runningOperation(unit, call, timer);
  if (!operation) return;
  const conference = await unit.conference(call.conferenceId);
  if (call.state === 'terminated' || conference?.state !== 'active') return unit.putOperation(failed(operation, LEG_ENDED, now));
  const page = nextGalleryPage(conference, call.id);
  const joined = addParticipant(conference, galleryParticipant({ participantId: ctx.newId(), ownerCallId: call.id, applicationId: ctx.newId(), page }), now);
  await unit.putConference(joined.value);
  await unit.emit(joined.events);
  await settleOperation(unit, call, completed(operation, now));
}
