import type { AnswerCommand, Caller, CallsApi, CreateCallCommand, RedirectCommand, RejectCommand } from '../../../src/calls/calls-api.js';
import type { Call, Operation, Participant } from '../../../src/domain/calls/types.js';
import { DomainError } from '../../../src/domain/errors/index.js';
import { callFromCommand } from '../../wire/support/domain.js';

export interface RecordedCall {
  method: keyof CallsApi;
  caller: Caller;
  callId?: string;
  command?: CreateCallCommand | AnswerCommand | RejectCommand | RedirectCommand;
}

/**
 * An in-memory CallsApi for route tests: it keeps calls and rosters, enforces ownership like the
 * real service (another app's call is unknown) and records what the routes asked for.
 */
export class FakeCallsApi implements CallsApi {
  readonly calls = new Map<string, Call>();
  /** Roster per call id. */
  readonly rosters = new Map<string, Participant[]>();
  readonly received: RecordedCall[] = [];
  readonly operations = new Map<string, Operation>();

  add(call: Call, roster: Participant[] = []): Call {
    this.calls.set(call.id, call);
    this.rosters.set(call.id, roster);
    return call;
  }

  async createCall(caller: Caller, command: CreateCallCommand): Promise<Call> {
    this.received.push({ method: 'createCall', caller, command });
    return this.add(callFromCommand(caller, command));
  }

  async getCall(caller: Caller, callId: string): Promise<Call> {
    return this.owned(caller, callId, 'getCall');
  }

  async deleteCall(caller: Caller, callId: string): Promise<void> {
    await this.owned(caller, callId, 'deleteCall');
  }

  async keepAlive(caller: Caller, callId: string): Promise<void> {
    const call = await this.owned(caller, callId, 'keepAlive');
    if (call.state === 'terminated') throw new DomainError('callNotFound');
  }

  async answer(caller: Caller, callId: string, command: AnswerCommand): Promise<void> {
    await this.owned(caller, callId, 'answer', command);
  }

  async reject(caller: Caller, callId: string, command: RejectCommand): Promise<void> {
    await this.owned(caller, callId, 'reject', command);
  }

  async redirect(caller: Caller, callId: string, command: RedirectCommand): Promise<void> {
    await this.owned(caller, callId, 'redirect', command);
  }

  async listParticipants(caller: Caller, callId: string): Promise<Participant[]> {
    await this.owned(caller, callId, 'listParticipants');
    return this.rosters.get(callId) ?? [];
  }

  async getParticipant(caller: Caller, callId: string, participantId: string): Promise<Participant> {
    await this.owned(caller, callId, 'getParticipant');
    const participant = this.rosters.get(callId)?.find((candidate) => candidate.id === participantId);
    if (!participant) throw new DomainError('participantNotFound', { participantId });
    return participant;
  }

  async getOperation(caller: Caller, callId: string, operationId: string): Promise<Operation> {
    await this.owned(caller, callId, 'getOperation');
    const operation = this.operations.get(operationId);
    if (!operation || operation.callId !== callId) throw new DomainError('operationNotFound', { operationId });
    return operation;
  }

  private async owned(caller: Caller, callId: string, method: keyof CallsApi, command?: RecordedCall['command']): Promise<Call> {
    this.received.push({ method, caller, callId, ...(command ? { command } : {}) });
    const call = this.calls.get(callId);
    if (!call || call.appId !== caller.appId) throw new DomainError('callNotFound');
    return call;
  }
}
