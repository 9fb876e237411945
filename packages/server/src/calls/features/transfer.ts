import { isEnded } from '../../domain/calls/call-rules.js';
import { checkClientContext } from '../../domain/calls/operations.js';
import { acceptTransfer, completeTransfer, failTransfer, startTransfer } from '../../domain/calls/transfer.js';
import type { Call, Identity } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallUnit } from '../call-unit.js';
import { finishLeg } from '../leg-lifecycle.js';
import { sameId } from '../resolve-meeting.js';
import { ownLiveCall } from '../use-cases/owned-call.js';
import { featureLatency } from './feature-latency.js';
import type { TransferCommand } from './features-api.js';

/**
 * POST …/transfer (call-transfer), peer to peer: 202 without a body and `updated` transferring;
 * the steps that follow run on a durable timer (onTransferStep). Only blind transfers to a user
 * are simulated; whether the user can take the call is found out like Graph does, afterwards.
 */
export async function transfer(ctx: CallContext, caller: Caller, callId: string, command: TransferCommand): Promise<void> {
  checkClientContext(command.clientContext);
  await inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const call = ownLiveCall(await unit.call(callId), caller);
    assertSimulated(command);
    const started = startTransfer(call, command.target, now);
    await unit.putCall(started.value);
    await unit.emit(started.events);
    await unit.setTimer('transfer', callId, now + featureLatency(ctx).transferStepMs);
  });
}

function assertSimulated(command: TransferCommand): void {
  if (command.replacesCallId) throw new DomainError('transferNotSimulated', { what: 'a consultative transfer (transferTarget.replacesCallId)' });
  if (command.target.kind !== 'user') throw new DomainError('transferNotSimulated', { what: `a transfer to a ${command.target.kind} identity` });
}

/**
 * transferring → transferAccepted when the target is a user of the call's tenant (transfers are
 * "supported only when transferee and target are Teams users of the same tenant"), otherwise back
 * to established with 500/7000; transferAccepted → terminated 0/7015, and the leg leaves.
 */
export async function onTransferStep(ctx: CallContext, unit: CallUnit, call: Call, now: number): Promise<void> {
  if (isEnded(call.state)) return;
  if (call.state === 'transferAccepted') return finishLeg(unit, completeTransfer(call, now), now);
  if (call.state !== 'transferring' || !call.transferTarget) return;
  const reachable = await isTenantUser(unit, call.transferTarget, call.tenantId);
  const next = reachable ? acceptTransfer(call, now) : failTransfer(call, now);
  await unit.putCall(next.value);
  await unit.emit(next.events);
  if (reachable) await unit.setTimer('transfer', call.id, now + featureLatency(ctx).transferStepMs);
}

async function isTenantUser(unit: CallUnit, target: Identity, tenantId: string): Promise<boolean> {
  const user = await unit.world.user(target.id.toLowerCase());
  return user !== undefined && sameId(user.tenantId, tenantId);
}
