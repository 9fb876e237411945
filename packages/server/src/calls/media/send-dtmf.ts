import { checkClientContext } from '../../domain/calls/operations.js';
import type { Call, Operation } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallTimer } from '../call-timers.js';
import type { CallUnit } from '../call-unit.js';
import { connectedLeg } from '../features/connected-leg.js';
import { clientContextOf, completed, failed, LEG_ENDED, newOperation, runningOperation, settleOperation } from '../features/feature-operations.js';
import type { SendDtmfTonesCommand } from './media-api.js';
import { mediaLatency } from './media-latency.js';
import { isEnded } from '../../domain/calls/call-rules.js';

/**
 * POST …/sendDtmfTones (call-senddtmftones): 200 with a `running` sendDtmfTonesOperation; once
 * every tone is "sent" it completes with completionReason completedSuccessfully and no
 * resultInfo (the example). Nobody in Switchboard listens to the bot's keypad.
 */
export async function sendDtmfTones(ctx: CallContext, caller: Caller, callId: string, command: SendDtmfTonesCommand): Promise<Operation> {
  checkClientContext(command.clientContext);
  if (command.tones.length === 0) throw new DomainError('noDtmfTones');
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    await connectedLeg(unit, caller, callId, 'sendDtmfTones');
    const operation = await newOperation(ctx, unit, { callId, type: 'sendDtmfTonesOperation', status: 'running', ...clientContextOf(command) }, now);
    await unit.setTimer('dtmfSent', callId, now + sendingMs(ctx, command), operation.id);
    return operation;
  });
}

function sendingMs(ctx: CallContext, command: SendDtmfTonesCommand): number {
  const latency = mediaLatency(ctx);
  const perTone = command.delayBetweenTonesMs === undefined ? latency.defaultToneMs : command.delayBetweenTonesMs * latency.toneDelayScale;
  return command.tones.length * perTone;
}

/** The tones went out: completedSuccessfully, or quietly failed when the leg ended first. */
export async function onDtmfSent(_ctx: CallContext, unit: CallUnit, call: Call, now: number, timer: CallTimer): Promise<void> {
  const operation = await runningOperation(unit, call, timer);
  if (!operation) return;
  if (isEnded(call.state)) return unit.putOperation(failed(operation, LEG_ENDED, now));
  await settleOperation(unit, call, { ...completed(operation, now), extra: { ...operation.extra, completionReason: 'completedSuccessfully' } });
}
