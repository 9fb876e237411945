import { hangUpCall, keepAliveDeadline, keepCallAlive } from '../../domain/calls/call-leg.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import { ownCall } from './owned-call.js';

/**
 * DELETE /communications/calls/{id}: 204, `updated` terminating now and, after the terminate
 * latency, `deleted` terminated with 200/5001 (call-delete). Only this app's leg ends; a meeting
 * or group call goes on for everyone else.
 */
export async function deleteCall(ctx: CallContext, caller: Caller, callId: string): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const call = ownCall(await unit.call(callId), caller);
    const hungUp = hangUpCall(call, now);
    if (hungUp.events.length === 0) return;
    await unit.putCall(hungUp.value);
    await unit.emit(hungUp.events);
    await unit.cancelLegTimers(callId);
    await unit.setTimer('terminate', callId, now + ctx.latency.terminateMs);
  });
}

/** POST …/keepAlive: 200, and the 45-minute inactivity timer starts again (call-keepalive). */
export async function keepAlive(ctx: CallContext, caller: Caller, callId: string): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const alive = keepCallAlive(ownCall(await unit.call(callId), caller), ctx.clock.now());
    await unit.putCall(alive.value);
    await unit.setTimer('keepAlive', callId, keepAliveDeadline(alive.value));
  });
}
