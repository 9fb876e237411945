import type { V1 } from '@switchboard/calling-bot';

/** What a create-call body needs to join a scheduled meeting. */
export type MeetingTarget = Pick<V1.Call, 'chatInfo' | 'meetingInfo' | 'tenantId'>;

/**
 * Turns a Teams join link (`https://teams.microsoft.com/l/meetup-join/<thread>/<message>?context=
 * {"Tid":…,"Oid":…}`) into the chatInfo + organizerMeetingInfo pair Graph v1.0 joins a scheduled
 * meeting with: the thread and message come from the path, the organizer and tenant from `context`.
 */
export function meetingFromJoinUrl(joinUrl: string): MeetingTarget {
  const url = new URL(joinUrl);
  const match = /\/meetup-join\/([^/]+)\/([^/?]+)/.exec(url.pathname);
  if (!match?.[1] || !match[2]) throw new Error(`not a Teams meeting join link: ${joinUrl}`);
  const context = JSON.parse(url.searchParams.get('context') ?? '{}') as { Tid?: string; Oid?: string };
  if (!context.Tid || !context.Oid) throw new Error('the join link has no organizer (context Tid and Oid)');
  return {
    chatInfo: { threadId: decodeURIComponent(match[1]), messageId: decodeURIComponent(match[2]) },
    meetingInfo: { '@odata.type': '#microsoft.graph.organizerMeetingInfo', organizer: { user: { id: context.Oid, tenantId: context.Tid } } } as V1.OrganizerMeetingInfo,
    tenantId: context.Tid,
  };
}
