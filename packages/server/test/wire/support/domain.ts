import { randomUUID } from 'node:crypto';
import type { Caller, CreateCallCommand } from '../../../src/calls/calls-api.js';
import type { Call, Conference, Identity, Participant } from '../../../src/domain/calls/types.js';
import { DEMO } from '../../../src/world/demo-world.js';

/** Domain values for mapper and route tests: plausible defaults, every field overridable. */

export const BOT: Identity = { kind: 'application', id: DEMO.appId, displayName: 'Calling Bot' };

export const JOHN: Identity = { kind: 'user', id: '112f7296-5fa4-42ca-bae8-6a692b15d4b8', displayName: 'John', tenantId: DEMO.tenantId };

export function buildCall(overrides: Partial<Call> = {}): Call {
  return {
    id: '2e1a0b00-2db4-4022-9570-243709c565ab',
    appId: DEMO.appId,
    tenantId: DEMO.tenantId,
    direction: 'outgoing',
    scenario: 'peerToPeer',
    state: 'establishing',
    mediaHosting: 'service',
    callbackUri: 'https://bot.contoso.com/callback',
    callChainId: 'd8217646-3110-40b1-bae6-e9ac6c3a9f74',
    conferenceId: 'conference-1',
    myParticipantId: '499ff390-7a72-40e8-83a0-8fac6295ae7e',
    source: BOT,
    targets: [JOHN],
    requestedModalities: ['audio'],
    grantedBy: 'Calls.Initiate.All',
    joinedAsGuest: false,
    apiVersion: 'v1.0',
    contentSharingNotifications: false,
    echo: { mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' } },
    createdAt: 0,
    stateChangedAt: 0,
    lastKeepAliveAt: 0,
    ...overrides,
  };
}

export function buildParticipant(overrides: Partial<Participant> = {}): Participant {
  return {
    id: '0d7664b6-6432-43ed-8d27-d9e7adec188c',
    kind: 'person',
    identity: JOHN,
    isMuted: false,
    isInLobby: false,
    audio: 'sendReceive',
    video: 'inactive',
    screenSharing: 'inactive',
    serverMuted: false,
    joinedAt: 0,
    rosterSequenceNumber: 1,
    ...overrides,
  };
}

/** The bot's own roster entry for `call`. */
export function botParticipant(call: Call, overrides: Partial<Participant> = {}): Participant {
  return buildParticipant({ id: call.myParticipantId!, kind: 'app', identity: call.source, callId: call.id, ...overrides });
}

export function buildConference(overrides: Partial<Conference> = {}): Conference {
  return { id: 'conference-1', kind: 'meeting', tenantId: DEMO.tenantId, state: 'active', participants: [], rosterSequence: 1, createdAt: 0, ...overrides };
}

/** What CallService is expected to make of a create command: a new outgoing leg, establishing. */
export function callFromCommand(caller: Caller, command: CreateCallCommand): Call {
  const scenario = command.meeting ? 'meeting' : command.targets.length === 1 ? 'peerToPeer' : 'groupCall';
  const source: Identity = command.guest
    ? { kind: 'guest', id: command.guest.id ?? randomUUID(), displayName: command.guest.displayName }
    : (command.applicationInstance ?? { ...BOT, id: caller.appId });
  return buildCall({
    id: randomUUID(),
    appId: caller.appId,
    tenantId: command.tenantId ?? caller.tenantId,
    scenario,
    mediaHosting: command.mediaHosting,
    callbackUri: command.callbackUri,
    callChainId: randomUUID(),
    myParticipantId: randomUUID(),
    source,
    targets: command.targets,
    requestedModalities: command.requestedModalities,
    joinedAsGuest: command.guest !== undefined,
    apiVersion: command.version,
    contentSharingNotifications: command.contentSharingNotifications,
    echo: command.echo,
  });
}
