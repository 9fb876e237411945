import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import type { Json } from './support/harness.js';
import { entryOf, meetingLeg, pathOf, waitForEntry, waitForOperation } from './support/features.js';
import { assertCallbacksValid } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;
const expected = { appId: DEMO.appId, tenantId: DEMO.tenantId };

/** updateRecordingStatus (allowed under a compliance recording policy, else 8506) and addLargeGalleryView, over HTTPS with real callbacks. */
describe('e2e: recording status and the large gallery view', () => {
  const { e2e, p } = useMeetingE2e();

  for (const [version, prefix] of [['v1.0', '/communications'], ['beta', '/app']] as const) {
    it(`${version}${prefix}: 8506 without a policy holder, then 200 + completed operation and recordingInfo in every leg's roster`, async () => {
      const [bot, other] = [await meetingLeg(e2e), await meetingLeg(e2e)];
      const url = `${prefix}/calls/${bot.callId}/updateRecordingStatus`;
      const refused = await e2e.graph.request<{ error: Json }>('POST', url, { status: 'recording' }, { version });
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.body.error.code, '8506');

      await p.join(STANDUP.id, { userId: DEMO.recordedUserId });
      const accepted = await e2e.graph.request('POST', url, { clientContext: 'rec-1', status: 'recording' }, { version });
      assert.equal(accepted.status, 200, accepted.raw);
      assert.deepEqual([accepted.body['@odata.type'], accepted.body.status, accepted.body.clientContext], ['#microsoft.graph.updateRecordingStatusOperation', 'completed', 'rec-1']);
      const read = await e2e.graph.request('GET', pathOf(e2e, accepted.headers.location), undefined, { version });
      assert.equal(read.body.id, accepted.body.id);

      const isBot = (entry: Json) => entry.id === bot.me && (entry.recordingInfo as Json | null)?.recordingStatus === 'recording';
      for (const leg of [bot, other]) {
        const notice = await waitForEntry(leg, isBot);
        const info = entryOf(notice, isBot).recordingInfo as Json;
        assert.equal(((info.initiator as Json).application as Json).id, DEMO.appId);
      }
      await e2e.server.workers.dispatcher.drained();
      assert.ok(!bot.rx.received.some((c) => JSON.stringify(c.body).includes('/operations/')), 'a completed operation gets no notification');
      assertCallbacksValid(bot.rx, expected);
    });

    it(`${version}${prefix}: addLargeGalleryView → 202 running → completion → the gallery in the roster → GET operation`, async () => {
      const bot = await meetingLeg(e2e);
      const started = await e2e.graph.request('POST', `${prefix}/calls/${bot.callId}/addLargeGalleryView`, { clientContext: 'lg-1' }, { version });
      assert.equal(started.status, 202, started.raw);
      assert.deepEqual([started.body.status, started.body.clientContext, started.body.resultInfo], ['running', 'lg-1', null]);
      const operationId = String(started.body.id);
      assert.equal(started.headers.location, `${e2e.server.httpsUrl}/${version}/communications/calls/${bot.callId}/operations/${operationId}`);

      const done = await waitForOperation(bot, operationId);
      assert.deepEqual([(done.resourceData as Json).status, (done.resourceData as Json).clientContext, (done.resourceData as Json)['@odata.type']], ['completed', 'lg-1', '#microsoft.graph.addLargeGalleryViewOperation']);
      const isGallery = (entry: Json) => (((entry.info as Json).identity as Json).application as Json | undefined)?.ApplicationType === 'LargeGallery-V2';
      const gallery = entryOf(await waitForEntry(bot, isGallery), isGallery);
      assert.ok((gallery.mediaStreams as Json[]).some((s) => s.label === 'main-video' && s.direction === 'sendReceive'));
      assert.equal(JSON.parse(String(gallery.metadata)).audienceView.page, 1);

      const read = await e2e.graph.request('GET', `${prefix}/calls/${bot.callId}/operations/${operationId}`, undefined, { version });
      assert.equal(read.status, 200);
      assert.deepEqual([read.body.status, read.body.clientContext], ['completed', 'lg-1']);
      assertCallbacksValid(bot.rx, expected);
    });
  }
});
