import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Call, CallEvent } from '../../src/domain/calls/types.js';
import type { CallbackMessage } from '../../src/notify/callback-message.js';
import { graphNotificationFactory } from '../../src/wire/notification-factory.js';
import { botParticipant, buildCall, buildConference, buildParticipant, JOHN } from './support/domain.js';

type Item = { '@odata.type': string; changeType: string; resourceUrl: string; callbackUri: string; resourceData: Record<string, unknown> | Record<string, unknown>[] };

const forLeg = (event: CallEvent, leg: Call): CallbackMessage | undefined => graphNotificationFactory.forLeg(event, leg);

function onlyItem(message: CallbackMessage | undefined): Item {
  assert.ok(message, 'a notification');
  assert.equal(message.body['@odata.type'], '#microsoft.graph.commsNotifications');
  const items = message.body.value as Item[];
  assert.equal(items.length, 1);
  assert.equal(items[0]!['@odata.type'], '#microsoft.graph.commsNotification');
  return items[0]!;
}

const meetingLeg = (overrides: Partial<Call> = {}) => buildCall({ scenario: 'meeting', state: 'established', targets: [], ...overrides });

describe('graphNotificationFactory: call state', () => {
  it('addresses the leg: its callbackUri, app, tenant and stream', () => {
    const leg = buildCall({ state: 'established', callbackUri: 'https://bot.example/cb', appId: 'app-1', tenantId: 'tenant-1' });
    const message = forLeg({ type: 'call:stateChanged', call: leg }, leg);
    assert.ok(message);
    assert.deepEqual({ kind: message.kind, callId: message.callId, appId: message.appId, tenantId: message.tenantId, url: message.url }, { kind: 'callback', callId: leg.id, appId: 'app-1', tenantId: 'tenant-1', url: 'https://bot.example/cb' });
    assert.equal(message.summary, 'call established');
  });

  it('sends `updated` with the partial call on the canonical call URL', () => {
    const leg = buildCall({ state: 'establishing' });
    const item = onlyItem(forLeg({ type: 'call:stateChanged', call: leg }, leg));
    assert.equal(item.changeType, 'updated');
    assert.equal(item.resourceUrl, `/communications/calls/${leg.id}`);
    assert.equal(item.callbackUri, leg.callbackUri);
    assert.deepEqual(item.resourceData, { '@odata.type': '#microsoft.graph.call', state: 'establishing', direction: 'outgoing', id: leg.id });
  });

  it('sends `deleted` with state terminated and the result once the call ended', () => {
    const leg = buildCall({ state: 'terminated', resultInfo: { code: 200, subcode: 5001, message: 'The conversation has ended.' } });
    const message = forLeg({ type: 'call:deleted', call: leg }, leg);
    const item = onlyItem(message);
    assert.equal(item.changeType, 'deleted');
    assert.deepEqual((item.resourceData as Record<string, unknown>).resultInfo, { '@odata.type': '#microsoft.graph.resultInfo', code: 200, subcode: 5001, message: 'The conversation has ended.' });
    assert.equal((item.resourceData as Record<string, unknown>).state, 'terminated');
    assert.equal(message!.summary, 'call terminated (200/5001)');
  });

  it('writes `ringing` for a v1.0 leg as establishing', () => {
    const leg = buildCall({ state: 'ringing', apiVersion: 'v1.0' });
    assert.equal((onlyItem(forLeg({ type: 'call:stateChanged', call: leg }, leg)).resourceData as Record<string, unknown>).state, 'establishing');
  });

  it('announces an incoming call with `created` and the whole call', () => {
    const leg = buildCall({ direction: 'incoming', scenario: 'incoming', state: 'incoming', source: JOHN, targets: [], myParticipantId: undefined, echo: {} });
    const message = forLeg({ type: 'call:created', call: leg }, leg);
    const item = onlyItem(message);
    assert.equal(item.changeType, 'created');
    const call = item.resourceData as Record<string, unknown>;
    assert.equal(call.state, 'incoming');
    assert.equal(call.direction, 'incoming');
    assert.equal(call.id, leg.id);
    assert.equal(message!.summary, 'incoming call from John');
  });

  it('does not announce an outgoing call (the 201 did) nor tell a leg about another call', () => {
    const leg = buildCall();
    assert.equal(forLeg({ type: 'call:created', call: leg }, leg), undefined);
    const other = buildCall({ id: 'other' });
    assert.equal(forLeg({ type: 'call:stateChanged', call: other }, leg), undefined);
    assert.equal(forLeg({ type: 'call:deleted', call: other }, leg), undefined);
  });

  it('shapes beta legs with beta’s enums', () => {
    const leg = buildCall({ state: 'ringing', apiVersion: 'beta' });
    assert.equal((onlyItem(forLeg({ type: 'call:stateChanged', call: leg }, leg)).resourceData as Record<string, unknown>).state, 'ringing');
  });
});

