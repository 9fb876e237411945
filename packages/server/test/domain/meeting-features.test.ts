import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOutgoingCall, establishCall } from '../../src/domain/calls/call-leg.js';
import { endSessionsOf, sessionsOf, startSharing, stopSharing } from '../../src/domain/calls/content-sharing.js';
import { answerInvitations, checkInvite, invitedParticipant, ringingFor } from '../../src/domain/calls/invitations.js';
import { dropVirtualParticipantsOf, galleryParticipant, nextGalleryPage } from '../../src/domain/calls/large-gallery.js';
import { assertComplianceRecordingCall, reportRecordingStatus } from '../../src/domain/calls/recording.js';
import { addParticipant, addParticipants, openConference } from '../../src/domain/calls/roster.js';
import { changeScreenSharingRole } from '../../src/domain/calls/screen-sharing-role.js';
import { acceptTransfer, completeTransfer, failTransfer, startTransfer } from '../../src/domain/calls/transfer.js';
import type { Call, CallEvent, Conference } from '../../src/domain/calls/types.js';
import { DomainError, type ErrorId } from '../../src/domain/errors/index.js';
import { T0, TENANT, newCall, person } from './call-fixtures.js';

const fails = (id: ErrorId) => (error: unknown): boolean => error instanceof DomainError && error.id === id;
const types = (events: CallEvent[]): string[] => events.map((e) => (e.type === 'contentSharing:changed' ? `${e.type}:${e.changeType}` : e.type));

const appEntry = { ...person('p-app'), kind: 'app' as const, identity: { kind: 'application' as const, id: 'app-1' }, callId: 'call-1' };
const conferenceWith = (...ids: string[]): Conference =>
  addParticipants(openConference({ id: 'conf-1', kind: 'meeting', tenantId: TENANT }, T0), [appEntry, ...ids.map((id) => person(id))], T0).value;
const established = (overrides: Partial<Call> = {}): Call => establishCall(createOutgoingCall(newCall(overrides), T0).value, T0).value;

describe('compliance recording', () => {
  const policy = (...recordingAppIds: string[]) => ({ complianceRecordingPolicy: { recordingAppIds } });

  it('needs a policy naming the app, tenant-wide or held by a user in the call (else 8506)', () => {
    assert.doesNotThrow(() => assertComplianceRecordingCall('APP-1', { tenant: policy('app-1'), users: [] }));
    assert.doesNotThrow(() => assertComplianceRecordingCall('app-1', { users: [{}, policy('other', 'app-1')] }));
    assert.throws(() => assertComplianceRecordingCall('app-1', { tenant: policy('other'), users: [policy('other')] }), fails('notComplianceRecordingCall'));
    assert.throws(() => assertComplianceRecordingCall('app-1', { tenant: {}, users: [] }), (e: unknown) => e instanceof DomainError && e.status === 403 && e.message === 'API call not allowed for non-Compliance Recording call');
  });

  it("shows the status on the app's roster entry, once per change", () => {
    const info = { initiator: appEntry.identity, status: 'recording' as const };
    const reported = reportRecordingStatus(conferenceWith('a'), 'p-app', info);
    assert.deepEqual(reported.value.participants[0]?.recordingInfo, info);
    assert.deepEqual(types(reported.events), ['roster:updated']);
    assert.deepEqual(reportRecordingStatus(reported.value, 'p-app', info).events, []);
  });
});

describe('large gallery view', () => {
  it('is a virtual application participant of the leg, one page per request, leaving with the leg', () => {
    let conference = conferenceWith('a');
    for (const id of ['g1', 'g2']) {
      const page = nextGalleryPage(conference, 'call-1');
      conference = addParticipant(conference, galleryParticipant({ participantId: id, ownerCallId: 'call-1', applicationId: 'lg-app', page }), T0).value;
    }
    const [g1, g2] = conference.participants.filter((p) => p.kind === 'virtual');
    assert.deepEqual([g1?.identity.applicationType, g1?.video, JSON.parse(g2!.metadata!).audienceView.id], ['LargeGallery-V2', 'sendReceive', 'call-1/2']);
    const dropped = dropVirtualParticipantsOf(conference, 'call-1');
    assert.deepEqual(dropped.value.participants.map((p) => p.id), ['p-app', 'a']);
    assert.deepEqual(types(dropped.events), ['roster:removed', 'roster:removed']);
    assert.deepEqual(dropVirtualParticipantsOf(conference, 'call-2').events, []);
  });
});

