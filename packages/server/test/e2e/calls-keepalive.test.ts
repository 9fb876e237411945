import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { joinByMeetingId } from './support/bodies.js';
import type { Json } from './support/harness.js';
import { assertCallbacksValid, notificationsFor, waitForDeleted, waitForState } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const MINUTE = 60_000;
/** 45 minutes of service time in about 1.1 real seconds: keepAlives 250 ms apart leave a slow machine ample slack. */
const TIME_SCALE = 2400;

/** The 45-minute inactivity rule (call-keepalive) on a sped-up clock. */
describe('e2e: keepAlive and the 45-minute rule', () => {
  const { e2e } = useMeetingE2e({ flags: { timeScale: TIME_SCALE }, endMeetingsAfter: 'all' });

  const now = () => e2e.server.deps.clock.now();

  it('keeps a call alive across several windows, then ends it 45 minutes after the last keepAlive (408/8537)', async () => {
    const rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'established');

    // A keepAlive every ~10 minutes of service time, for 100 minutes: more than two 45-minute windows.
    const start = now();
    let lastKeepAlive = start;
    while (now() - start < 100 * MINUTE) {
      // The server restarts the window when it handles the request, between these two readings; the
      // time before sending is the lower bound the 45 minutes are counted from (timers fire exactly
      // on time now, so the reading after the response would be late by the response's latency).
      const sentAt = now();
      const kept = await e2e.graph.request('POST', `/communications/calls/${callId}/keepAlive`);
      assert.equal(kept.status, 200, kept.raw);
      assert.equal(kept.raw, '', 'keepAlive answers 200 without a body');
      lastKeepAlive = sentAt;
      await sleep(250);
    }
    const alive = await e2e.graph.request('GET', `/communications/calls/${callId}`);
    assert.equal(alive.status, 200);
    assert.equal(alive.body.state, 'established');
    assert.equal(notificationsFor(rx, callId).filter((n) => n.changeType === 'deleted').length, 0);

    // No more keepAlives: the call is ended as inactive.
    const deleted = await waitForDeleted(rx, callId, 10_000);
    assert.equal(deleted.state, 'terminated');
    assert.deepEqual(deleted.resultInfo, { '@odata.type': '#microsoft.graph.resultInfo', code: 408, subcode: 8537, message: 'Keep Alive timeout, cleaned up inactive call.' });
    const endedAt = Number(deleted.callback.claims?.iat) * 1000;
    assert.ok(endedAt - lastKeepAlive >= 45 * MINUTE - 1000, `ended ${(endedAt - lastKeepAlive) / MINUTE} minutes after the last keepAlive`);

    const late = await e2e.graph.request<{ error: Json }>('POST', `/communications/calls/${callId}/keepAlive`);
    assert.equal(late.status, 404, 'keepAlive on an ended call');
    assert.equal(late.body.error.code, '8522');
    assert.equal((await e2e.graph.request('GET', `/communications/calls/${callId}`)).status, 404);
    assertCallbacksValid(rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
  });
});
