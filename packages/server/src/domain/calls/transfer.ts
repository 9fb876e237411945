import { DomainError } from '../errors/index.js';
import type { Call, Identity, ResultInfo, Transition } from './types.js';

/**
 * call-transfer, peer to peer (BEHAVIOR.md §4): 202, then `updated` transferring, `updated`
 * transferAccepted and `deleted` terminated with 0/7015; a failed transfer returns to
 * established with 500/7000. Consultative transfer and transfers out of group calls (which need
 * a transferee) are not simulated.
 */
export const TRANSFER_COMPLETED: ResultInfo = { code: 0, subcode: 7015, message: 'GracefulTransferCompleted' };

/** The page's failure example prints only `<message>`; the text here says what failed. */
export const transferFailed = (target: Identity): ResultInfo => ({ code: 500, subcode: 7000, message: `Transfer to '${target.id}' failed: the target is not a user of the call's tenant.` });

const isPeerToPeer = (call: Call): boolean => call.scenario === 'peerToPeer' || call.scenario === 'incoming';

export function startTransfer(call: Call, target: Identity, now: number): Transition<Call> {
  if (!isPeerToPeer(call)) throw new DomainError('transferNeedsPeerToPeer', { callId: call.id, scenario: call.scenario });
  if (call.state === 'transferring' || call.state === 'transferAccepted') throw new DomainError('transferInProgress', { callId: call.id, state: call.state });
  if (call.state !== 'established') throw new DomainError('actionNeedsEstablishedCall', { callId: call.id, state: call.state, action: 'transfer' });
  const next: Call = { ...call, state: 'transferring', stateChangedAt: now, transferTarget: target };
  return { value: next, events: [{ type: 'call:stateChanged', call: next }] };
}

export function acceptTransfer(call: Call, now: number): Transition<Call> {
  if (call.state !== 'transferring') throw new Error(`call ${call.id}: cannot accept a transfer in state ${call.state}`);
  const next: Call = { ...call, state: 'transferAccepted', stateChangedAt: now };
  return { value: next, events: [{ type: 'call:stateChanged', call: next }] };
}

/** The transferee now talks to the target; the app's leg is over. */
export function completeTransfer(call: Call, now: number): Transition<Call> {
  if (call.state !== 'transferAccepted') throw new Error(`call ${call.id}: cannot complete a transfer in state ${call.state}`);
  const { transferTarget: _done, ...rest } = call;
  const next: Call = { ...rest, state: 'terminated', stateChangedAt: now, resultInfo: TRANSFER_COMPLETED };
  return { value: next, events: [{ type: 'call:deleted', call: next }] };
}

/**
 * Back to established. The notification carries 500/7000; the call does not keep it, so later
 * state notifications (terminating …) do not repeat a stale failure.
 */
export function failTransfer(call: Call, now: number): Transition<Call> {
  if (call.state !== 'transferring' || !call.transferTarget) throw new Error(`call ${call.id}: no transfer to fail in state ${call.state}`);
  const { transferTarget: target, ...rest } = call;
  const next: Call = { ...rest, state: 'established', stateChangedAt: now };
  return { value: next, events: [{ type: 'call:stateChanged', call: { ...next, resultInfo: transferFailed(target) } }] };
}
