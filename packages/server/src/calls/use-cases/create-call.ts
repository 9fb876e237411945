import { createOutgoingCall, keepAliveDeadline, type NewCall } from '../../domain/calls/call-leg.js';
import { waitsInLobby } from '../../domain/calls/lobby-policy.js';
import { appParticipant } from '../../domain/calls/participants.js';
import { addParticipant, openConference } from '../../domain/calls/roster.js';
import type { Call, Conference } from '../../domain/calls/types.js';
import type { Caller, CreateCallCommand } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallUnit } from '../call-unit.js';
import { planCall, type CallPlan } from '../plan-call.js';
import { armFaultsInLobby } from '../../faults/call-fault-schedule.js';

/**
 * POST /communications/calls: authorize the scenario, then, in one transaction, create the leg
 * (201 body in state establishing + an `updated` establishing notification), put the app into the
 * conference (everyone already connected gets a roster update; a joiner the meeting's policy
 * sends to the lobby shows up there), and arm the establish and keepAlive timers.
 */
export async function createCall(ctx: CallContext, caller: Caller, command: CreateCallCommand): Promise<Call> {
  ctx.checkCallbackUri(command.callbackUri);
  const plan = await planCall(ctx, caller, command);
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const conference = await conferenceFor(ctx, unit, plan, now);
    const participantId = ctx.newId();
    const created = createOutgoingCall(newLeg(ctx, caller, command, plan, { conferenceId: conference.id, participantId }), now);
    await unit.putCall(created.value);
    await unit.emit(created.events);
    const inLobby = plan.meeting ? waitsInLobby(plan.meeting, plan.source) : false;
    const joined = addParticipant(conference, appParticipant(created.value, participantId, inLobby), now);
    await unit.putConference(joined.value);
    await unit.emit(joined.events);
    await unit.setTimer('establish', created.value.id, now + ctx.latency.establishMs);
    await unit.setTimer('keepAlive', created.value.id, keepAliveDeadline(created.value));
    if (inLobby) await armFaultsInLobby(unit, created.value, now);
    return created.value;
  });
}

/** A meeting has one conference while it is in progress; every group or P2P call gets its own. */
async function conferenceFor(ctx: CallContext, unit: CallUnit, plan: CallPlan, now: number): Promise<Conference> {
  const current = plan.meeting ? await unit.meetingConference(plan.meeting.id) : undefined;
  if (current?.state === 'active') return current;
  return openConference({ id: ctx.newId(), kind: plan.scenario, tenantId: plan.tenantId, ...(plan.meeting ? { meetingId: plan.meeting.id } : {}) }, now);
}

function newLeg(ctx: CallContext, caller: Caller, command: CreateCallCommand, plan: CallPlan, at: { conferenceId: string; participantId: string }): NewCall {
  return {
    id: ctx.newId(),
    appId: caller.appId,
    tenantId: plan.tenantId,
    direction: 'outgoing',
    scenario: plan.scenario,
    mediaHosting: command.mediaHosting,
    callbackUri: command.callbackUri,
    callChainId: ctx.newId(),
    conferenceId: at.conferenceId,
    myParticipantId: at.participantId,
    source: plan.source,
    targets: plan.targets,
    requestedModalities: command.requestedModalities,
    grantedBy: plan.grantedBy,
    joinedAsGuest: plan.joinedAsGuest,
    apiVersion: command.version,
    contentSharingNotifications: command.contentSharingNotifications,
    echo: withMeetingChat(command.echo, plan),
    ...(plan.meeting ? { meetingId: plan.meeting.id } : {}),
  };
}

/**
 * A join by meeting id or token names no chat, yet Graph answers with the meeting's chatInfo
 * (beta application-post-calls example 6), so a bot can read the thread id it joined.
 */
function withMeetingChat(echo: Record<string, unknown>, plan: CallPlan): Record<string, unknown> {
  if (!plan.meeting || echo.chatInfo) return echo;
  const chatInfo = { '@odata.type': '#microsoft.graph.chatInfo', threadId: plan.meeting.chatThreadId, messageId: '0', replyChainMessageId: null };
  return { ...echo, chatInfo };
}
