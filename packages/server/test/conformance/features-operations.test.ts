import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { sendFixture, withValues } from '../e2e/support/fixture-requests.js';
import { meetingLeg, pathOf, usersLeg, waitForEntry, waitForOperation, type Leg } from '../e2e/support/features.js';
import type { Json } from '../e2e/support/harness.js';
import { GALLERY_ALLOWANCES, INVITE_ALLOWANCES, RECORDING_ALLOWANCES } from './support/feature-allowances.js';
import { compareNotification, compareResponse } from './support/feature-flow.js';
import { loadFixture, only, VERSIONS, type FixtureScenario } from './support/fixtures.js';
import { ConformanceCheck } from './support/shape.js';
import { useMeetingE2e } from '../e2e/support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;
const { alex, diego, megan, lynne } = DEMO.users;

/** Example user ids of participant-invite that become users of the demo world. */
const INVITE_IDS: Record<string, string> = {
  '278405a3-f568-4b3e-b684-009193463064': megan.id,
  '7e1b4346-85a6-4bdd-abe3-d11c5d420efe': megan.id,
  '1e126418-44a0-4a94-a6f8-0efe1ad71acb': lynne.id,
};

/** Invites Switchboard does not simulate (the tests list them as skipped with the reason). */
const NOT_SIMULATED_INVITES: Record<string, string> = {
  'example-4': 'PSTN invitees (application instances with phone numbers) are not simulated',
  'example-5': 'moving a participant between meetings (participantId + replacesCallId) is not simulated',
};

/**
 * updateRecordingStatus, addLargeGalleryView (+ GET operation) and participants/invite against
 * the committed fixtures, end to end: real responses and real callbacks compared with the examples.
 */
describe('conformance e2e: operations of the meeting features', () => {
  const recording = new ConformanceCheck(RECORDING_ALLOWANCES);
  const gallery = new ConformanceCheck(GALLERY_ALLOWANCES);
  const invite = new ConformanceCheck(INVITE_ALLOWANCES);
  const { e2e, p } = useMeetingE2e();

  for (const version of VERSIONS) {
    it(`${version}/call-updaterecordingstatus: 200, Location, completed operation`, async () => {
      const scenario = only(loadFixture(version, 'call-updaterecordingstatus').scenarios, 'scenario');
      const bot = await meetingLeg(e2e);
      await p.join(STANDUP.id, { userId: DEMO.recordedUserId });
      const request = only(scenario.requests, 'request');
      // The example's status is the placeholder `notRecording | recording | failed`: one of them is sent.
      const response = await sendFixture(e2e, request, { callId: bot.callId, body: { ...(request.body as Json), status: 'recording' } });
      compareResponse(recording, `${version}/call-updaterecordingstatus`, only(scenario.responses, 'response'), response);
    });

    it(`${version}/call-addlargegalleryview and addlargegalleryviewoperation-get: 202 running, completion notification, GET completed`, async () => {
      const scenario = only(loadFixture(version, 'call-addlargegalleryview').scenarios, 'scenario');
      const bot = await meetingLeg(e2e);
      const response = await sendFixture(e2e, only(scenario.requests, 'request'), { callId: bot.callId });
      compareResponse(gallery, `${version}/call-addlargegalleryview`, only(scenario.responses, 'response'), response);
      const done = await waitForOperation(bot, String(response.body.id));
      compareNotification(gallery, `${version}/call-addlargegalleryview completed`, only(scenario.notifications, 'notification'), done);

      const get = only(loadFixture(version, 'addlargegalleryviewoperation-get').scenarios, 'scenario');
      const read = await e2e.graph.request('GET', pathOf(e2e, response.headers.location), undefined, { version });
      compareResponse(gallery, `${version}/addlargegalleryviewoperation-get`, only(get.responses, 'response'), read);
    });

    for (const scenario of loadFixture(version, 'participant-invite').scenarios) {
      const label = `${version}/participant-invite ${scenario.name}`;
      const skip = NOT_SIMULATED_INVITES[scenario.name];
      it(`${label}: 200 running operation, completion and roster notifications`, { skip }, async () => {
        const several = (only(scenario.requests, 'request').body as { participants: unknown[] }).participants.length > 1;
        // Several invitees need a chat: a meeting has one, a group call an app created does not.
        const bot = several ? await meetingLeg(e2e) : await usersLeg(e2e, [alex.id, diego.id]);
        await inviteConforms(invite, label, scenario, bot);
        assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${bot.callId}`)).status, 204);
      });
    }
  }

  async function inviteConforms(check: ConformanceCheck, label: string, scenario: FixtureScenario, bot: Leg): Promise<void> {
    const request = only(scenario.requests, 'request');
    const response = await sendFixture(e2e, request, { callId: bot.callId, body: withValues(request.body, INVITE_IDS) });
    compareResponse(check, label, only(scenario.responses, 'response'), response);
    const [completed, roster] = [scenario.notifications.find((n) => /operation-completed/.test(n.title))!, scenario.notifications.find((n) => /roster/.test(n.title))!];
    compareNotification(check, `${label} completed`, completed, await waitForOperation(bot, String(response.body.id)));
    const invited = new Set(Object.values(INVITE_IDS));
    const joined = await waitForEntry(bot, (entry) => invited.has(String((((entry.info as Json).identity as Json).user as Json | undefined)?.id)) && (entry.mediaStreams as Json[])[0]?.direction === 'sendReceive');
    compareNotification(check, `${label} roster`, roster, joined);
  }

  it('needs every difference it lists', () => {
    for (const check of [recording, gallery, invite]) check.assertAllUsed();
  });
});
