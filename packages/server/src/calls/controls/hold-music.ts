import { beginHold, beginRelease, completeHold, completeRelease } from '../../domain/calls/hold-music.js';
import { checkClientContext } from '../../domain/calls/operations.js';
import type { Call, Conference, Operation, ResultInfo } from '../../domain/calls/types.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallTimer } from '../call-timers.js';
import type { CallUnit } from '../call-unit.js';
import { connectedLeg } from '../features/connected-leg.js';
import { completed, failed, LEG_ENDED, newOperation, runningOperation, settleOperation } from '../features/feature-operations.js';
import { controlsLatency } from './controls-latency.js';
import type { ControlCommand, StartHoldMusicCommand } from './controls-api.js';
import { clientContextOf } from './control-operations.js';

/**
 * POST …/participants/{id}/startHoldMusic and stopHoldMusic (participant-startholdmusic,
 * participant-stopholdmusic): 202 with a `running` start/stopHoldMusicOperation. A durable timer
 * completes it: the held participant's streams change (a roster update) and the operation ends
 * with a `deleted` notification on its URL, shaped like the docs' (completed, no resultInfo).
 */
export async function startHoldMusic(ctx: CallContext, caller: Caller, callId: string, participantId: string, command: StartHoldMusicCommand): Promise<Operation> {
  checkClientContext(command.clientContext);
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const { call, conference } = await connectedLeg(unit, caller, callId, 'startHoldMusic');
    const operation = await newOperation(ctx, unit, { callId, type: 'startHoldMusicOperation', status: 'running', ...clientContextOf(command) }, now);
    const promptUri = command.customPrompt?.uri;
    await unit.putConference(beginHold(conference, participantId, { byCallId: call.id, operationId: operation.id, ...(promptUri ? { promptUri } : {}) }));
    await unit.setTimer('holdMusic', callId, now + controlsLatency(ctx).holdMusicMs, operation.id);
    return operation;
  });
}

/** stopHoldMusic: brings the participant back; any app leg of the conference may. */
export async function stopHoldMusic(ctx: CallContext, caller: Caller, callId: string, participantId: string, command: ControlCommand): Promise<Operation> {
  checkClientContext(command.clientContext);
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const { conference } = await connectedLeg(unit, caller, callId, 'stopHoldMusic');
    const operation = await newOperation(ctx, unit, { callId, type: 'stopHoldMusicOperation', status: 'running', ...clientContextOf(command) }, now);
    await unit.putConference(beginRelease(conference, participantId, operation.id));
    await unit.setTimer('holdMusic', callId, now + controlsLatency(ctx).holdMusicMs, operation.id);
    return operation;
  });
}

/**
 * Not documented: the held participant left before the platform finished. 410 Gone says the
 * target is no longer there; the `deleted` notification still tells the app the outcome.
 */
export const HOLD_TARGET_LEFT: ResultInfo = { code: 410, subcode: 0, message: 'The participant left the call before the hold music operation completed.' };

/** The timer of a start or stop: the media change, the roster update, then the operation's outcome. */
export async function onHoldMusicSettled(_ctx: CallContext, unit: CallUnit, call: Call, now: number, timer: CallTimer): Promise<void> {
  const operation = await runningOperation(unit, call, timer);
  if (!operation) return;
  const conference = await unit.conference(call.conferenceId);
  if (call.state === 'terminated' || conference?.state !== 'active') return unit.putOperation(failed(operation, LEG_ENDED, now));
  if (!conference.participants.some((p) => p.holdMusic?.operationId === operation.id)) return settleOperation(unit, call, failed(operation, HOLD_TARGET_LEFT, now));
  await applyHoldChange(unit, conference, operation);
  await settleOperation(unit, call, completed(operation, now));
}

async function applyHoldChange(unit: CallUnit, conference: Conference, operation: Operation): Promise<void> {
  const changed = operation.type === 'startHoldMusicOperation' ? completeHold(conference, operation.id) : completeRelease(conference, operation.id);
  await unit.putConference(changed.value);
  await unit.emit(changed.events);
}
