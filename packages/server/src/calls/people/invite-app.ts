import { ringIncomingCall } from '../../domain/calls/incoming-call.js';
import type { Call, Conference, Participant } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallUnit } from '../call-unit.js';
import { incomingLeg, webhookApp } from './call-app.js';

/**
 * A person in a meeting or group call invites an app: the app gets an incoming call whose
 * `created` notification carries the conversation's chatInfo and meetingInfo (BEHAVIOR.md §4,
 * "when it is a group-call invite"). The app is not in the roster while it rings; answering puts
 * it into the conversation's roster (see onEstablish), rejecting or letting it time out does not.
 */
export async function inviteApp(ctx: CallContext, conferenceId: string, participantId: string, appId: string): Promise<Call> {
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const conference = await unit.requireConference(conferenceId);
    if (conference.kind === 'peerToPeer') throw new DomainError('notPeerToPeerCall', { callId: conferenceId, scenario: 'peerToPeer', conferenceId });
    const inviter = inviterOf(conference, participantId);
    const app = await webhookApp(ctx, unit, appId);
    const leg = { ...incomingLeg(ctx, app, inviter.identity, conference.id, ctx.newId()), tenantId: conference.tenantId, echo: await conversationInfo(unit, conference) };
    const ringing = ringIncomingCall({ ...leg, ...(conference.meetingId ? { meetingId: conference.meetingId } : {}) }, now);
    await unit.putCall(ringing.value);
    await unit.emit(ringing.events);
    await unit.setTimer('answerDeadline', ringing.value.id, ringing.value.answerDeadline ?? now);
    return ringing.value;
  });
}

function inviterOf(conference: Conference, participantId: string): Participant {
  const inviter = conference.participants.find((p) => p.id === participantId);
  if (!inviter) throw new DomainError('participantNotFound', { participantId });
  if (inviter.kind !== 'person') throw new DomainError('participantIsApp', { participantId, appId: inviter.identity.id, callId: inviter.callId ?? '' });
  return inviter;
}

/** chatInfo + organizerMeetingInfo of the meeting, as an invite into it shows them. */
async function conversationInfo(unit: CallUnit, conference: Conference): Promise<Record<string, unknown>> {
  const meeting = conference.meetingId ? await unit.world.meeting(conference.meetingId) : undefined;
  if (!meeting) return {};
  const organizer = await unit.world.user(meeting.organizerId);
  return {
    chatInfo: { '@odata.type': '#microsoft.graph.chatInfo', threadId: meeting.chatThreadId, messageId: '0', replyChainMessageId: null },
    meetingInfo: {
      '@odata.type': '#microsoft.graph.organizerMeetingInfo',
      organizer: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: meeting.organizerId, displayName: organizer?.displayName ?? null, tenantId: meeting.tenantId } },
    },
  };
}
