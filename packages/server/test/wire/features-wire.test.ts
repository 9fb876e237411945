import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { galleryParticipant } from '../../src/domain/calls/large-gallery.js';
import { graphNotificationFactory } from '../../src/wire/notification-factory.js';
import { participantToGraph } from '../../src/wire/participant-to-graph.js';
import { parseClientContextOnly, parseInvite, parseRecordingStatus, parseScreenSharingRole, parseTransfer } from '../../src/wire/requests/features.js';
import { assertWireError } from './support/assert-wire-error.js';
import { BOT, buildCall, buildConference, buildParticipant, JOHN } from './support/domain.js';

type Json = Record<string, unknown>;

describe('meeting features on the wire: participants', () => {
  it('shows recordingInfo with the initiator and the status', () => {
    const entry = participantToGraph(buildParticipant({ kind: 'app', identity: BOT, recordingInfo: { initiator: BOT, status: 'recording' } }), 'v1.0');
    assert.deepEqual(entry.recordingInfo, {
      '@odata.type': '#microsoft.graph.recordingInfo',
      initiator: { '@odata.type': '#microsoft.graph.identitySet', application: { '@odata.type': '#microsoft.graph.identity', displayName: BOT.displayName, id: BOT.id } },
      recordingStatus: 'recording',
    });
  });

  it('shows the large gallery participant as the concept page describes it', () => {
    const gallery = { ...galleryParticipant({ participantId: 'g-1', ownerCallId: 'call-1', applicationId: 'lg-app', page: 1 }), joinedAt: 0, rosterSequenceNumber: 4 };
    const entry = participantToGraph(gallery, 'beta');
    const identity = ((entry.info as Json).identity as Json).application as Json;
    assert.equal(identity.ApplicationType, 'LargeGallery-V2');
    assert.ok((entry.mediaStreams as Json[]).some((s) => s.label === 'main-video' && s.direction === 'sendReceive'));
    assert.equal(typeof entry.metadata, 'string');
    assert.equal(JSON.parse(entry.metadata as string).audienceView.type, 'lg');
  });
});

describe('meeting features on the wire: content sharing notifications', () => {
  const conference = buildConference();
  const event = { type: 'contentSharing:changed' as const, conference, changeType: 'created' as const, sessions: [{ id: 's-1', participantId: 'p', startedAt: 0 }] };

  it('goes only to legs that asked for it, on the lowercase sessions URL', () => {
    const asked = buildCall({ scenario: 'meeting', state: 'established', contentSharingNotifications: true });
    const message = graphNotificationFactory.forLeg(event, asked);
    const item = (message?.body.value as Json[])[0]!;
    assert.deepEqual([item.changeType, item.resourceUrl], ['created', `/communications/calls/${asked.id}/contentsharingsessions`]);
    assert.deepEqual(item.resourceData, [{ '@odata.type': '#microsoft.graph.contentSharingSession', id: 's-1' }]);
    assert.equal(graphNotificationFactory.forLeg(event, { ...asked, contentSharingNotifications: false }), undefined);
  });
});

describe('meeting features on the wire: request bodies', () => {
  it('reads updateRecordingStatus (any case) and refuses what the enum lacks', () => {
    assert.deepEqual(parseRecordingStatus({ status: 'Recording', clientContext: 'c' }), { status: 'recording', clientContext: 'c' });
    assertWireError(() => parseRecordingStatus({ status: 'notRecording | recording | failed' }), { id: 'invalidPropertyValue', mentions: ['status'] });
    assertWireError(() => parseRecordingStatus({}), { id: 'requiredProperty', mentions: ['status'] });
    assertWireError(() => parseRecordingStatus(undefined), { id: 'emptyPayload' });
  });

  it('reads a bare clientContext, also from an empty body', () => {
    assert.deepEqual(parseClientContextOnly(undefined), {});
    assert.deepEqual(parseClientContextOnly({ clientContext: 'x' }), { clientContext: 'x' });
    assertWireError(() => parseClientContextOnly({ clientContext: 7 }), { id: 'invalidPropertyValue', mentions: ['clientContext'] });
  });

  it('reads invite participants with their echo, and needs an identity', () => {
    const participant = { '@odata.type': '#microsoft.graph.invitationParticipantInfo', replacesCallId: 'r', identity: { user: { id: JOHN.id, displayName: 'John' } } };
    const command = parseInvite({ participants: [participant], clientContext: 'c' });
    assert.deepEqual(command.invitees, [{ kind: 'user', id: JOHN.id, displayName: 'John' }]);
    assert.deepEqual(command.echo, [participant]);
    assertWireError(() => parseInvite({ participants: [{ identity: {} }] }), { id: 'invalidPropertyValue', mentions: ['participants[0].identity'] });
    assertWireError(() => parseInvite({}), { id: 'requiredProperty', mentions: ['participants'] });
  });

  it('reads the screen sharing role and the transfer target', () => {
    assert.deepEqual(parseScreenSharingRole({ role: 'Sharer' }), { role: 'sharer' });
    assertWireError(() => parseScreenSharingRole({ role: 'presenter' }), { id: 'invalidPropertyValue', mentions: ['role'] });
    assert.deepEqual(parseTransfer({ transferTarget: { endpointType: 'default', identity: { user: { id: 'u-1' } }, replacesCallId: 'c-2' }, clientContext: 'x' }), {
      target: { kind: 'user', id: 'u-1' },
      replacesCallId: 'c-2',
      clientContext: 'x',
    });
    assertWireError(() => parseTransfer({}), { id: 'requiredProperty', mentions: ['transferTarget'] });
  });
});
