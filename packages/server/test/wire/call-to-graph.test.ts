import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callStateToGraph, callToGraph } from '../../src/wire/call-to-graph.js';
import { identitySet } from '../../src/wire/identity-set.js';
import { BOT, buildCall, JOHN } from './support/domain.js';

const CHAT = { '@odata.type': '#microsoft.graph.chatInfo', threadId: '19:meeting_x@thread.v2', messageId: '0' };
const MEETING = { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: '1234567' };

describe('identitySet', () => {
  it('puts the identity under its kind, with only the members it has', () => {
    assert.deepEqual(identitySet(JOHN), {
      '@odata.type': '#microsoft.graph.identitySet',
      user: { '@odata.type': '#microsoft.graph.identity', displayName: 'John', id: JOHN.id, tenantId: JOHN.tenantId },
    });
    assert.deepEqual(identitySet({ kind: 'phone', id: '+12345678901' }), { '@odata.type': '#microsoft.graph.identitySet', phone: { '@odata.type': '#microsoft.graph.identity', id: '+12345678901' } });
    assert.deepEqual(Object.keys(identitySet({ kind: 'guest', id: 'g', displayName: 'Guest' })), ['@odata.type', 'guest']);
  });
});

describe('callToGraph', () => {
  it('writes the call resource as create and GET return it', () => {
    const call = buildCall({ echo: { mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' }, subject: 'Hello' } });
    const json = callToGraph(call, { version: 'v1.0' });
    assert.equal(json['@odata.type'], '#microsoft.graph.call');
    assert.equal(json.state, 'establishing');
    assert.equal(json.direction, 'outgoing');
    assert.equal(json.subject, 'Hello');
    assert.deepEqual(json.callRoutes, []);
    assert.deepEqual(json.source, { '@odata.type': '#microsoft.graph.participantInfo', identity: identitySet(BOT), region: null, languageId: null });
    assert.deepEqual(json.targets, [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: identitySet(JOHN) }]);
    assert.deepEqual(json.mediaConfig, { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' });
    assert.equal(json.myParticipantId, call.myParticipantId);
    assert.equal(json.callChainId, call.callChainId);
    assert.equal(json.tenantId, call.tenantId);
    assert.equal(json.id, call.id);
    for (const unset of ['chatInfo', 'meetingInfo', 'resultInfo', 'mediaState', 'toneInfo', 'transcription']) assert.equal(json[unset], null, unset);
  });

  it('shows beta-only properties on beta only (BEHAVIOR.md §10)', () => {
    const beta = ['activeModalities', 'answeredBy', 'meetingCapability', 'ringingTimeoutInSeconds', 'routingPolicies', 'terminationReason'];
    const call = buildCall({ state: 'established', echo: { routingPolicies: ['noMissedCall'], ringingTimeoutInSeconds: 30 } });
    const v1 = callToGraph(call, { version: 'v1.0' });
    for (const name of beta) assert.equal(name in v1, false, name);
    const json = callToGraph(call, { version: 'beta' });
    assert.deepEqual(json.activeModalities, []);
    assert.deepEqual(json.routingPolicies, ['noMissedCall']);
    assert.equal(json.ringingTimeoutInSeconds, 30);
    assert.equal(json.answeredBy, null);
  });

  it('shows `ringing` on beta and establishing on v1.0, whose enum lacks it', () => {
    const call = buildCall({ state: 'ringing' });
    assert.equal(callToGraph(call, { version: 'beta' }).state, 'ringing');
    assert.equal(callToGraph(call, { version: 'v1.0' }).state, 'establishing');
  });

  it('echoes meeting properties, completing chatInfo like Graph', () => {
    const json = callToGraph(buildCall({ echo: { chatInfo: CHAT, meetingInfo: MEETING, callOptions: { isContentSharingNotificationEnabled: true } } }), { version: 'v1.0' });
    assert.deepEqual(json.chatInfo, { replyChainMessageId: null, ...CHAT });
    assert.deepEqual(json.meetingInfo, MEETING);
    assert.deepEqual(json.callOptions, { isContentSharingNotificationEnabled: true });
  });

  it('writes resultInfo with numeric codes', () => {
    const json = callToGraph(buildCall({ state: 'terminated', resultInfo: { code: 200, subcode: 5001, message: 'The conversation has ended.' } }), { version: 'v1.0' });
    assert.deepEqual(json.resultInfo, { '@odata.type': '#microsoft.graph.resultInfo', code: 200, subcode: 5001, message: 'The conversation has ended.' });
  });

  it('derives the media config from the hosting when nothing was echoed, and shows none while ringing in', () => {
    assert.deepEqual(callToGraph(buildCall({ mediaHosting: 'app', echo: {} }), { version: 'v1.0' }).mediaConfig, { '@odata.type': '#microsoft.graph.appHostedMediaConfig' });
    assert.equal(callToGraph(buildCall({ state: 'incoming', direction: 'incoming', echo: {} }), { version: 'v1.0' }).mediaConfig, null);
  });

  it('writes myParticipantId null while the leg has no roster entry', () => {
    assert.equal(callToGraph(buildCall({ myParticipantId: undefined }), { version: 'v1.0' }).myParticipantId, null);
  });
});

describe('callStateToGraph', () => {
  it('writes the partial call of a state notification', () => {
    assert.deepEqual(callStateToGraph(buildCall({ state: 'established' }), { version: 'v1.0' }), {
      '@odata.type': '#microsoft.graph.call',
      state: 'established',
      direction: 'outgoing',
      id: '2e1a0b00-2db4-4022-9570-243709c565ab',
    });
  });

  it('adds the meeting and the end reason when there are any', () => {
    const json = callStateToGraph(buildCall({ state: 'terminated', echo: { chatInfo: CHAT, meetingInfo: MEETING }, resultInfo: { code: 200, subcode: 5001, message: 'ended' } }), { version: 'v1.0' });
    assert.deepEqual(json.chatInfo, CHAT);
    assert.deepEqual(json.meetingInfo, MEETING);
    assert.deepEqual(json.resultInfo, { '@odata.type': '#microsoft.graph.resultInfo', code: 200, subcode: 5001, message: 'ended' });
  });
});
