import type { ControlClient, Json } from './harness.js';
import type { MeetingRoster, PersonJoined } from '../../../src/calls/people/people-types.js';

export type { MeetingRoster, PersonJoined };

/** The control API's simulated people and callback views, as typed helpers (src/http/control/people-routes.ts, delivery-routes.ts). */

export interface DeliveryView {
  id: number;
  seq: number;
  callId: string;
  appId: string;
  tenantId: string;
  url: string;
  attempt: number;
  at: string;
  status?: number;
  latencyMs?: number;
  error?: string;
  outcome: 'delivered' | 'retrying' | 'abandoned';
  summary: string;
  requestId?: string;
  payload: unknown;
  jwtClaims: Json;
}

export function people(control: ControlClient) {
  const participant = (joined: PersonJoined) => `/conferences/${joined.conferenceId}/participants/${joined.participantId}`;
  return {
    join: (meetingId: string, who: { userId: string } | { guest: { displayName: string } }, options: { muted?: boolean } = {}) =>
      control.expect<PersonJoined>(201, 'POST', `/meetings/${meetingId}/people`, { ...who, ...options }),
    mute: (joined: PersonJoined) => control.expect<Json>(200, 'POST', `${participant(joined)}/mute`),
    unmute: (joined: PersonJoined) => control.expect<Json>(200, 'POST', `${participant(joined)}/unmute`),
    admit: (joined: PersonJoined) => control.expect<Json>(200, 'POST', `${participant(joined)}/admit`),
    leave: (joined: PersonJoined) => control.expect(204, 'DELETE', participant(joined)),
    remove: (joined: PersonJoined) => control.expect(204, 'POST', `${participant(joined)}/remove`),
    roster: (meetingId: string) => control.expect<MeetingRoster>(200, 'GET', `/meetings/${meetingId}/roster`),
    /** Ends the meeting if anyone is in it (cleanup between tests). */
    async endMeeting(meetingId: string): Promise<void> {
      const result = await control.request('POST', `/meetings/${meetingId}/end`);
      if (result.status !== 204 && result.status !== 409) throw new Error(`ending meeting ${meetingId}: ${result.status} ${result.raw}`);
    },
    /** A user calls the app; returns the app's incoming call id. */
    callApp: async (userId: string, appId: string) => (await control.expect<{ callId: string }>(201, 'POST', `/users/${userId}/call`, { appId })).callId,
    /** A person in a meeting invites the app; returns the app's incoming call id. */
    inviteApp: async (joined: PersonJoined, appId: string) => (await control.expect<{ callId: string }>(201, 'POST', `${participant(joined)}/invite-app`, { appId })).callId,
    hangUp: (callId: string) => control.expect(204, 'POST', `/calls/${callId}/hangup`),
    setWebhook: (appId: string, url: string | null) => control.expect<Json>(200, 'PATCH', `/apps/${appId}`, { callingWebhookUrl: url }),
    /** Delivery attempts of a call, oldest first (the API lists newest first). */
    deliveries: async (callId: string) => (await control.expect<{ value: DeliveryView[] }>(200, 'GET', `/deliveries?callId=${encodeURIComponent(callId)}&limit=1000`)).value.reverse(),
    redeliver: (id: number) => control.expect<{ seq: number; callId: string; url: string }>(200, 'POST', `/deliveries/${id}/redeliver`),
  };
}

export type People = ReturnType<typeof people>;
