import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meetingIdFromToken, meetingToken } from '../../src/domain/calls/meeting-token.js';
import { appParticipant, personParticipant } from '../../src/domain/calls/participants.js';
import { grantFor, scenarioPermissions } from '../../src/domain/calls/scenario-permissions.js';
import { createOutgoingCall } from '../../src/domain/calls/call-leg.js';
import { DomainError } from '../../src/domain/errors/index.js';
import { T0, newCall } from './call-fixtures.js';

const is7504 = (error: unknown): boolean => error instanceof DomainError && error.id === 'insufficientTenantPermissions' && error.status === 403;

describe('scenario permissions (BEHAVIOR.md §2.2)', () => {
  it('names the permission of each create-call scenario', () => {
    assert.deepEqual(scenarioPermissions({ kind: 'meeting', asGuest: false }), ['Calls.JoinGroupCall.All', 'Calls.JoinGroupCalls.Chat']);
    assert.deepEqual(scenarioPermissions({ kind: 'meeting', asGuest: true }), ['Calls.JoinGroupCallAsGuest.All']);
    assert.deepEqual(scenarioPermissions({ kind: 'groupCall' }), ['Calls.InitiateGroupCall.All']);
    assert.deepEqual(scenarioPermissions({ kind: 'peerToPeer' }), ['Calls.Initiate.All']);
  });

  it('returns the granting permission, or 7504', () => {
    assert.equal(grantFor(['Calls.JoinGroupCall.All', 'Calls.JoinGroupCalls.Chat'], ['Calls.JoinGroupCalls.Chat'], 'service'), 'Calls.JoinGroupCalls.Chat');
    assert.throws(() => grantFor(['Calls.Initiate.All'], ['Calls.JoinGroupCall.All'], 'service'), is7504);
  });

  it('needs Calls.AccessMedia.All in addition for app-hosted media', () => {
    assert.throws(() => grantFor(['Calls.Initiate.All'], ['Calls.Initiate.All'], 'app'), is7504);
    assert.equal(grantFor(['Calls.Initiate.All'], ['Calls.Initiate.All', 'Calls.AccessMedia.All'], 'app'), 'Calls.Initiate.All');
  });
});

describe('meeting tokens', () => {
  it('round-trips a meeting id and rejects anything else', () => {
    const token = meetingToken('20800baa-0101-4476-808b-1289b755da8f');
    assert.match(token, /^sbmt1\./);
    assert.equal(meetingIdFromToken(token), '20800baa-0101-4476-808b-1289b755da8f');
    assert.equal(meetingIdFromToken('not-a-token'), undefined);
    assert.equal(meetingIdFromToken('sbmt1.'), undefined);
    assert.equal(meetingIdFromToken(`${token}=`), undefined);
  });
});

describe('roster entries', () => {
  it("makes an app's entry from its call (identity = source, video only when asked for)", () => {
    const call = createOutgoingCall(newCall({ requestedModalities: ['audio', 'video'] }), T0).value;
    const entry = appParticipant(call, 'p1', true);
    assert.deepEqual([entry.kind, entry.callId, entry.identity, entry.isInLobby, entry.audio, entry.video, entry.screenSharing], ['app', 'call-1', call.source, true, 'sendReceive', 'sendReceive', 'inactive']);
  });

  it('makes a person’s entry with their options', () => {
    const entry = personParticipant('p2', { kind: 'guest', id: 'g', displayName: 'Visitor' }, { muted: true, video: true });
    assert.deepEqual([entry.kind, entry.isMuted, entry.isInLobby, entry.video], ['person', true, false, 'sendReceive']);
  });
});
