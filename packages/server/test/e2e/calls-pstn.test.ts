import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { END_REASONS } from '../../src/domain/calls/end-reasons.js';
import { PEER_RING_TIMEOUT_MS } from '../../src/domain/calls/peer-ring.js';
import { MAGIC_DIALED_NUMBERS, MAGIC_PHONE_NUMBERS } from '../../src/simulation/magic-values.js';
import { DEMO } from '../../src/world/demo-world.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { SERVICE_HOSTED_MEDIA } from './support/bodies.js';
import type { HttpResult, Json } from './support/harness.js';
import { useMeetingE2e } from './support/meeting-e2e.js';
import { describeNotice, isRoster, notificationsFor, waitForDeleted, waitForNotice, waitForState, type Notice } from './support/notifications.js';

const INSTANCE_ID = '3d913abb-aec0-4964-8fa6-3c6850c4f278';
const NUMBER = '+14255550123';

/** application-post-calls example 9: a peer-to-peer call from the app's application instance to a phone number. */
function pstnBody(callbackUri: string, number: string, extra: Json = {}): Json {
  return {
    '@odata.type': '#microsoft.graph.call',
    callbackUri,
    source: {
      '@odata.type': '#microsoft.graph.participantInfo',
      identity: { '@odata.type': '#microsoft.graph.identitySet', applicationInstance: { '@odata.type': '#microsoft.graph.identity', displayName: 'Calling Bot', id: INSTANCE_ID } },
    },
    targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { '@odata.type': '#microsoft.graph.identitySet', phone: { '@odata.type': '#microsoft.graph.identity', id: number } } }],
    requestedModalities: ['audio'],
    mediaConfig: SERVICE_HOSTED_MEDIA,
    tenantId: DEMO.tenantId,
    ...extra,
  };
}

const memberOf = (identitySet: unknown, kind: string): Json | undefined => (identitySet as Record<string, Json | undefined>)[kind];

/**
 * A bot calls a phone number (issue 6): the call resource names the application instance as its
 * source and the phone as its target, the phone answers, joins the roster as `identity.phone`,
 * presses keys and hangs up with "ended by PSTN user". Magic numbers give their documented
 * endings; the virtual clock brings on the ring timeout.
 */
