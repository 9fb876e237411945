import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { END_REASONS } from '../../src/domain/calls/end-reasons.js';
import { MAGIC_PHONE_NUMBERS } from '../../src/simulation/magic-values.js';
import { DEMO } from '../../src/world/demo-world.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { answerBody } from './support/bodies.js';
import type { Json } from './support/harness.js';
import { useMeetingE2e } from './support/meeting-e2e.js';
import { notificationsFor, waitForDeleted, waitForNotice, waitForState, type Notice } from './support/notifications.js';

const CALLER = '+14255550199';

/**
 * A phone (PSTN) caller dials the demo bot (issue 6, items 1 and 5): the incoming call names the
 * caller as `source.identity.phone` with the E.164 number, the bot answers and hears the keys,
 * and a hang-up ends the bot's leg with "ended by PSTN user" (200/540000). The magic number's
 * hang-up is brought on by the virtual clock, not waited for.
 */
describe('e2e: a phone (PSTN) caller calls an app', () => {
  const { e2e, p } = useMeetingE2e({ endMeetings: [] });
  let webhook: WebhookReceiver;
  before(async () => {
    webhook = await e2e.receiver();
    await p.setWebhook(DEMO.appId, webhook.url);
  });

  const dial = async (number: string, extra: Json = {}) =>
    (await e2e.control.expect<{ callId: string }>(201, 'POST', `/phone/${encodeURIComponent(number)}/call`, { appId: DEMO.appId, ...extra })).callId;
  const incoming = (callId: string): Promise<Notice> => waitForNotice(webhook, callId, (n) => n.changeType === 'created', 5_000);

  async function answer(callId: string): Promise<WebhookReceiver> {
    const rx = await e2e.receiver();
    assert.equal((await e2e.graph.request('POST', `/communications/calls/${callId}/answer`, answerBody(rx.url))).status, 202);
    await waitForState(rx, callId, 'established');
    return rx;
  }
  const resultOf = (notice: Notice) => {
    const { '@odata.type': _type, ...info } = (notice.resultInfo ?? {}) as Json;
    return info;
  };

  it('the incoming call names the caller by phone number; the bot hears keys; a hang-up is 200/540000', async () => {
    const callId = await dial(CALLER, { displayName: 'Front desk' });
    const created = (await incoming(callId)).resourceData as Json;
    assert.equal(created.state, 'incoming');
    assert.equal(created.direction, 'incoming');
    const identity = (created.source as Json).identity as Json;
    assert.deepEqual(Object.keys(identity).filter((key) => !key.startsWith('@')), ['phone']);
    assert.equal((identity.phone as Json).id, CALLER);
    assert.equal((identity.phone as Json).displayName, 'Front desk');
    assert.equal(created.tenantId, DEMO.tenantId, "a phone caller has no tenant: the call is in the app's");
    assert.equal(typeof created.myParticipantId, 'string');
    const rx = await answer(callId);
    assert.equal((await e2e.graph.request('POST', `/communications/calls/${callId}/subscribeToTone`, {})).status, 200);
    await e2e.control.expect(200, 'POST', `/calls/${callId}/dtmf`, { tones: ['tone4', 'pound'] });
    await waitForNotice(rx, callId, (n) => ((n.resourceData as Json).toneInfo as Json | undefined)?.tone === 'pound');
    const tones = notificationsFor(rx, callId).flatMap((n) => ((n.resourceData as Json).toneInfo as Json | undefined)?.tone ?? []);
    assert.deepEqual(tones, ['tone4', 'pound']);
    await p.hangUp(callId);
    assert.deepEqual(resultOf(await waitForDeleted(rx, callId)), { ...END_REASONS.pstnUserHungUp });
  });

  it('the magic number hangs up 10 s (clock time) after the bot answers, not before', async () => {
    const magic = MAGIC_PHONE_NUMBERS.hangsUpAfterAnswer;
    const callId = await dial(magic.number);
    await incoming(callId);
    const rx = await answer(callId);
    await e2e.control.expect(200, 'POST', '/clock/advance', { ms: magic.afterMs - 1_000 });
    assert.equal((await e2e.graph.request('GET', `/communications/calls/${callId}`)).body.state, 'established');
    await e2e.control.expect(200, 'POST', '/clock/advance', { ms: 1_000 });
    assert.deepEqual(resultOf(await waitForDeleted(rx, callId)), { ...END_REASONS.pstnUserHungUp });
  });

  it('an ordinary number does not hang up by itself', async () => {
    const callId = await dial('+14255550198');
    await incoming(callId);
    const rx = await answer(callId);
    await e2e.control.expect(200, 'POST', '/clock/advance', { ms: 60_000 });
    assert.equal((await e2e.graph.request('GET', `/communications/calls/${callId}`)).body.state, 'established');
    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${callId}`)).status, 204);
    await waitForDeleted(rx, callId);
  });

  it('refuses a number that is not E.164 (400), and lists the magic number', async () => {
    const refused = await e2e.control.request('POST', `/phone/${encodeURIComponent('4255550100')}/call`, { appId: DEMO.appId });
    assert.equal(refused.status, 400, refused.raw);
    const listed = await e2e.control.expect<{ value: { kind: string; value: string; resultInfo?: Json }[] }>(200, 'GET', '/magic-values');
    const row = listed.value.find((r) => r.value === MAGIC_PHONE_NUMBERS.hangsUpAfterAnswer.number);
    assert.equal(row?.kind, 'phone');
    assert.deepEqual(row?.resultInfo, { ...END_REASONS.pstnUserHungUp });
  });
});
