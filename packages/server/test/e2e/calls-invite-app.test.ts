import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { answerBody } from './support/bodies.js';
import type { Json } from './support/harness.js';
import { assertCallbacksValid, isRoster, notificationsFor, waitForDeleted, waitForNotice, waitForState } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;
const { alex: ALEX } = DEMO.users;

/** A person in a meeting invites the bot (issue 3 item 4: "or invites it into a group call"). */
describe('e2e: a person invites the app into a meeting', () => {
  const { e2e, p } = useMeetingE2e();
  let webhook: WebhookReceiver;
  before(async () => {
    webhook = await e2e.receiver();
    await p.setWebhook(DEMO.appId, webhook.url);
  });

  it('rings the app with the meeting’s chatInfo/meetingInfo; answering puts it into the roster', async () => {
    const alex = await p.join(STANDUP.id, { userId: ALEX.id });
    const callId = await p.inviteApp(alex, DEMO.appId);
    const created = (await waitForNotice(webhook, callId, (n) => n.changeType === 'created')).resourceData as Json;
    assert.equal(created.state, 'incoming');
    assert.equal((created.chatInfo as Json).threadId, STANDUP.chatThreadId);
    assert.equal((((created.meetingInfo as Json).organizer as Json).user as Json).id, DEMO.users.adele.id);
    assert.equal((((created.source as Json).identity as Json).user as Json).id, ALEX.id);
    assert.equal((await p.roster(STANDUP.id)).participants.length, 1, 'a ringing app is not in the roster yet');

    const rx = await e2e.receiver();
    assert.equal((await e2e.graph.request('POST', `/communications/calls/${callId}/answer`, answerBody(rx.url))).status, 202);
    await waitForState(rx, callId, 'established');
    const roster = await waitForNotice(rx, callId, isRoster);
    const ids = (roster.resourceData as Json[]).map((participant) => participant.id);
    assert.ok(ids.includes(alex.participantId), 'the roster snapshot lists the inviter');
    const listed = await e2e.graph.request<{ value: Json[] }>('GET', `/communications/calls/${callId}/participants`);
    const bot = listed.body.value.find((participant) => participant.id !== alex.participantId)!;
    assert.equal((((bot.info as Json).identity as Json).application as Json).id, DEMO.appId, 'the app’s own entry names the app, not the caller');

    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${callId}`)).status, 204);
    await waitForDeleted(rx, callId);
    for (const receiver of [webhook, rx]) assertCallbacksValid(receiver, { appId: DEMO.appId, tenantId: DEMO.tenantId });
    assert.ok(notificationsFor(rx, callId).length >= 3);
  });

  it('leaves the roster alone when the app rejects', async () => {
    const alex = await p.join(STANDUP.id, { userId: ALEX.id });
    const callId = await p.inviteApp(alex, DEMO.appId);
    await waitForNotice(webhook, callId, (n) => n.changeType === 'created');
    assert.equal((await e2e.graph.request('POST', `/communications/calls/${callId}/reject`, { reason: 'busy' })).status, 202);
    await waitForDeleted(webhook, callId);
    assert.deepEqual((await p.roster(STANDUP.id)).participants.map((participant) => participant.id), [alex.participantId]);
  });
});
