import { isEnded } from '../../domain/calls/call-rules.js';
import { finishOperation, isFinal, startOperation, type NewOperation } from '../../domain/calls/operations.js';
import type { Call, Operation, ResultInfo } from '../../domain/calls/types.js';
import type { CallContext } from '../call-context.js';
import type { CallTimer } from '../call-timers.js';
import type { CallUnit } from '../call-unit.js';

/** The clientContext to echo on an operation, when the action was given one. */
export const clientContextOf = (command: { clientContext?: string }): { clientContext?: string } =>
  command.clientContext === undefined ? {} : { clientContext: command.clientContext };

/** A new operation of a leg, stored so GET …/operations/{id} finds it (BEHAVIOR.md §6). */
export async function newOperation(ctx: CallContext, unit: CallUnit, spec: Omit<NewOperation, 'id'>, now: number): Promise<Operation> {
  const operation = startOperation({ id: ctx.newId(), ...spec }, now);
  unit.addOperation(operation);
  return operation;
}

/** The running operation a timer stands for; undefined once it finished (a timer may fire twice). */
export async function runningOperation(unit: CallUnit, call: Call, timer: CallTimer): Promise<Operation | undefined> {
  if (!timer.operationId) return undefined;
  const operation = await unit.requireOperation(call.id, timer.operationId);
  return isFinal(operation) ? undefined : operation;
}

/**
 * Completed as the docs print it: addlargegalleryviewoperation-get shows a completed operation
 * with `resultInfo: null`, and the completion notifications of addLargeGalleryView and invite
 * carry none.
 */
export function completed(operation: Operation, now: number): Operation {
  const { resultInfo: _none, ...done } = finishOperation(operation, { status: 'completed' }, now);
  return done;
}

export const failed = (operation: Operation, resultInfo: ResultInfo, now: number): Operation => finishOperation(operation, { status: 'failed', resultInfo }, now);

/** Saves the outcome and tells the leg (`deleted` on the operation's URL), unless the leg has ended meanwhile. */
export async function settleOperation(unit: CallUnit, call: Call, finished: Operation): Promise<void> {
  await unit.putOperation(finished);
  if (!isEnded(call.state)) await unit.emit([{ type: 'operation:finished', call, operation: finished }]);
}

/** The leg ended before the platform finished: nobody is told, a later GET shows why. */
export const LEG_ENDED: ResultInfo = { code: 410, subcode: 0, message: 'The call ended before the operation completed.' };
