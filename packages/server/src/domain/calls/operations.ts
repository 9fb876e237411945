import { DomainError } from '../errors/index.js';
import type { Operation, OperationStatus, ResultInfo } from './types.js';

/** clientContext is at most 256 characters (BEHAVIOR.md §6). */
export const CLIENT_CONTEXT_MAX = 256;

/** The success result Graph reports on finished operations ("Action completed successfully."). */
export const OPERATION_SUCCEEDED: ResultInfo = { code: 200, subcode: 0, message: 'Action completed successfully.' };

export function checkClientContext(clientContext: string | undefined): void {
  if (clientContext !== undefined && clientContext.length > CLIENT_CONTEXT_MAX) {
    throw new DomainError('clientContextTooLong', { length: clientContext.length, max: CLIENT_CONTEXT_MAX });
  }
}

export interface NewOperation {
  id: string;
  callId: string;
  type: string;
  status: OperationStatus;
  clientContext?: string;
  extra?: Record<string, unknown>;
  resultInfo?: ResultInfo;
}

/** An operation as the action's response shows it; `completed`/`failed` ones get no notification later. */
export function startOperation(spec: NewOperation, now: number): Operation {
  checkClientContext(spec.clientContext);
  const final = spec.status === 'completed' || spec.status === 'failed';
  return {
    id: spec.id,
    callId: spec.callId,
    type: spec.type,
    status: spec.status,
    ...(spec.clientContext === undefined ? {} : { clientContext: spec.clientContext }),
    ...(spec.resultInfo ? { resultInfo: spec.resultInfo } : {}),
    createdAt: now,
    ...(final ? { finishedAt: now } : {}),
    extra: spec.extra ?? {},
  };
}

/** Finishes a running operation; finishing one that is already final is a programming error. */
export function finishOperation(operation: Operation, outcome: { status: 'completed' | 'failed'; resultInfo?: ResultInfo; extra?: Record<string, unknown> }, now: number): Operation {
  if (isFinal(operation)) throw new DomainError('operationAlreadyFinished', { operationId: operation.id });
  return { ...operation, status: outcome.status, resultInfo: outcome.resultInfo ?? OPERATION_SUCCEEDED, finishedAt: now, extra: { ...operation.extra, ...outcome.extra } };
}

export const isFinal = (operation: Operation): boolean => operation.status === 'completed' || operation.status === 'failed';