describe('content sharing', () => {
  it('opens a session with a roster update and closes both', () => {
    const started = startSharing(conferenceWith('a'), 'a', 's-1', T0);
    assert.deepEqual(sessionsOf(started.value), [{ id: 's-1', participantId: 'a', startedAt: T0 }]);
    assert.deepEqual(types(started.events), ['roster:updated', 'contentSharing:changed:created']);
    const stopped = stopSharing(started.value, 'a');
    assert.deepEqual([sessionsOf(stopped.value), stopped.value.participants[1]?.screenSharing], [[], 'inactive']);
    assert.deepEqual(types(stopped.events), ['roster:updated', 'contentSharing:changed:deleted']);
    assert.deepEqual(types(endSessionsOf(started.value, 'a').events), ['contentSharing:changed:deleted']);
    assert.deepEqual(endSessionsOf(stopped.value, 'a').events, []);
  });

  it('is for people who are in the call', () => {
    const conference = addParticipant(conferenceWith(), person('ringing', { invitation: { operationId: 'op', callId: 'call-1', invitedAt: T0 } }), T0).value;
    assert.throws(() => startSharing(conference, 'p-app', 's', T0), fails('participantCannotShare'));
    assert.throws(() => startSharing(conference, 'ringing', 's', T0), fails('participantCannotShare'));
  });
});

describe('invitations', () => {
  const meetingCall = established();

  it('checks the group call, the count and the chat', () => {
    assert.doesNotThrow(() => checkInvite(meetingCall, 5, { hasChat: true }));
    assert.throws(() => checkInvite(meetingCall, 6, { hasChat: true }), fails('inviteTooManyParticipants'));
    assert.throws(() => checkInvite(established({ scenario: 'groupCall' }), 2, { hasChat: false }), fails('inviteNeedsChat'));
    assert.throws(() => checkInvite(established({ scenario: 'peerToPeer' }), 1, { hasChat: false }), fails('actionNeedsGroupCall'));
  });

  it('answers the invitees still ringing in one roster version', () => {
    const ring = (id: string) => invitedParticipant(id, { kind: 'user', id: `user-${id}` }, { operationId: 'op-1', callId: 'call-1', invitedAt: T0 });
    const conference = addParticipants(conferenceWith(), [ring('x'), ring('y')], T0).value;
    assert.deepEqual(ringingFor(conference, 'op-1'), ['x', 'y']);
    const answered = answerInvitations(conference, ['x', 'y']);
    assert.deepEqual(ringingFor(answered.value, 'op-1'), []);
    assert.deepEqual(answered.value.participants.slice(1).map((p) => [p.audio, p.rosterSequenceNumber, 'invitation' in p]), [['sendReceive', 3, false], ['sendReceive', 3, false]]);
    assert.deepEqual(types(answered.events), ['roster:updated']);
  });
});

describe('transfer', () => {
  const target = { kind: 'user' as const, id: 'user-t' };

  it('moves transferring → transferAccepted → terminated 0/7015', () => {
    const started = startTransfer(established({ scenario: 'peerToPeer' }), target, T0);
    const accepted = acceptTransfer(started.value, T0);
    const done = completeTransfer(accepted.value, T0);
    assert.deepEqual([started.value.state, accepted.value.state, done.value.state], ['transferring', 'transferAccepted', 'terminated']);
    assert.deepEqual(done.value.resultInfo, { code: 0, subcode: 7015, message: 'GracefulTransferCompleted' });
    assert.deepEqual(types(done.events), ['call:deleted']);
  });

  it('fails back to established, notifying 500/7000 without keeping it', () => {
    const failed = failTransfer(startTransfer(established({ scenario: 'incoming' }), target, T0).value, T0);
    assert.deepEqual([failed.value.state, failed.value.resultInfo, failed.value.transferTarget], ['established', undefined, undefined]);
    const notified = (failed.events[0] as { call: Call }).call;
    assert.deepEqual([notified.resultInfo?.code, notified.resultInfo?.subcode], [500, 7000]);
  });

  it('is for established peer-to-peer calls', () => {
    assert.throws(() => startTransfer(established(), target, T0), fails('transferNeedsPeerToPeer'));
    assert.throws(() => startTransfer(createOutgoingCall(newCall({ scenario: 'peerToPeer' }), T0).value, target, T0), fails('actionNeedsEstablishedCall'));
  });
});

describe('screen sharing role', () => {
  it('sends as sharer, receives as viewer when asked for, only with app-hosted media', () => {
    const call = established({ mediaHosting: 'app' });
    const sharer = changeScreenSharingRole(call, conferenceWith(), 'sharer');
    assert.equal(sharer.value.participants[0]?.screenSharing, 'sendOnly');
    assert.equal(changeScreenSharingRole(call, sharer.value, 'viewer').value.participants[0]?.screenSharing, 'inactive');
    assert.throws(() => changeScreenSharingRole(established(), conferenceWith(), 'sharer'), fails('screenSharingNeedsAppHostedMedia'));
  });
});
