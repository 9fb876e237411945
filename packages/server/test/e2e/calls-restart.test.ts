import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Agent } from 'undici';
import { DEMO } from '../../src/world/demo-world.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { joinByMeetingId } from './support/bodies.js';
import { startE2e, type E2e } from './support/harness.js';
import { assertCallbacksValid, describeNotice, notificationsFor, waitForDeleted, waitForNotice } from './support/notifications.js';
import { people, type DeliveryView } from './support/people.js';

interface Pending {
  seq: number;
  callId: string;
  summary: string;
  attempts: number;
}

/**
 * A restart in the middle of a flow (issue 3, item 7): the call is in SQLite, and the callbacks
 * the bot did not accept before the restart are in the outbox and arrive, in order, after it.
 * The bot (the receiver) stays up across the restart and the server comes back on the same port,
 * so the call's callbackUri and the bot's metadata URL stay valid, as they would in production.
 */
describe('e2e: restart in the middle of a flow', () => {
  let dataDir: string;
  let trustCa: Agent | undefined;
  let bot: WebhookReceiver | undefined;
  const running: E2e[] = [];
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-e2e-restart-'));
  });
  after(async () => {
    for (const e2e of running) await e2e.close().catch(() => undefined);
    await bot?.close();
    await trustCa?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the call and delivers the notifications held back while the bot failed', async () => {
    const first = await startE2e({ inMemory: false, dataDir });
    running.push(first);
    // The bot's own HTTPS client: trusts the CA kept in the data directory, outlives the first server.
    trustCa = new Agent({ connect: { ca: first.server.tls.caPem } });
    let failing = true;
    bot = await startWebhookReceiver({ metadataUrl: first.metadataUrl, audience: DEMO.appId, dispatcher: trustCa, respond: (callback) => (failing ? 500 : callback.valid ? 202 : 403) });

    const created = await first.graph.request('POST', '/communications/calls', joinByMeetingId(bot.url));
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    // The first notification was refused; it and everything after it wait in the outbox.
    await bot.waitFor((callback) => callback.status === 500);
    const firstRead = await first.graph.request('GET', `/communications/calls/${callId}`);
    assert.equal(firstRead.body.state, 'established', 'the call moved on; only its notifications are held back');
    const pendingBefore = (await first.control.expect<{ value: Pending[] }>(200, 'GET', '/deliveries/pending')).value.filter((m) => m.callId === callId);
    assert.deepEqual(pendingBefore.map((m) => m.summary), ['call establishing', 'call established', 'roster updated (1)']);
    assert.ok(pendingBefore[0]!.attempts >= 1);
    await first.server.close();
    running.splice(running.indexOf(first), 1);
    const refused = bot.received.length;
    assert.ok(bot.received.every((callback) => callback.status === 500));

    failing = false;
    const port = Number(new URL(first.server.httpsUrl).port);
    const second = await startE2e({ inMemory: false, dataDir, flags: { port } });
    running.push(second);
    assert.equal(second.server.httpsUrl, first.server.httpsUrl);

    const read = await second.graph.request('GET', `/communications/calls/${callId}`);
    assert.equal(read.status, 200, read.raw);
    for (const key of ['state', 'myParticipantId', 'callChainId', 'callbackUri', 'meetingInfo']) assert.deepEqual(read.body[key], firstRead.body[key], key);

    await waitForNotice(bot, callId, (n) => n.participants !== undefined && n.callback.status === 202, 10_000);
    const accepted = bot.received.slice(refused);
    assert.deepEqual(notificationsFor({ ...bot, received: accepted }, callId).map(describeNotice), ['updated establishing', 'updated established', 'updated roster[1]'], 'the held-back notifications arrive once each, in order');
    assert.ok(accepted.every((callback) => callback.status === 202));
    const sequence = notificationsFor(bot, callId).map(describeNotice);
    assert.deepEqual(sequence, [...Array<string>(refused).fill('updated establishing'), 'updated establishing', 'updated established', 'updated roster[1]'], 'the refused attempts, then the three after the restart');

    // The delivery log survived the restart: the refused attempt, then the retry that got through.
    // An attempt's log row commits after the bot answered it: let the dispatcher finish first.
    await second.server.workers.dispatcher.drained();
    const log: DeliveryView[] = await people(second.control).deliveries(callId);
    assert.deepEqual(log.map((d) => [d.summary, d.attempt, d.status, d.outcome]), [
      ...Array.from({ length: refused }, (_, index) => ['call establishing', index + 1, 500, 'retrying']),
      ['call establishing', refused + 1, 202, 'delivered'],
      ['call established', 1, 202, 'delivered'],
      ['roster updated (1)', 1, 202, 'delivered'],
    ]);

    // The flow goes on on the new server.
    assert.equal((await second.graph.request('DELETE', `/communications/calls/${callId}`)).status, 204);
    assert.equal((await waitForDeleted(bot, callId)).resultInfo?.subcode, 5001);
    assertCallbacksValid({ ...bot, received: bot.received.slice(refused) }, { appId: DEMO.appId, tenantId: DEMO.tenantId });
    assert.equal(bot.received.slice(0, refused).every((callback) => callback.valid), true, 'the refused ones carried valid tokens too');
  });
});
