import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import type { Json } from './support/harness.js';
import { meetingLeg, type Leg } from './support/features.js';
import { assertCallbacksValid, notificationsFor, waitForNotice } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;
const NOTIFY = { callOptions: { '@odata.type': '#microsoft.graph.outgoingCallOptions', isContentSharingNotificationEnabled: true } };

/** Content sharing sessions: people share, bots list them, and only legs that asked hear about them (BEHAVIOR.md §5, §7). */
describe('e2e: content sharing sessions', () => {
  const { e2e, p } = useMeetingE2e();

  const sharingNotices = (leg: Leg) => notificationsFor(leg.rx, leg.callId).filter((n) => n.resourceUrl.endsWith('/contentsharingsessions'));

  for (const version of ['v1.0', 'beta'] as const) {
    it(`${version}: created/deleted only for the leg with isContentSharingNotificationEnabled; GET lists and reads the session`, async () => {
      const [asked, quiet] = [await meetingLeg(e2e, NOTIFY, version), await meetingLeg(e2e, {}, version)];
      const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id });
      const participant = `/conferences/${alex.conferenceId}/participants/${alex.participantId}`;
      const session = await e2e.control.expect<Json>(200, 'POST', `${participant}/share`);

      const created = await waitForNotice(asked.rx, asked.callId, (n) => n.changeType === 'created' && n.resourceUrl.endsWith('/contentsharingsessions'));
      assert.equal(created.resourceUrl, `/communications/calls/${asked.callId}/contentsharingsessions`);
      assert.deepEqual(created.resourceData, [{ '@odata.type': '#microsoft.graph.contentSharingSession', id: session.id }]);
      for (const leg of [asked, quiet]) {
        const list = await e2e.graph.request<{ value: Json[] }>('GET', `/communications/calls/${leg.callId}/contentSharingSessions`, undefined, { version });
        assert.deepEqual(list.body.value.map((s) => s.id), [session.id], 'reads do not depend on the notification option');
      }
      const one = await e2e.graph.request('GET', `/communications/calls/${asked.callId}/contentSharingSessions/${String(session.id)}`, undefined, { version });
      assert.deepEqual([one.status, one.body.id], [200, session.id]);

      await e2e.control.expect(204, 'POST', `${participant}/unshare`);
      const deleted = await waitForNotice(asked.rx, asked.callId, (n) => n.changeType === 'deleted' && n.resourceUrl.endsWith('/contentsharingsessions'));
      assert.deepEqual(deleted.resourceData, [{ '@odata.type': '#microsoft.graph.contentSharingSession', id: session.id }]);
      const empty = await e2e.graph.request<{ value: Json[] }>('GET', `/communications/calls/${asked.callId}/contentSharingSessions`, undefined, { version });
      assert.deepEqual(empty.body.value, []);

      await e2e.server.workers.dispatcher.drained();
      assert.deepEqual(sharingNotices(asked).map((n) => n.changeType), ['created', 'deleted']);
      assert.deepEqual(sharingNotices(quiet), [], 'a leg without the option hears nothing about sessions');
      for (const leg of [asked, quiet]) assertCallbacksValid(leg.rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
    });
  }
});
