import { participantOfCall } from '../../domain/calls/roster.js';
import type { Call, Conference, Operation, Participant } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Caller } from '../calls-api.js';
import type { CallContext } from '../call-context.js';
import { readShared } from '../../storage/shared/shared-reads.js';
import { CALL_KINDS } from '../call-unit.js';
import { sharedRosterCache } from '../roster-cache.js';
import { readConference } from '../roster-reads.js';
import { ownCall, ownLiveCall } from './owned-call.js';

/**
 * Plain reads: committed state, no transaction. They share the store's frozen documents
 * (readShared) and the cached rosters: nothing here or in the wire mappers changes them, and a GET
 * then parses nothing.
 */
export async function getCall(ctx: CallContext, caller: Caller, callId: string): Promise<Call> {
  return ownLiveCall(await storedCall(ctx, callId), caller);
}

/**
 * GET …/participants: the conference's roster as this leg sees it. A leg waiting in the lobby
 * sees only itself (guests get no roster until admitted, BEHAVIOR.md §4).
 */
export async function listParticipants(ctx: CallContext, caller: Caller, callId: string): Promise<Participant[]> {
  return visibleRoster(ctx, ownLiveCall(await storedCall(ctx, callId), caller));
}

async function visibleRoster(ctx: CallContext, call: Call): Promise<Participant[]> {
  const conference = await storedConference(ctx, call.conferenceId);
  if (!conference) return [];
  const self = participantOfCall(conference, call.id);
  return self?.isInLobby ? [self] : conference.participants;
}

/** GET …/participants/{id}; not supported for peer-to-peer calls (participant-get). */
export async function getParticipant(ctx: CallContext, caller: Caller, callId: string, participantId: string): Promise<Participant> {
  const call = ownLiveCall(await storedCall(ctx, callId), caller);
  if (call.scenario === 'peerToPeer' || call.scenario === 'incoming') throw new DomainError('participantGetNotSupported');
  const visible = await visibleRoster(ctx, call);
  const participant = visible.find((p) => p.id === participantId);
  if (!participant) throw new DomainError('participantNotFound', { participantId });
  return participant;
}

export async function storedCall(ctx: CallContext, callId: string): Promise<Call | undefined> {
  return (await readShared<Call>(ctx.store.docs, CALL_KINDS.call, callId))?.data;
}

export async function storedConference(ctx: CallContext, conferenceId: string | undefined): Promise<Conference | undefined> {
  if (!conferenceId) return undefined;
  const conference = await readConference(ctx.store.docs, conferenceId, sharedRosterCache);
  return conference?.state === 'active' ? conference : undefined;
}

/** GET …/operations/{id}: any operation of the app's call (the navigation is generic, BEHAVIOR.md §6). */
export async function getOperation(ctx: CallContext, caller: Caller, callId: string, operationId: string): Promise<Operation> {
  const call = ownCall(await storedCall(ctx, callId), caller);
  const operation = (await readShared<Operation>(ctx.store.docs, CALL_KINDS.operation, operationId))?.data;
  if (!operation || operation.callId !== call.id) throw new DomainError('operationNotFound', { operationId });
  return operation;
}
