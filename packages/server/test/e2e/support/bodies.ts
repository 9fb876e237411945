import { DEMO } from '../../../src/world/demo-world.js';
import type { Json } from './harness.js';

/** Request bodies as a bot sends them (application-post-calls, call-answer, call-reject, call-redirect). */

export const SERVICE_HOSTED_MEDIA = { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' };

type Meeting = (typeof DEMO.meetings)[keyof typeof DEMO.meetings];

/** Join by the meeting id and passcode printed in the invitation (example 7). */
export function joinByMeetingId(callbackUri: string, meeting: Meeting = DEMO.meetings.standup, extra: Json = {}): Json {
  return {
    '@odata.type': '#microsoft.graph.call',
    callbackUri,
    requestedModalities: ['audio'],
    mediaConfig: SERVICE_HOSTED_MEDIA,
    meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: meeting.joinMeetingId, passcode: meeting.passcode },
    tenantId: meeting.tenantId,
    ...extra,
  };
}

export interface DecodedJoinUrl {
  threadId: string;
  messageId: string;
  tenantId: string;
  organizerId: string;
}

/**
 * What a bot does with a Teams join link (BEHAVIOR.md §4): the segment after `meetup-join/` is
 * the chat thread id, the next the message id, and the `context` query holds Tid and Oid.
 */
export function decodeJoinWebUrl(joinWebUrl: string): DecodedJoinUrl {
  const url = new URL(joinWebUrl);
  const [, thread, message] = /\/meetup-join\/([^/]+)\/([^/?]+)/.exec(url.pathname) ?? [];
  if (!thread || !message) throw new Error(`not a Teams join link: ${joinWebUrl}`);
  const context = JSON.parse(url.searchParams.get('context') ?? '{}') as { Tid?: string; Oid?: string };
  return { threadId: decodeURIComponent(thread), messageId: decodeURIComponent(message), tenantId: context.Tid ?? '', organizerId: context.Oid ?? '' };
}

/** Join by organizerMeetingInfo + chatInfo decoded from the join link (example 5). */
export function joinByJoinUrl(callbackUri: string, joinWebUrl: string, extra: Json = {}): Json {
  const link = decodeJoinWebUrl(joinWebUrl);
  return {
    '@odata.type': '#microsoft.graph.call',
    callbackUri,
    requestedModalities: ['audio'],
    mediaConfig: SERVICE_HOSTED_MEDIA,
    chatInfo: { '@odata.type': '#microsoft.graph.chatInfo', threadId: link.threadId, messageId: link.messageId },
    meetingInfo: {
      '@odata.type': '#microsoft.graph.organizerMeetingInfo',
      organizer: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: link.organizerId, tenantId: link.tenantId } },
      allowConversationWithoutHost: true,
    },
    tenantId: link.tenantId,
    ...extra,
  };
}

/** Join as a guest (beta example 10): `source.identity.guest`, Calls.JoinGroupCallAsGuest.All. */
export function joinAsGuest(callbackUri: string, meeting: Meeting, displayName: string): Json {
  return joinByMeetingId(callbackUri, meeting, {
    source: {
      '@odata.type': '#microsoft.graph.participantInfo',
      identity: { '@odata.type': '#microsoft.graph.identitySet', guest: { '@odata.type': '#microsoft.graph.identity', displayName } },
    },
  });
}

export function answerBody(callbackUri?: string): Json {
  return { ...(callbackUri ? { callbackUri } : {}), acceptedModalities: ['audio'], mediaConfig: SERVICE_HOSTED_MEDIA };
}

export function redirectBody(userId: string, callbackUri?: string): Json {
  return {
    targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: userId } } }],
    timeout: 20,
    ...(callbackUri ? { callbackUri } : {}),
  };
}