describe('graphNotificationFactory: roster', () => {
  const john = buildParticipant({ rosterSequenceNumber: 3 });

  it('sends `updated` with an array of the changed participants on the participants URL', () => {
    const leg = meetingLeg();
    const conference = buildConference({ participants: [john, botParticipant(leg)] });
    const message = forLeg({ type: 'roster:updated', conference, participants: [john, botParticipant(leg)] }, leg);
    const item = onlyItem(message);
    assert.equal(item.changeType, 'updated');
    assert.equal(item.resourceUrl, `/communications/calls/${leg.id}/participants`);
    assert.ok(Array.isArray(item.resourceData));
    assert.deepEqual(item.resourceData.map((p) => p.id), [john.id, leg.myParticipantId]);
    assert.equal(item.resourceData[0]!.rosterSequenceNumber, 3);
    assert.equal(message!.summary, 'roster updated (2)');
  });

  it('sends `deleted` with the departed participants', () => {
    const leg = meetingLeg();
    const message = forLeg({ type: 'roster:removed', conference: buildConference({ participants: [botParticipant(leg)] }), participants: [john] }, leg);
    const item = onlyItem(message);
    assert.equal(item.changeType, 'deleted');
    assert.deepEqual((item.resourceData as Record<string, unknown>[]).map((p) => p.id), [john.id]);
    assert.equal(message!.summary, 'roster removed (1)');
  });

  it('tells nothing about peer-to-peer rosters, other conferences or to ended legs', () => {
    const leg = meetingLeg();
    const event = (kind: 'meeting' | 'peerToPeer', id = 'conference-1'): CallEvent => ({ type: 'roster:updated', conference: buildConference({ id, kind }), participants: [john] });
    assert.equal(forLeg(event('peerToPeer'), leg), undefined);
    assert.equal(forLeg(event('meeting', 'conference-2'), leg), undefined);
    assert.equal(forLeg(event('meeting'), meetingLeg({ state: 'terminated' })), undefined);
    assert.equal(forLeg(event('meeting'), meetingLeg({ conferenceId: undefined })), undefined);
  });

  it('shows a leg waiting in the lobby only its own entry', () => {
    const leg = meetingLeg({ joinedAsGuest: true });
    const waiting = botParticipant(leg, { isInLobby: true });
    const conference = buildConference({ participants: [john, waiting] });
    const item = onlyItem(forLeg({ type: 'roster:updated', conference, participants: [john, waiting] }, leg));
    assert.deepEqual((item.resourceData as Record<string, unknown>[]).map((p) => [p.id, p.isInLobby]), [[waiting.id, true]]);
    assert.equal(forLeg({ type: 'roster:updated', conference, participants: [john] }, leg), undefined);
    const admitted = botParticipant(leg);
    const afterAdmission = onlyItem(forLeg({ type: 'roster:updated', conference: buildConference({ participants: [john, admitted] }), participants: [john, admitted] }, leg));
    assert.equal((afterAdmission.resourceData as unknown[]).length, 2);
  });

  it('uses the leg’s own entry when the caller hands it over, without searching the roster', () => {
    const leg = meetingLeg({ joinedAsGuest: true });
    const waiting = botParticipant(leg, { isInLobby: true });
    // The roster here cannot be searched: the handed-over entry must be what decides.
    const unsearchable = new Proxy([john, waiting], { get: (target, key) => (key === 'find' ? () => assert.fail('the roster was searched') : Reflect.get(target, key)) });
    const conference = buildConference({ participants: unsearchable });
    assert.equal(graphNotificationFactory.forLeg({ type: 'roster:updated', conference, participants: [john] }, leg, waiting), undefined);
    const admitted = botParticipant(leg);
    const item = onlyItem(graphNotificationFactory.forLeg({ type: 'roster:updated', conference, participants: [john] }, leg, admitted));
    assert.deepEqual((item.resourceData as Record<string, unknown>[]).map((p) => p.id), [john.id]);
  });

  it('writes participants in the leg’s version', () => {
    const leg = meetingLeg({ apiVersion: 'beta' });
    const item = onlyItem(forLeg({ type: 'roster:updated', conference: buildConference(), participants: [john] }, leg));
    assert.equal((item.resourceData as Record<string, unknown>[])[0]!.isIdentityAnonymized, false);
  });
});
