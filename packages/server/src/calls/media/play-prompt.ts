import { checkClientContext } from '../../domain/calls/operations.js';
import type { Operation } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import { clientContextOf, newOperation } from '../features/feature-operations.js';
import type { PlayPromptCommand } from './media-api.js';
import { mediaLatency } from './media-latency.js';
import { queueMedia, serviceHostedLeg } from './media-operations.js';

/** call-playprompt: "a maximum of 20 prompts" (BEHAVIOR.md §7). */
export const MAX_PROMPTS = 20;

/**
 * POST …/playPrompt (call-playprompt): 200 with a `running` playPromptOperation, queued behind
 * the leg's media operations; it completes (200/0) with a `deleted` notification after
 * perPromptMs × prompts (media-latency.ts), or never when beta `loop` is true.
 */
export async function playPrompt(ctx: CallContext, caller: Caller, callId: string, command: PlayPromptCommand): Promise<Operation> {
  checkClientContext(command.clientContext);
  checkPrompts(command.prompts.length);
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const call = await serviceHostedLeg(unit, caller, callId, 'playPrompt', 'call-playprompt');
    const operation = await newOperation(ctx, unit, { callId, type: 'playPromptOperation', status: 'running', ...clientContextOf(command) }, now);
    const durationMs = command.loop ? undefined : command.prompts.length * mediaLatency(ctx).perPromptMs;
    await queueMedia(unit, call, { operationId: operation.id, ...(durationMs === undefined ? {} : { durationMs }) }, false, now);
    return operation;
  });
}

function checkPrompts(count: number): void {
  if (count === 0) throw new DomainError('noPrompts');
  if (count > MAX_PROMPTS) throw new DomainError('tooManyPrompts', { action: 'playPrompt', max: MAX_PROMPTS, page: 'call-playprompt', count });
}
