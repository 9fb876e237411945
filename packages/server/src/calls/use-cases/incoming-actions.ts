import { keepAliveDeadline } from '../../domain/calls/call-leg.js';
import { answerCall, redirectCall, rejectCall } from '../../domain/calls/incoming-call.js';
import { grantFor } from '../../domain/calls/scenario-permissions.js';
import { grantingPermissions } from '../../permissions/authorize.js';
import type { AnswerCommand, Caller, RedirectCommand, RejectCommand } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import { finishLeg } from '../leg-lifecycle.js';
import { ownLiveCall } from './owned-call.js';

/**
 * answer (202): needs a permission of the call-answer table (Calls.JoinGroupCall.All or
 * Calls.JoinGroupCallAsGuest.All) plus Calls.AccessMedia.All for app-hosted media; the grant is
 * recorded on the call and authorizes everything the app does with it afterwards.
 */
export async function answer(ctx: CallContext, caller: Caller, callId: string, command: AnswerCommand): Promise<void> {
  if (command.callbackUri) ctx.checkCallbackUri(command.callbackUri);
  await inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const call = ownLiveCall(await unit.call(callId), caller);
    const grantedBy = grantFor(grantingPermissions('call.answer', call.apiVersion), caller.roles, command.mediaHosting);
    const answered = answerCall(call, { ...command, grantedBy }, now);
    await unit.putCall(answered.value);
    await unit.emit(answered.events);
    await unit.cancelTimer('answerDeadline', callId);
    await unit.setTimer('establish', callId, now + ctx.latency.establishMs);
    await unit.setTimer('keepAlive', callId, keepAliveDeadline(answered.value));
  });
}

/** reject (202): no permission of its own (call-reject lists none); `deleted` follows at once. */
export async function reject(ctx: CallContext, caller: Caller, callId: string, command: RejectCommand): Promise<void> {
  if (command.callbackUri) ctx.checkCallbackUri(command.callbackUri);
  await inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    await finishLeg(unit, rejectCall(ownLiveCall(await unit.call(callId), caller), command, now), now);
  });
}

/**
 * redirect (202): needs Calls.Initiate.All (call-redirect). The call is `redirecting` (nothing
 * notified) and ends with `deleted` terminated after the redirect latency. The targets are
 * recorded but not rung: redirecting to simulated people or other apps is not simulated yet.
 */
export async function redirect(ctx: CallContext, caller: Caller, callId: string, command: RedirectCommand): Promise<void> {
  if (command.callbackUri) ctx.checkCallbackUri(command.callbackUri);
  await inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const call = ownLiveCall(await unit.call(callId), caller);
    grantFor(grantingPermissions('call.redirect', call.apiVersion), caller.roles, 'service');
    const redirected = redirectCall(call, command, now);
    await unit.putCall(redirected.value);
    await unit.cancelTimer('answerDeadline', callId);
    await unit.setTimer('redirect', callId, now + ctx.latency.redirectMs);
  });
}
