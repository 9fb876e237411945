import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CreateCallCommand } from '../../src/calls/calls-api.js';
import { parseJoinWebUrl } from '../../src/domain/world/meeting-links.js';
import { DEMO } from '../../src/world/demo-world.js';
import { parseCreateCall } from '../../src/wire/requests/index.js';
import { loadFixture, only, scenarioOf, VERSIONS, type FixtureVersion } from '../conformance/support/fixtures.js';
import { assertWireError } from './support/assert-wire-error.js';

const V1 = { version: 'v1.0', viaAppAlias: false } as const;
const parse = (body: unknown): CreateCallCommand => parseCreateCall(body, V1);

/** The v1.0 docs' example 1 body, the base the error cases break. */
const p2p = () => structuredClone(only(scenarioOf(loadFixture('v1.0', 'application-post-calls'), 'example-1').requests, 'request').body) as Record<string, unknown>;

const exampleBody = (version: FixtureVersion, name: string) =>
  structuredClone(only(scenarioOf(loadFixture(version, 'application-post-calls'), name).requests, 'request').body) as Record<string, unknown>;

/**
 * Example bodies Graph itself refuses: appHostedMediaConfig without `blob` is answered
 * `8523 Missing mediaConfig information.` (microsoft-graph-docs-contrib#9126).
 */
const REFUSED = new Set(['v1.0/example-4', 'v1.0/example-6']);

