import { answerInvitations, assertNotInCall, checkInvite, invitedParticipant, inviteParticipants as addInvitees, ringingFor } from '../../domain/calls/invitations.js';
import { checkClientContext } from '../../domain/calls/operations.js';
import type { Call, Conference, Identity, Operation, ResultInfo } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallTimer } from '../call-timers.js';
import type { CallUnit } from '../call-unit.js';
import { connectedLeg } from './connected-leg.js';
import { featureLatency } from './feature-latency.js';
import { clientContextOf, completed, failed, LEG_ENDED, newOperation, runningOperation, settleOperation } from './feature-operations.js';
import type { InviteCommand } from './features-api.js';

/**
 * POST …/participants/invite (participant-invite): 200 with a `running` inviteParticipantsOperation
 * listing the invitees as sent. They ring in the roster (marked `invitation`) until they answer
 * (a durable timer): then one roster update, and the operation completes with a `deleted`
 * notification. Invitees are users of the world; a meeting's chat lets several be invited at once.
 */
export async function inviteParticipants(ctx: CallContext, caller: Caller, callId: string, command: InviteCommand): Promise<Operation> {
  checkClientContext(command.clientContext);
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const { call, conference } = await connectedLeg(unit, caller, callId, 'participants/invite');
    checkInvite(call, command.invitees.length, { hasChat: conference.kind === 'meeting' });
    const invitees = await resolveInvitees(unit, conference, command.invitees);
    const operation = await newOperation(ctx, unit, { callId, type: 'inviteParticipantsOperation', status: 'running', extra: { participants: command.echo }, ...clientContextOf(command) }, now);
    const entries = invitees.map((identity) => invitedParticipant(ctx.newId(), identity, { operationId: operation.id, callId, invitedAt: now }));
    const ringing = addInvitees(conference, entries, now);
    await unit.putConference(ringing.value);
    await unit.emit(ringing.events);
    await unit.setTimer('inviteAnswer', callId, now + featureLatency(ctx).inviteAnswerMs, operation.id);
    return operation;
  });
}

/** Users of the world, none already in the call, each rung once; PSTN and apps are not simulated. */
async function resolveInvitees(unit: CallUnit, conference: Conference, wanted: Identity[]): Promise<Identity[]> {
  const invitees = new Map<string, Identity>();
  for (const target of wanted) {
    if (target.kind !== 'user') throw new DomainError('inviteeNotSupported', { kind: target.kind });
    const user = await unit.world.user(target.id.toLowerCase());
    if (!user) throw new DomainError('inviteeNotFound', { userId: target.id });
    const identity: Identity = { kind: 'user', id: user.id, displayName: user.displayName, tenantId: user.tenantId };
    assertNotInCall(conference, identity);
    invitees.set(user.id, identity);
  }
  return [...invitees.values()];
}

/**
 * Not documented: an invite whose every invitee was cancelled (DELETE participant) before
 * answering. SIP's 487 "Request Terminated" is what the platform reports for cancelled invites.
 */
export const INVITATION_CANCELLED: ResultInfo = { code: 487, subcode: 0, message: 'The invitation was cancelled before anyone answered.' };

/** The invitees still ringing answer together; the operation completes (or fails, when nobody is left to answer). */
export async function onInviteAnswered(_ctx: CallContext, unit: CallUnit, call: Call, now: number, timer: CallTimer): Promise<void> {
  const operation = await runningOperation(unit, call, timer);
  if (!operation) return;
  const conference = await unit.conference(call.conferenceId);
  const ringing = conference?.state === 'active' ? ringingFor(conference, operation.id) : [];
  if (!conference || ringing.length === 0) return settleOperation(unit, call, failed(operation, call.state === 'terminated' ? LEG_ENDED : INVITATION_CANCELLED, now));
  const answered = answerInvitations(conference, ringing);
  await unit.putConference(answered.value);
  await unit.emit(answered.events);
  await settleOperation(unit, call, completed(operation, now));
}