describe('e2e: an app calls a phone number (PSTN)', () => {
  const { e2e, p } = useMeetingE2e({ endMeetings: [] });
  let rx: WebhookReceiver;
  before(async () => {
    rx = await e2e.receiver();
  });

  const dial = async (number: string, extra: Json = {}): Promise<string> => {
    const created = await e2e.graph.request('POST', '/communications/calls', pstnBody(rx.url, number, extra));
    assert.equal(created.status, 201, created.raw);
    return String(created.body.id);
  };
  const resultOf = (notice: Notice) => {
    const { '@odata.type': _type, ...info } = (notice.resultInfo ?? {}) as Json;
    return info;
  };
  const refused = (result: HttpResult, mentions: string) => {
    assert.equal(result.status, 400, result.raw);
    const error = result.body.error as Json;
    assert.equal(error.code, 'BadRequest');
    assert.ok(String(error.message).includes(mentions), String(error.message));
  };

  it('answers 201 with the application instance as source and the phone as target', async () => {
    const created = await e2e.graph.request('POST', '/communications/calls', pstnBody(rx.url, NUMBER));
    assert.equal(created.status, 201, created.raw);
    assert.equal(created.body.state, 'establishing');
    assert.equal(created.body.tenantId, DEMO.tenantId);
    const source = (created.body.source as Json).identity;
    assert.deepEqual(Object.keys(source as Json).filter((key) => !key.startsWith('@')), ['applicationInstance']);
    assert.deepEqual(memberOf(source, 'applicationInstance'), { '@odata.type': '#microsoft.graph.identity', displayName: 'Calling Bot', id: INSTANCE_ID });
    const targets = created.body.targets as Json[];
    assert.equal(memberOf(targets[0]?.identity, 'phone')?.id, NUMBER);
    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${String(created.body.id)}`)).status, 204);
  });

  it('is established; the roster has the phone; the phone presses keys, then hangs up (200/540000)', async () => {
    const callId = await dial(NUMBER);
    await waitForState(rx, callId, 'established');
    const states = notificationsFor(rx, callId).filter((n) => !isRoster(n)).map(describeNotice);
    assert.deepEqual(states, ['updated establishing', 'updated established']);
    const roster = await e2e.graph.request<{ value: Json[] }>('GET', `/communications/calls/${callId}/participants`);
    assert.equal(roster.status, 200, roster.raw);
    const identities = roster.body.value.map((participant) => (participant.info as Json).identity);
    assert.equal(identities.map((identity) => memberOf(identity, 'phone')?.id).find(Boolean), NUMBER);
    assert.equal(identities.map((identity) => memberOf(identity, 'applicationInstance')?.id).find(Boolean), INSTANCE_ID);
    assert.equal((await e2e.graph.request('POST', `/communications/calls/${callId}/subscribeToTone`, {})).status, 200);
    await e2e.control.expect(200, 'POST', `/calls/${callId}/dtmf`, { tones: ['tone1', 'pound'] });
    await waitForNotice(rx, callId, (n) => ((n.resourceData as Json).toneInfo as Json | undefined)?.tone === 'pound');
    await p.hangUp(callId);
    assert.deepEqual(resultOf(await waitForDeleted(rx, callId)), { ...END_REASONS.pstnUserHungUp });
  });

  it('refuses a phone target without an application instance, without a tenant, or not in E.164 form (400)', async () => {
    const noInstance = pstnBody(rx.url, NUMBER);
    delete noInstance.source;
    refused(await e2e.graph.request('POST', '/communications/calls', noInstance), "'source.identity.applicationInstance'");
    const noTenant = pstnBody(rx.url, NUMBER);
    delete noTenant.tenantId;
    refused(await e2e.graph.request('POST', '/communications/calls', noTenant), "'tenantId'");
    refused(await e2e.graph.request('POST', '/communications/calls', pstnBody(rx.url, '4255550123')), "'targets[0].identity.phone.id'");
  });

  for (const magic of [MAGIC_DIALED_NUMBERS.unreachable, MAGIC_DIALED_NUMBERS.declines]) {
    it(`the magic number ${magic.number} (${magic.answer}) ends the call instead of establishing it`, async () => {
      const callId = await dial(magic.number);
      assert.deepEqual(resultOf(await waitForDeleted(rx, callId)), { ...END_REASONS[magic.reason] });
      assert.ok(!notificationsFor(rx, callId).some((n) => n.state === 'established'), 'never established');
    });
  }

  it('the magic number that never answers rings out after the ring timeout (408/10057)', async () => {
    const callId = await dial(MAGIC_DIALED_NUMBERS.neverAnswers.number);
    await waitForState(rx, callId, 'establishing');
    await e2e.control.expect(200, 'POST', '/clock/advance', { ms: PEER_RING_TIMEOUT_MS });
    assert.deepEqual(resultOf(await waitForDeleted(rx, callId)), { ...END_REASONS.calleeNoSignal });
  });

  it('the magic hang-up number answers, then hangs up 10 s (clock time) later', async () => {
    const magic = MAGIC_PHONE_NUMBERS.hangsUpAfterAnswer;
    const callId = await dial(magic.number);
    await waitForState(rx, callId, 'established');
    await e2e.control.expect(200, 'POST', '/clock/advance', { ms: magic.afterMs });
    assert.deepEqual(resultOf(await waitForDeleted(rx, callId)), { ...END_REASONS.pstnUserHungUp });
  });

  it('lists the magic numbers an app can call', async () => {
    const listed = await e2e.control.expect<{ value: { kind: string; value: string; resultInfo?: Json }[] }>(200, 'GET', '/magic-values');
    for (const magic of Object.values(MAGIC_DIALED_NUMBERS)) {
      const row = listed.value.find((r) => r.value === magic.number);
      assert.equal(row?.kind, 'phone', magic.number);
      assert.deepEqual(row?.resultInfo, { ...END_REASONS[magic.reason] });
    }
  });
});
