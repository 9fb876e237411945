import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { END_REASONS } from '../../src/domain/calls/end-reasons.js';
import { MAGIC_MEETINGS } from '../../src/simulation/magic-values.js';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer } from '../helpers/server.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';
import { joinByMeetingId } from '../e2e/support/bodies.js';
import { harnessFor } from '../e2e/support/harness.js';
import { waitForDeleted, waitForState } from '../e2e/support/notifications.js';

/** A scheduled call fault is a durable timer: it fires after a restart (SQLite, same data directory). */
describe('call faults across a restart', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-fault-restart-'));
  // No token validation: the metadata URL changes with the restarted server's port.
  const rx = await startWebhookReceiver();
  after(async () => {
    await rx.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ends the leg of a magic meeting after the restart, when its time comes', async () => {
    const flags = { latency: 'instant' };
    const first = harnessFor(await startTestServer({ inMemory: false, dataDir, flags }));
    const meeting = MAGIC_MEETINGS.endsAfterJoin;
    const body = joinByMeetingId(rx.url, DEMO.meetings.standup, { meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: meeting.joinMeetingId } });
    const created = await first.graph.request('POST', '/communications/calls', body);
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'established');
    await first.close();

    const second = harnessFor(await startTestServer({ inMemory: false, dataDir, flags }));
    try {
      assert.ok(await second.server.deps.store.timers.get(`call:${callId}:callFault:${meeting.fault}`), 'the fault survived the restart');
      await second.control.expect(200, 'POST', '/clock/advance', { ms: meeting.afterMs });
      const deleted = await waitForDeleted(rx, callId);
      assert.deepEqual({ ...deleted.resultInfo, '@odata.type': undefined }, { ...END_REASONS.meetingEnded, '@odata.type': undefined });
    } finally {
      await second.close();
    }
  });
});
