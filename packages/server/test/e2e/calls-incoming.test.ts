import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { answerBody, redirectBody } from './support/bodies.js';
import { startE2e, type E2e, type Json } from './support/harness.js';
import { assertCallbacksValid, describeNotice, isRoster, notificationsFor, waitForDeleted, waitForNotice, waitForState } from './support/notifications.js';
import { people } from './support/people.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const { adele: ADELE, megan: MEGAN } = DEMO.users;
const expected = { appId: DEMO.appId, tenantId: DEMO.tenantId };

/** A simulated person calls the demo bot: the `created` notification and the bot's documented answers (BEHAVIOR.md §4, §7). */
describe('e2e: incoming calls', () => {
  const { e2e, p } = useMeetingE2e({ endMeetings: [] });
  let webhook: WebhookReceiver;
  before(async () => {
    webhook = await e2e.receiver();
    const app = await p.setWebhook(DEMO.appId, webhook.url);
    assert.equal(app.callingWebhookUrl, webhook.url);
  });

  /** The user calls the bot; resolves once the `created` notification reached the calling webhook. */
  async function ring(userId: string = ADELE.id): Promise<{ callId: string; created: Json }> {
    const callId = await p.callApp(userId, DEMO.appId);
    const created = await waitForNotice(webhook, callId, (n) => n.changeType === 'created');
    return { callId, created: created.resourceData as Json };
  }

  it('needs a calling webhook (the limited bot has none)', async () => {
    const refused = await e2e.control.request<{ error: Json }>('POST', `/users/${ADELE.id}/call`, { appId: DEMO.limitedAppId });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'Conflict');
    assert.match(String(refused.body.error.message), new RegExp(`PATCH /_switchboard/apps/${DEMO.limitedAppId}\\.`), 'the message names the route that sets it');
  });

  it('announces the call with `created`, and answer (202) establishes it at the answer’s callbackUri', async () => {
    const { callId, created } = await ring();
    assert.equal(created.state, 'incoming');
    assert.equal(created.direction, 'incoming');
    assert.equal(created.id, callId);
    const caller = ((created.source as Json).identity as Json & { user: Json }).user;
    assert.deepEqual([caller.id, caller.displayName], [ADELE.id, ADELE.displayName]);
    const [notice] = notificationsFor(webhook, callId);
    assert.equal(notice!.resourceUrl, `/communications/calls/${callId}`);

    const callRx = await e2e.receiver();
    const answered = await e2e.graph.request('POST', `/communications/calls/${callId}/answer`, answerBody(callRx.url));
    assert.equal(answered.status, 202, answered.raw);
    assert.equal(answered.raw, '');
    await Promise.all([waitForState(callRx, callId, 'establishing'), waitForState(callRx, callId, 'established')]);
    const read = await e2e.graph.request('GET', `/communications/calls/${callId}`);
    assert.deepEqual([read.body.state, read.body.direction, read.body.callbackUri], ['established', 'incoming', callRx.url]);

    const again = await e2e.graph.request<{ error: Json }>('POST', `/communications/calls/${callId}/answer`, answerBody());
    assert.equal(again.status, 400, 'only a ringing call can be answered');
    assert.equal(again.body.error.code, 'BadRequest');
    assert.match(String(again.body.error.message), /is established/);

    // The caller hangs up: 200/4521; a peer-to-peer call has no roster notifications.
    await p.hangUp(callId);
    const ended = await waitForDeleted(callRx, callId);
    assert.deepEqual([ended.resultInfo?.code, ended.resultInfo?.subcode], [200, 4521]);
    assert.deepEqual(notificationsFor(webhook, callId).map(describeNotice), ['created incoming']);
    assert.equal(notificationsFor(callRx, callId).filter(isRoster).length, 0);
    assertCallbacksValid(callRx, expected);
  });

  it('reject (202) ends the call with `deleted`', async () => {
    const { callId } = await ring(MEGAN.id);
    const rejected = await e2e.graph.request('POST', `/communications/calls/${callId}/reject`, { reason: 'busy' });
    assert.equal(rejected.status, 202, rejected.raw);
    assert.equal(rejected.raw, '');
    const deleted = await waitForDeleted(webhook, callId);
    assert.equal(deleted.state, 'terminated');
    assert.deepEqual(notificationsFor(webhook, callId).map((n) => n.changeType), ['created', 'deleted']);

    const late = await e2e.graph.request<{ error: Json }>('POST', `/communications/calls/${callId}/answer`, answerBody());
    assert.equal(late.status, 404, 'a rejected call is gone');
    assert.equal(late.body.error.code, '8522');
  });

  it('redirect (202) ends the call with `deleted` terminated', async () => {
    const { callId } = await ring();
    const redirected = await e2e.graph.request('POST', `/communications/calls/${callId}/redirect`, redirectBody(MEGAN.id));
    assert.equal(redirected.status, 202, redirected.raw);
    assert.equal(redirected.raw, '');
    const deleted = await waitForDeleted(webhook, callId);
    assert.equal(deleted.state, 'terminated');
    assert.deepEqual(notificationsFor(webhook, callId).map((n) => n.changeType), ['created', 'deleted']);
    assert.equal((await e2e.graph.request('POST', `/communications/calls/${callId}/reject`, { reason: 'none' })).status, 404);
  });

  it('refuses answer, reject and redirect on a call the bot placed itself', async () => {
    const rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', {
      '@odata.type': '#microsoft.graph.call',
      callbackUri: rx.url,
      requestedModalities: ['audio'],
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
      targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: MEGAN.id } } }],
      tenantId: DEMO.tenantId,
    });
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'established');
    for (const [action, body] of [['answer', answerBody()], ['reject', { reason: 'none' }], ['redirect', redirectBody(ADELE.id)]] as const) {
      const refused = await e2e.graph.request<{ error: Json }>('POST', `/communications/calls/${callId}/${action}`, body);
      assert.equal(refused.status, 400, action);
      assert.equal(refused.body.error.code, 'BadRequest', action);
    }
    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${callId}`)).status, 204);
    await waitForDeleted(rx, callId);
    assertCallbacksValid(webhook, expected);
  });
});

/** The 15-second rule on a sped-up clock: at 30× the answer window is half a real second. */
describe('e2e: an incoming call nobody answers', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await startE2e({ flags: { timeScale: 30 } });
  });
  after(() => e2e.close());

  it('times out after 15 s with `deleted` 408/1106, and cannot be answered afterwards', async () => {
    const p = people(e2e.control);
    const webhook = await e2e.receiver();
    await p.setWebhook(DEMO.appId, webhook.url);
    const callId = await p.callApp(ADELE.id, DEMO.appId);
    const created = await waitForNotice(webhook, callId, (n) => n.changeType === 'created');
    const deleted = await waitForDeleted(webhook, callId, 5000);
    assert.equal(deleted.state, 'terminated');
    assert.deepEqual(deleted.resultInfo, {
      '@odata.type': '#microsoft.graph.resultInfo',
      code: 408,
      subcode: 1106,
      message: 'An acknowledgement was not received for the call acceptance in the allotted time.',
    });
    // Service time between the two callbacks (their tokens' iat): at least the 15-second window.
    const elapsed = Number(deleted.callback.claims?.iat) - Number(created.callback.claims?.iat);
    assert.ok(elapsed >= 14 && elapsed < 60, `timed out after ${elapsed} s of service time`);

    const late = await e2e.graph.request<{ error: Json }>('POST', `/communications/calls/${callId}/answer`, answerBody());
    assert.equal(late.status, 404);
    assert.equal(late.body.error.code, '8522');
    assertCallbacksValid(webhook, expected);
  });
});
