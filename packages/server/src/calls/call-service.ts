import type { Call, Operation, Participant } from '../domain/calls/types.js';
import type { TimerEntry } from '../storage/ports.js';
import type { AnswerCommand, CallsApi, Caller, CreateCallCommand, RedirectCommand, RejectCommand } from './calls-api.js';
import { callContext, type CallContext, type CallServiceDeps } from './call-context.js';
import { createCall } from './use-cases/create-call.js';
import { fireTimer } from './use-cases/fire-timer.js';
import { deleteCall, keepAlive } from './use-cases/hang-up.js';
import { answer, redirect, reject } from './use-cases/incoming-actions.js';
import { getCall, getOperation, getParticipant, listParticipants } from './use-cases/read-calls.js';

export type { CallServiceDeps } from './call-context.js';

/**
 * The calling use cases behind the Graph routes, and the handler of call timers. Each method is
 * one store transaction (state, notifications and timers together); failures are DomainErrors
 * from domain/errors/calls.ts.
 */
export class CallService implements CallsApi {
  private readonly ctx: CallContext;

  constructor(deps: CallServiceDeps) {
    this.ctx = callContext(deps);
  }

  createCall(caller: Caller, command: CreateCallCommand): Promise<Call> {
    return createCall(this.ctx, caller, command);
  }

  getCall(caller: Caller, callId: string): Promise<Call> {
    return getCall(this.ctx, caller, callId);
  }

  deleteCall(caller: Caller, callId: string): Promise<void> {
    return deleteCall(this.ctx, caller, callId);
  }

  keepAlive(caller: Caller, callId: string): Promise<void> {
    return keepAlive(this.ctx, caller, callId);
  }

  answer(caller: Caller, callId: string, command: AnswerCommand): Promise<void> {
    return answer(this.ctx, caller, callId, command);
  }

  reject(caller: Caller, callId: string, command: RejectCommand): Promise<void> {
    return reject(this.ctx, caller, callId, command);
  }

  redirect(caller: Caller, callId: string, command: RedirectCommand): Promise<void> {
    return redirect(this.ctx, caller, callId, command);
  }

  listParticipants(caller: Caller, callId: string): Promise<Participant[]> {
    return listParticipants(this.ctx, caller, callId);
  }

  getParticipant(caller: Caller, callId: string, participantId: string): Promise<Participant> {
    return getParticipant(this.ctx, caller, callId, participantId);
  }

  getOperation(caller: Caller, callId: string, operationId: string): Promise<Operation> {
    return getOperation(this.ctx, caller, callId, operationId);
  }

  /** Runs a due call timer (see timer-runner.ts); false when the payload is not a call timer. */
  fireTimer(timer: TimerEntry<unknown>, owner: string): Promise<boolean> {
    return fireTimer(this.ctx, timer, owner);
  }
}
