import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { joinByMeetingId } from './support/bodies.js';
import { assertCallbacksValid, notificationsFor, waitForDeleted, waitForNotice, waitForState } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

/** The delivery log and redelivery through the control API, after real flows (issue 3, item 6). */
describe('e2e: the callback delivery log', () => {
  const { e2e, p } = useMeetingE2e({ endMeetingsAfter: 'all' });

  it('lists every attempt of a call with status, latency, outcome, the body and the token claims sent', async () => {
    const rx = await e2e.receiver();
    const callId = String((await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url))).body.id);
    await waitForNotice(rx, callId, (n) => n.participants !== undefined);
    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${callId}`)).status, 204);
    await waitForDeleted(rx, callId);
    await e2e.server.workers.dispatcher.drained();

    const log = await p.deliveries(callId);
    assert.deepEqual(log.map((d) => d.summary), ['call establishing', 'call established', 'roster updated (1)', 'call terminating', 'call terminated (200/5001)']);
    assert.equal(log.length, rx.received.length);
    log.forEach((attempt, index) => {
      const callback = rx.received[index]!;
      assert.equal(attempt.callId, callId);
      assert.equal(attempt.appId, DEMO.appId);
      assert.equal(attempt.tenantId, DEMO.tenantId);
      assert.equal(attempt.url, rx.url);
      assert.equal(attempt.attempt, 1);
      assert.equal(attempt.status, 202);
      assert.equal(attempt.outcome, 'delivered');
      assert.equal(typeof attempt.latencyMs, 'number');
      assert.ok(attempt.latencyMs! >= 0);
      assert.ok(!Number.isNaN(Date.parse(attempt.at)));
      assert.deepEqual(attempt.payload, callback.body, 'the log holds the body as sent');
      assert.equal(attempt.requestId, callback.headers['request-id']);
      assert.deepEqual(attempt.jwtClaims, callback.claims, 'the log holds the claims of the token sent');
    });
    assert.deepEqual(log.map((d) => d.seq), [...log.map((d) => d.seq)].sort((a, b) => a - b), 'in outbox order');
  });

  it('shows a failed attempt as retrying, then the retry as delivered', async () => {
    let refusals = 1;
    const rx = await e2e.receiver({ respond: () => (refusals-- > 0 ? 503 : 202) });
    const callId = String((await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url))).body.id);
    // The refused notification holds back the rest of the call; the retry (about a second later) lets them through.
    await waitForNotice(rx, callId, (n) => n.participants !== undefined, 10_000);
    await e2e.server.workers.dispatcher.drained();
    const log = await p.deliveries(callId);
    assert.deepEqual(log.map((d) => [d.summary, d.attempt, d.status, d.outcome]), [
      ['call establishing', 1, 503, 'retrying'],
      ['call establishing', 2, 202, 'delivered'],
      ['call established', 1, 202, 'delivered'],
      ['roster updated (1)', 1, 202, 'delivered'],
    ]);
    assert.equal(log[0]!.seq, log[1]!.seq, 'a retry is the same outbox message');
    assert.deepEqual(log[0]!.payload, log[1]!.payload);
    assert.deepEqual(notificationsFor(rx, callId).map((n) => n.state ?? 'roster'), ['establishing', 'establishing', 'established', 'roster']);
    assertCallbacksValid(rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${callId}`)).status, 204);
    await waitForDeleted(rx, callId);
  });

  it('redelivers a logged notification: the same body again, with a fresh valid token', async () => {
    const rx = await e2e.receiver();
    const callId = String((await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url))).body.id);
    await waitForState(rx, callId, 'established');
    await e2e.server.workers.dispatcher.drained();
    const [establishing] = await p.deliveries(callId);
    assert.equal(establishing!.summary, 'call establishing');
    const before = rx.received.length;

    const redelivery = await p.redeliver(establishing!.id);
    assert.deepEqual([redelivery.callId, redelivery.url], [callId, rx.url]);
    assert.ok(redelivery.seq > establishing!.seq, 'queued after the call’s earlier notifications');
    const again = await rx.waitFor((callback) => rx.received.indexOf(callback) >= before);
    assert.equal(again.raw, rx.received[0]!.raw, 'the same bytes');
    assert.equal(again.valid, true, again.validationError);
    assert.notEqual(again.headers['request-id'], rx.received[0]!.headers['request-id']);
    assert.ok(Number(again.claims?.iat) >= Number(rx.received[0]!.claims?.iat));

    await e2e.server.workers.dispatcher.drained();
    const latest = (await p.deliveries(callId)).at(-1)!;
    assert.equal(latest.seq, redelivery.seq);
    assert.equal(latest.outcome, 'delivered');
    assert.match(latest.summary, new RegExp(`redelivery of attempt ${establishing!.id}`));
    assert.equal((await e2e.control.request('POST', '/deliveries/999999/redeliver')).status, 404);
    assertCallbacksValid(rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
  });
});
