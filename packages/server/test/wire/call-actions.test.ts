import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAnswer, parseRedirect, parseReject } from '../../src/wire/requests/index.js';
import { loadFixture, VERSIONS } from '../conformance/support/fixtures.js';
import { assertWireError } from './support/assert-wire-error.js';

const requestsOf = (page: string) =>
  VERSIONS.flatMap((version) => loadFixture(version, page).scenarios.flatMap((scenario) => scenario.requests.map((request) => ({ key: `${version}/${scenario.name}`, body: request.body }))));

const SERVICE_HOSTED = { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' };
const answerBody = (extra: Record<string, unknown> = {}) => ({ callbackUri: 'https://bot.contoso.com/api/calls', acceptedModalities: ['audio'], mediaConfig: SERVICE_HOSTED, ...extra });
const target = (id: string) => ({ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { user: { id } } });

describe('parseAnswer', () => {
  for (const { key, body } of requestsOf('call-answer')) {
    it(`reads the docs’ ${key}`, () => {
      const command = parseAnswer(body);
      assert.deepEqual(command.acceptedModalities, ['audio']);
      assert.ok(command.callbackUri);
    });
  }

  it('reads media hosting, capacity, content-sharing notifications and the echo', () => {
    const command = parseAnswer({
      ...answerBody(),
      mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: '<blob>' },
      participantCapacity: 200,
      callOptions: { '@odata.type': '#microsoft.graph.incomingCallOptions', isContentSharingNotificationEnabled: true },
    });
    assert.equal(command.mediaHosting, 'app');
    assert.equal(command.participantCapacity, 200);
    assert.equal(command.contentSharingNotifications, true);
    assert.deepEqual(command.echo, {
      mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: '<blob>' },
      callOptions: { '@odata.type': '#microsoft.graph.incomingCallOptions', isContentSharingNotificationEnabled: true },
    });
  });

  it('leaves callbackUri out when not given (the app’s webhook is used)', () => {
    const { callbackUri: _omitted, ...body } = answerBody();
    assert.equal('callbackUri' in parseAnswer(body), false);
  });

  it('refuses bodies without what the docs require', () => {
    assertWireError(() => parseAnswer(undefined), { id: 'emptyPayload' });
    assertWireError(() => parseAnswer(answerBody({ mediaConfig: undefined })), { id: 'missingMediaConfig', code: '8523' });
    assertWireError(() => parseAnswer(answerBody({ mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig' } })), { id: 'missingMediaConfigBlob', code: '8523' });
    assertWireError(() => parseAnswer(answerBody({ acceptedModalities: undefined })), { id: 'requiredProperty', mentions: ["'acceptedModalities'"] });
    assertWireError(() => parseAnswer(answerBody({ acceptedModalities: ['telepathy'] })), { id: 'invalidPropertyValue', mentions: ["'acceptedModalities[0]'"] });
    assertWireError(() => parseAnswer(answerBody({ participantCapacity: 0 })), { id: 'invalidPropertyValue', mentions: ["'participantCapacity'"] });
    assertWireError(() => parseAnswer(answerBody({ participantCapacity: 2.5 })), { id: 'invalidPropertyValue', mentions: ["'participantCapacity'"] });
    assertWireError(() => parseAnswer(answerBody({ callOptions: { '@odata.type': '#microsoft.graph.call' } })), { id: 'odataTypeNotAssignable', mentions: ["'callOptions'"] });
  });
});

describe('parseReject', () => {
  for (const { key, body } of requestsOf('call-reject')) {
    it(`reads the docs’ ${key}`, () => assert.ok(['busy', 'none'].includes(parseReject(body).reason)));
  }

  it('reads the capitalised values the docs’ table lists, and no body at all', () => {
    assert.deepEqual(parseReject({ reason: 'Forbidden', callbackUri: 'https://bot.contoso.com/x' }), { reason: 'forbidden', callbackUri: 'https://bot.contoso.com/x' });
    assert.deepEqual(parseReject(undefined), { reason: 'none' });
    assert.deepEqual(parseReject({}), { reason: 'none' });
    assert.deepEqual(parseReject({ reason: null }), { reason: 'none' });
  });

  it('refuses an unknown reason or a body that is not an object', () => {
    assertWireError(() => parseReject({ reason: 'tired' }), { id: 'invalidPropertyValue', mentions: ["'reason'", "'tired'", 'none, busy, forbidden'] });
    assertWireError(() => parseReject(['busy']), { id: 'bodyNotObject' });
    assertWireError(() => parseReject({ callbackUri: 7 }), { id: 'invalidPropertyValue', mentions: ["'callbackUri'"] });
  });
});

describe('parseRedirect', () => {
  for (const { key, body } of requestsOf('call-redirect')) {
    it(`reads the docs’ ${key}`, () => assert.ok(parseRedirect(body).targets.length >= 1));
  }

  it('reads targets, the timeout and the callback', () => {
    const command = parseRedirect({ targets: [target('a'), target('b')], timeout: 60, callbackUri: 'https://bot.contoso.com/r', maskCallee: true, targetDisposition: 'SimultaneousRing' });
    assert.deepEqual(command, { targets: [{ kind: 'user', id: 'a' }, { kind: 'user', id: 'b' }], timeoutSeconds: 60, callbackUri: 'https://bot.contoso.com/r' });
  });

  it('refuses 0 or more than 25 targets and a timeout outside 15–90 seconds', () => {
    assertWireError(() => parseRedirect({}), { id: 'requiredProperty', mentions: ["'targets'"] });
    assertWireError(() => parseRedirect({ targets: [] }), { id: 'invalidPropertyValue', mentions: ["'targets'", 'at least 1'] });
    assertWireError(() => parseRedirect({ targets: Array.from({ length: 26 }, (_, i) => target(`u${i}`)) }), { id: 'invalidPropertyValue', mentions: ['at most 25'] });
    assertWireError(() => parseRedirect({ targets: [target('a')], timeout: 14 }), { id: 'invalidPropertyValue', mentions: ["'timeout'", 'at least 15'] });
    assertWireError(() => parseRedirect({ targets: [target('a')], timeout: 91 }), { id: 'invalidPropertyValue', mentions: ['at most 90'] });
    assertWireError(() => parseRedirect({ targets: [target('a')], maskCaller: 'yes' }), { id: 'invalidPropertyValue', mentions: ["'maskCaller'"] });
    assertWireError(() => parseRedirect({ targets: [{ identity: { phone: {} } }] }), { id: 'requiredProperty', mentions: ["'targets[0].identity.phone.id'"] });
    assertWireError(() => parseRedirect(undefined), { id: 'emptyPayload' });
  });
});
