import { checkClientContext } from '../../domain/calls/operations.js';
import type { Operation } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import { clientContextOf, newOperation } from '../features/feature-operations.js';
import type { RecordResponseCommand } from './media-api.js';
import { mediaLatency } from './media-latency.js';
import { queueMedia, serviceHostedLeg } from './media-operations.js';
import { recordingUrl } from './recordings.js';

/** call-record: the timeouts default to 5 s, range 1–120 s; at most one prompt (BEHAVIOR.md §7). */
const TIMEOUTS = ['initialSilenceTimeoutInSeconds', 'maxSilenceTimeoutInSeconds', 'maxRecordDurationInSeconds'] as const;
const TIMEOUT_RANGE = { min: 1, max: 120, default: 5 };

/**
 * POST …/recordResponse (call-record): 200 with a `running` recordOperation (resultInfo and
 * recordingLocation null, as the example). It waits its turn in the media queue (or jumps it
 * with bargeInAllowed), then "records" for maxRecordDurationInSeconds and completes with 8515,
 * a recordingLocation served by Switchboard and its recordingAccessToken (recordings.ts).
 */
export async function recordResponse(ctx: CallContext, caller: Caller, callId: string, command: RecordResponseCommand): Promise<Operation> {
  checkRecordCommand(command);
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const call = await serviceHostedLeg(unit, caller, callId, 'recordResponse', 'call-record');
    const extra = { recordingLocation: null, recordingAccessToken: null };
    const operation = await newOperation(ctx, unit, { callId, type: 'recordOperation', status: 'running', extra, ...clientContextOf(command) }, now);
    const entry = { operationId: operation.id, durationMs: recordDurationMs(ctx, command), recordingLocation: recordingUrl(command.baseUrl, operation.id) };
    await queueMedia(unit, call, entry, command.bargeInAllowed === true, now);
    return operation;
  });
}

function checkRecordCommand(command: RecordResponseCommand): void {
  checkClientContext(command.clientContext);
  if (command.prompts.length > 1) throw new DomainError('tooManyPrompts', { action: 'recordResponse', max: 1, page: 'call-record', count: command.prompts.length });
  for (const name of TIMEOUTS) {
    const value = command[name];
    if (value !== undefined && (value < TIMEOUT_RANGE.min || value > TIMEOUT_RANGE.max)) throw new DomainError('recordTimeoutOutOfRange', { name, value, min: TIMEOUT_RANGE.min, max: TIMEOUT_RANGE.max });
  }
}

/** The prompt (if any), then the whole maxRecordDurationInSeconds: nobody speaks, nobody stops early. */
function recordDurationMs(ctx: CallContext, command: RecordResponseCommand): number {
  const latency = mediaLatency(ctx);
  return command.prompts.length * latency.perPromptMs + (command.maxRecordDurationInSeconds ?? TIMEOUT_RANGE.default) * latency.recordMsPerSecond;
}
