import { checkClientContext } from '../../domain/calls/operations.js';
import type { Operation } from '../../domain/calls/types.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import { clientContextOf, newOperation } from '../features/feature-operations.js';
import type { ClientContextCommand } from './media-api.js';
import { serviceHostedLeg } from './media-operations.js';

/**
 * POST …/subscribeToTone (call-subscribetotone): 200 with a `completed` subscribeToToneOperation;
 * from then on keypad presses reach the leg as `updated` call notifications with toneInfo
 * (press-keys.ts). Subscribing again keeps the sequence numbering going.
 */
export async function subscribeToTone(ctx: CallContext, caller: Caller, callId: string, command: ClientContextCommand): Promise<Operation> {
  checkClientContext(command.clientContext);
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const call = await serviceHostedLeg(unit, caller, callId, 'subscribeToTone', 'call-subscribetotone');
    await unit.putCall({ ...call, tones: call.tones ?? { lastSequenceId: 0 } });
    return newOperation(ctx, unit, { callId, type: 'subscribeToToneOperation', status: 'completed', ...clientContextOf(command) }, now);
  });
}
