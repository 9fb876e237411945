import type { WebhookReceiver } from '../../helpers/webhook-receiver.js';
import { joinByMeetingId, SERVICE_HOSTED_MEDIA } from './bodies.js';
import type { E2e, Json } from './harness.js';
import { isRoster, waitForNotice, waitForState, type Notice } from './notifications.js';

/** Helpers of the meeting-feature end-to-end tests: legs ready to act, and their notifications. */

export interface Leg {
  callId: string;
  me: string;
  rx: WebhookReceiver;
}

/** Creates a call with `body` (its callbackUri is the new receiver's) and waits until it is established with its first roster. */
export async function establishedLeg(e2e: E2e, body: (callbackUri: string) => Json, options: { roster?: boolean; version?: 'v1.0' | 'beta' } = {}): Promise<Leg> {
  const rx = await e2e.receiver();
  const created = await e2e.graph.request('POST', '/communications/calls', body(rx.url), { version: options.version ?? 'v1.0' });
  if (created.status !== 201) throw new Error(`create call: ${created.status} ${created.raw}`);
  const callId = String(created.body.id);
  await waitForState(rx, callId, 'established');
  if (options.roster ?? true) await waitForNotice(rx, callId, isRoster);
  return { callId, me: String(created.body.myParticipantId), rx };
}

export const meetingLeg = (e2e: E2e, extra: Json = {}, version?: 'v1.0' | 'beta'): Promise<Leg> =>
  establishedLeg(e2e, (uri) => joinByMeetingId(uri, undefined, extra), { ...(version ? { version } : {}) });

/** A call to users: one is peer to peer (no roster notifications), several a group call. */
export function usersLeg(e2e: E2e, userIds: string[], extra: Json = {}): Promise<Leg> {
  const body = (callbackUri: string): Json => ({
    '@odata.type': '#microsoft.graph.call',
    callbackUri,
    requestedModalities: ['audio'],
    mediaConfig: SERVICE_HOSTED_MEDIA,
    targets: userIds.map((id) => ({ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id } } })),
    ...extra,
  });
  return establishedLeg(e2e, body, { roster: userIds.length > 1 });
}

/** The operation's `deleted` notification (BEHAVIOR.md §6). */
export const waitForOperation = (leg: Leg, operationId: string): Promise<Notice> =>
  waitForNotice(leg.rx, leg.callId, (n) => n.changeType === 'deleted' && n.resourceUrl === `/communications/calls/${leg.callId}/operations/${operationId}`);

/** The first roster notification with an entry matching `match`. */
export const waitForEntry = (leg: Leg, match: (entry: Json) => boolean): Promise<Notice> =>
  waitForNotice(leg.rx, leg.callId, (n) => isRoster(n) && ((n.resourceData as Json[]) ?? []).some(match));

export const entryOf = (notice: Notice, match: (entry: Json) => boolean): Json => (notice.resourceData as Json[]).find(match)!;

/** The path of a Location header on the test server. */
export const pathOf = (e2e: E2e, location: unknown): string => String(location).slice(e2e.server.httpsUrl.length).replace(/^\/(v1\.0|beta)/, '');