describe('parseCreateCall: the docs’ example bodies', () => {
  for (const version of VERSIONS) {
    for (const scenario of loadFixture(version, 'application-post-calls').scenarios) {
      const key = `${version}/${scenario.name}`;
      it(`${REFUSED.has(key) ? 'refuses' : 'reads'} ${key}`, () => {
        const body = only(scenario.requests, 'request').body;
        if (REFUSED.has(key)) return assertWireError(() => parseCreateCall(body, { version, viaAppAlias: false }), { id: 'missingMediaConfigBlob', code: '8523', mentions: ["'blob'", 'mediaConfig.blob'] });
        const command = parseCreateCall(body, { version, viaAppAlias: false });
        assert.equal(command.callbackUri, 'https://bot.contoso.com/callback');
        assert.ok(['service', 'app'].includes(command.mediaHosting));
      });
    }
  }

  it('reads a peer-to-peer call: the target, the modalities, content-sharing notifications and the echo', () => {
    const command = parse(p2p());
    assert.deepEqual(command.targets, [{ kind: 'user', id: '112f7296-5fa4-42ca-bae8-6a692b15d4b8', displayName: 'John' }]);
    assert.deepEqual(command.requestedModalities, ['audio']);
    assert.equal(command.mediaHosting, 'service');
    assert.equal(command.contentSharingNotifications, true);
    assert.equal(command.meeting, undefined);
    assert.deepEqual(command.echo, {
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
      callOptions: { '@odata.type': '#microsoft.graph.outgoingCallOptions', isContentSharingNotificationEnabled: true },
    });
    assert.equal(command.version, 'v1.0');
    assert.equal(command.viaAppAlias, false);
  });

  it('reads a group call with two targets, its subject and app-hosted media', () => {
    const command = parseCreateCall(exampleBody('beta', 'example-4'), { version: 'beta', viaAppAlias: true });
    assert.deepEqual(command.targets.map((target) => target.id), ['98da8a1a-1b87-452c-a713-65d3f10b5555', 'bf5aae9a-d11d-47a8-93b1-782504c95555']);
    assert.equal(command.mediaHosting, 'app');
    assert.equal(command.echo.subject, 'Create a group call with app hosted media');
    assert.equal(command.tenantId, 'aa67bd4c-8475-432d-bd41-39f255720e0a');
    assert.equal(command.viaAppAlias, true);
  });

  it('reads organizerMeetingInfo + chatInfo as a meeting locator and echoes both', () => {
    const command = parse(exampleBody('v1.0', 'example-5'));
    assert.deepEqual(command.meeting, {
      method: 'organizerMeetingInfo',
      organizerId: '5810cede-f3cc-42eb-b2c1-e9bd5d53ec96',
      organizerTenantId: '86dc81db-c112-4228-9222-63f3esaa1edb',
      threadId: '19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2',
      messageId: '0',
    });
    assert.equal((command.echo.meetingInfo as Record<string, unknown>).allowConversationWithoutHost, true);
    assert.equal((command.echo.chatInfo as Record<string, unknown>).threadId, '19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2');
    assert.deepEqual(command.targets, []);
  });

  it('reads joinMeetingIdMeetingInfo with and without a passcode', () => {
    assert.deepEqual(parse(exampleBody('v1.0', 'example-7')).meeting, { method: 'joinMeetingId', joinMeetingId: '1234567', passcode: 'psw123' });
    assert.deepEqual(parse(exampleBody('v1.0', 'example-8')).meeting, { method: 'joinMeetingId', joinMeetingId: '1234567' });
  });

  it('reads tokenMeetingInfo', () => {
    const body = { ...p2p(), targets: undefined, meetingInfo: { '@odata.type': '#microsoft.graph.tokenMeetingInfo', token: 'sbt_abc' } };
    assert.deepEqual(parse(body).meeting, { method: 'tokenMeetingInfo', token: 'sbt_abc' });
  });

  it('reads the organizer and chat a Teams join URL decodes to', () => {
    const link = parseJoinWebUrl(DEMO.meetings.standup.joinWebUrl);
    assert.ok(link.ok);
    const body = {
      ...p2p(),
      targets: undefined,
      chatInfo: { '@odata.type': '#microsoft.graph.chatInfo', threadId: link.parts.threadId, messageId: link.parts.messageId },
      meetingInfo: { '@odata.type': '#microsoft.graph.organizerMeetingInfo', organizer: { '@odata.type': '#microsoft.graph.identitySet', user: { id: link.parts.organizerId, tenantId: link.parts.tenantId } } },
      tenantId: link.parts.tenantId,
    };
    assert.deepEqual(parse(body).meeting, { method: 'organizerMeetingInfo', organizerId: DEMO.users.adele.id, organizerTenantId: DEMO.tenantId, threadId: DEMO.meetings.standup.chatThreadId, messageId: '0' });
  });

  it('reads source.identity.guest as a guest join', () => {
    assert.deepEqual(parseCreateCall(exampleBody('beta', 'example-10'), { version: 'beta', viaAppAlias: false }).guest, { displayName: 'Guest User', id: 'd7a3b999-17ac-4bca-9e77-e6a730d2ec2e' });
    assert.equal(parse(p2p()).guest, undefined);
  });

  it('reads a PSTN call: the phone target, the application instance it comes from and the tenant', () => {
    const command = parse(exampleBody('v1.0', 'example-9'));
    assert.deepEqual(command.targets, [{ kind: 'phone', id: '+12345678901' }]);
    assert.deepEqual(command.applicationInstance, { kind: 'applicationInstance', id: '3d913abb-aec0-4964-8fa6-3c6850c4f278', displayName: 'Calling Bot' });
    assert.equal(command.tenantId, 'aa67bd4c-8475-432d-bd41-39f255720e0a');
    assert.equal(parse(p2p()).applicationInstance, undefined);
  });

  it('echoes beta-only properties on beta only', () => {
    const body = { ...p2p(), ringingTimeoutInSeconds: 60, routingPolicies: ['disableForwarding'] };
    assert.deepEqual(parseCreateCall(body, { version: 'beta', viaAppAlias: false }).echo.routingPolicies, ['disableForwarding']);
    assert.equal(parseCreateCall(body, { version: 'beta', viaAppAlias: false }).echo.ringingTimeoutInSeconds, 60);
    assert.equal(parse(body).echo.ringingTimeoutInSeconds, undefined);
  });

  it('reads type names without # and in any case, enum values in any case, and canonicalises the echo', () => {
    const body = { ...p2p(), '@odata.type': 'microsoft.graph.call', requestedModalities: ['Audio', 'VIDEO'], mediaConfig: { '@odata.type': 'Microsoft.Graph.ServiceHostedMediaConfig' } };
    const command = parse(body);
    assert.deepEqual(command.requestedModalities, ['audio', 'video']);
    assert.deepEqual(command.echo.mediaConfig, { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' });
  });

  it('ignores properties it does not know or that only the service sets', () => {
    const body = { ...p2p(), direction: 'outgoing', state: 'established', id: 'mine', somethingNew: { a: 1 }, subject: null };
    assert.equal(parse(body).callbackUri, 'https://bot.contoso.com/callback');
  });

  it('asks for audio when no modality is given', () => {
    const { requestedModalities: _omitted, ...body } = p2p();
    assert.deepEqual(parse(body).requestedModalities, ['audio']);
  });
});

describe('parseCreateCall: bodies Graph refuses', () => {
  const without = (key: string) => {
    const body = p2p();
    delete body[key];
    return body;
  };

  it('needs a JSON object body', () => {
    assertWireError(() => parse(undefined), { id: 'emptyPayload', mentions: ['Empty Payload'] });
    assertWireError(() => parse([p2p()]), { id: 'bodyNotObject', mentions: ['an array'] });
    assertWireError(() => parse('call'), { id: 'bodyNotObject', mentions: ['a string'] });
  });

  it('needs mediaConfig (8523)', () => {
    assertWireError(() => parse(without('mediaConfig')), { id: 'missingMediaConfig', code: '8523', mentions: ['mediaConfig'] });
    assertWireError(() => parse({ ...p2p(), mediaConfig: null }), { id: 'missingMediaConfig', code: '8523' });
  });

  it('needs the derived type of mediaConfig and knows the ones that exist', () => {
    assertWireError(() => parse({ ...p2p(), mediaConfig: {} }), { id: 'invalidPropertyValue', mentions: ["'mediaConfig'", '@odata.type'] });
    assertWireError(() => parse({ ...p2p(), mediaConfig: { '@odata.type': '#microsoft.graph.fancyMediaConfig' } }), { id: 'unknownODataType', mentions: ["'microsoft.graph.fancyMediaConfig'", "'mediaConfig'"] });
    assertWireError(() => parse({ ...p2p(), mediaConfig: { '@odata.type': '#microsoft.graph.chatInfo' } }), { id: 'odataTypeNotAssignable', mentions: ['microsoft.graph.chatInfo', 'microsoft.graph.mediaConfig'] });
    assertWireError(() => parse({ ...p2p(), mediaConfig: 'service' }), { id: 'invalidPropertyValue', mentions: ["'mediaConfig'"] });
  });

  it('answers Kiota-style bodies (derived-type fields dropped, CLIENTS.md §4) naming the missing field', () => {
    assertWireError(() => parse({ ...p2p(), mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig' } }), { id: 'missingMediaConfigBlob', code: '8523', mentions: ['mediaConfig.blob'] });
    const meeting = (meetingInfo: unknown) => ({ ...p2p(), targets: undefined, chatInfo: { threadId: '19:x@thread.v2' }, meetingInfo });
    assertWireError(() => parse(meeting({ '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo' })), { id: 'requiredProperty', mentions: ["'meetingInfo.joinMeetingId'"] });
    assertWireError(() => parse(meeting({ '@odata.type': '#microsoft.graph.organizerMeetingInfo' })), { id: 'requiredProperty', mentions: ["'meetingInfo.organizer'"] });
    assertWireError(() => parse(meeting({ '@odata.type': '#microsoft.graph.tokenMeetingInfo' })), { id: 'requiredProperty', mentions: ["'meetingInfo.token'"] });
  });

  it('checks the meeting locators', () => {
    const organizer = (identity: unknown) => ({ '@odata.type': '#microsoft.graph.organizerMeetingInfo', organizer: identity });
    const chat = { threadId: '19:x@thread.v2' };
    assertWireError(() => parse({ ...p2p(), chatInfo: chat, meetingInfo: organizer({ application: { id: 'a' } }) }), { id: 'requiredProperty', mentions: ["'meetingInfo.organizer.user'"] });
    assertWireError(() => parse({ ...p2p(), chatInfo: chat, meetingInfo: organizer({ user: { displayName: 'Bob' } }) }), { id: 'requiredProperty', mentions: ["'meetingInfo.organizer.user.id'"] });
    assertWireError(() => parse({ ...p2p(), meetingInfo: organizer({ user: { id: 'u' } }) }), { id: 'requiredProperty', mentions: ["'chatInfo'"] });
    assertWireError(() => parse({ ...p2p(), chatInfo: chat }), { id: 'requiredProperty', mentions: ["'meetingInfo'"] });
    assertWireError(() => parse({ ...p2p(), chatInfo: { messageId: '0' }, meetingInfo: organizer({ user: { id: 'u' } }) }), { id: 'requiredProperty', mentions: ["'chatInfo.threadId'"] });
    assertWireError(() => parse({ ...p2p(), meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: 1234567 } }), { id: 'invalidPropertyValue', mentions: ["'meetingInfo.joinMeetingId'", 'expected a string'] });
    assertWireError(() => parse({ ...p2p(), meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: ' ' } }), { id: 'invalidPropertyValue', mentions: ['must not be empty'] });
  });

  it('needs a callbackUri', () => {
    assertWireError(() => parse(without('callbackUri')), { id: 'requiredProperty', mentions: ["'callbackUri'"] });
    assertWireError(() => parse({ ...p2p(), callbackUri: '' }), { id: 'invalidPropertyValue', mentions: ["'callbackUri'", 'empty'] });
    assertWireError(() => parse({ ...p2p(), callbackUri: 42 }), { id: 'invalidPropertyValue', mentions: ["'callbackUri'", 'expected a string', 'the number 42'] });
  });

  it('checks @odata.type on the body and nested values', () => {
    assertWireError(() => parse({ ...p2p(), '@odata.type': '#microsoft.graph.calll' }), { id: 'unknownODataType', mentions: ["'microsoft.graph.calll'"] });
    assertWireError(() => parse({ ...p2p(), '@odata.type': '#microsoft.graph.participant' }), { id: 'odataTypeNotAssignable', mentions: ['microsoft.graph.call'] });
    const target = (identity: unknown, type = '#microsoft.graph.invitationParticipantInfo') => ({ ...p2p(), targets: [{ '@odata.type': type, identity }] });
    assertWireError(() => parse(target({ user: { id: 'u' } }, '#microsoft.graph.whoever')), { id: 'unknownODataType', mentions: ["'targets[0]'"] });
    assertWireError(() => parse(target({ '@odata.type': '#microsoft.graph.identityz', user: { id: 'u' } })), { id: 'unknownODataType', mentions: ["'targets[0].identity'"] });
    assertWireError(() => parse(target({ user: { '@odata.type': '#microsoft.graph.chatInfo', id: 'u' } })), { id: 'odataTypeNotAssignable', mentions: ["'targets[0].identity.user'"] });
  });

  it('checks targets', () => {
    const target = (identity: unknown) => ({ ...p2p(), targets: [{ identity }] });
    assertWireError(() => parse({ ...p2p(), targets: [{}] }), { id: 'requiredProperty', mentions: ["'targets[0].identity'"] });
    assertWireError(() => parse(target({ applicationInstance: { id: 'x' } })), { id: 'invalidPropertyValue', mentions: ["'targets[0].identity'", 'user, application, phone, guest'] });
    assertWireError(() => parse(target({ user: { displayName: 'John' } })), { id: 'requiredProperty', mentions: ["'targets[0].identity.user.id'"] });
    assertWireError(() => parse({ ...p2p(), targets: { identity: {} } }), { id: 'invalidPropertyValue', mentions: ["'targets'", 'expected an array'] });
  });

  it('checks modalities, options and a guest source', () => {
    assertWireError(() => parse({ ...p2p(), requestedModalities: ['audio', 'smell'] }), { id: 'invalidPropertyValue', mentions: ["'requestedModalities[1]'", "'smell'"] });
    assertWireError(() => parse({ ...p2p(), requestedModalities: 'audio' }), { id: 'invalidPropertyValue', mentions: ['expected an array'] });
    assertWireError(() => parse({ ...p2p(), callOptions: { isContentSharingNotificationEnabled: 'yes' } }), { id: 'invalidPropertyValue', mentions: ["'callOptions.isContentSharingNotificationEnabled'"] });
    assertWireError(() => parse({ ...p2p(), source: { identity: { guest: { id: 'g' } } } }), { id: 'requiredProperty', mentions: ["'source.identity.guest.displayName'"] });
    assertWireError(() => parse({ ...p2p(), mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', preFetchMedia: [{ resourceId: 'r' }] } }), { id: 'requiredProperty', mentions: ["'mediaConfig.preFetchMedia[0].uri'"] });
    assertWireError(() => parseCreateCall({ ...p2p(), ringingTimeoutInSeconds: 'soon' }, { version: 'beta', viaAppAlias: false }), { id: 'invalidPropertyValue', mentions: ["'ringingTimeoutInSeconds'"] });
  });
});

describe('parseCreateCall: PSTN calls', () => {
  const pstn = () => exampleBody('v1.0', 'example-9');
  const instanceOf = (body: Record<string, unknown>) => ((body.source as Record<string, unknown>).identity as Record<string, Record<string, unknown>>).applicationInstance!;
  const withPhone = (id: unknown) => ({ ...pstn(), targets: [{ identity: { phone: { id } } }] });

  it('needs the application instance’s id', () => {
    const body = pstn();
    delete instanceOf(body).id;
    assertWireError(() => parse(body), { id: 'requiredProperty', mentions: ["'source.identity.applicationInstance.id'"] });
  });

  it('needs an E.164 number', () => {
    assertWireError(() => parse(withPhone('4255550100')), { id: 'invalidPropertyValue', mentions: ["'targets[0].identity.phone.id'", 'E.164'] });
    assertWireError(() => parse(withPhone('+1 425 555 0100')), { id: 'invalidPropertyValue', mentions: ['E.164'] });
    assertWireError(() => parse(withPhone(null)), { id: 'requiredProperty', mentions: ["'targets[0].identity.phone.id'"] });
    assert.deepEqual(parse(withPhone('+14255550100')).targets, [{ kind: 'phone', id: '+14255550100' }]);
  });

  it('needs a tenant: the body’s tenantId or the application instance’s', () => {
    const { tenantId: _tenant, ...body } = pstn();
    assertWireError(() => parse(body), { id: 'requiredProperty', mentions: ["'tenantId'"] });
    instanceOf(body).tenantId = DEMO.tenantId;
    assert.equal(parse(body).applicationInstance?.tenantId, DEMO.tenantId);
  });

  it('refuses an application instance of another shape', () => {
    const typed = pstn();
    instanceOf(typed)['@odata.type'] = '#microsoft.graph.chatInfo';
    assertWireError(() => parse(typed), { id: 'odataTypeNotAssignable', mentions: ["'source.identity.applicationInstance'"] });
    assertWireError(() => parse({ ...pstn(), source: { identity: { applicationInstance: 'calling-bot' } } }), { id: 'invalidPropertyValue', mentions: ["'source.identity.applicationInstance'"] });
    assertWireError(() => parse({ ...pstn(), source: { identity: { applicationInstance: { id: 42 } } } }), { id: 'invalidPropertyValue', mentions: ["'source.identity.applicationInstance.id'"] });
  });

  it('leaves the missing application instance to the call rules (a domain 400), not the parser', () => {
    const body = pstn();
    delete body.source;
    assert.equal(parse(body).applicationInstance, undefined);
  });
});

describe('parseCreateCall: type names that are not strings', () => {
  it('names the @odata.type property itself', () => {
    assertWireError(() => parse({ ...p2p(), targets: [{ '@odata.type': 5, identity: { user: { id: 'u' } } }] }), { id: 'invalidPropertyValue', mentions: ["'targets[0].@odata.type'", 'the number 5'] });
  });
});
