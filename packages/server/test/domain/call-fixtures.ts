import type { NewCall } from '../../src/domain/calls/call-leg.js';
import type { NewParticipant } from '../../src/domain/calls/roster.js';
import type { Meeting } from '../../src/domain/world/types.js';

export const T0 = Date.parse('2026-01-15T10:00:00Z');

export const TENANT = 'tenant-a';

export function newCall(overrides: Partial<NewCall> = {}): NewCall {
  return {
    id: 'call-1',
    appId: 'app-1',
    tenantId: TENANT,
    direction: 'outgoing',
    scenario: 'meeting',
    mediaHosting: 'service',
    callbackUri: 'https://bot.example/callback',
    callChainId: 'chain-1',
    conferenceId: 'conf-1',
    myParticipantId: 'p-app',
    source: { kind: 'application', id: 'app-1', displayName: 'Bot', tenantId: TENANT },
    targets: [],
    requestedModalities: ['audio'],
    grantedBy: 'Calls.JoinGroupCall.All',
    joinedAsGuest: false,
    apiVersion: 'v1.0',
    contentSharingNotifications: false,
    echo: {},
    ...overrides,
  };
}

export function person(id: string, overrides: Partial<NewParticipant> = {}): NewParticipant {
  return {
    id,
    kind: 'person',
    identity: { kind: 'user', id: `user-${id}`, displayName: `Person ${id}`, tenantId: TENANT },
    isMuted: false,
    isInLobby: false,
    audio: 'sendReceive',
    video: 'inactive',
    screenSharing: 'inactive',
    serverMuted: false,
    ...overrides,
  };
}

export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'meeting-1',
    tenantId: TENANT,
    organizerId: 'organizer',
    subject: 'Stand-up',
    joinWebUrl: 'https://teams.example/l/meetup-join/x',
    joinMeetingId: '123456789',
    chatThreadId: '19:meeting_x@thread.v2',
    lobbyBypass: 'organization',
    startDateTime: '2026-01-15T10:00:00Z',
    endDateTime: '2026-01-15T10:30:00Z',
    ...overrides,
  };
}
