import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { sendFixture, withValues } from '../e2e/support/fixture-requests.js';
import { meetingLeg, usersLeg, waitForEntry } from '../e2e/support/features.js';
import type { Json } from '../e2e/support/harness.js';
import { waitForDeleted, waitForNotice, type Notice } from '../e2e/support/notifications.js';
import { SCREEN_SHARING_ALLOWANCES, SESSIONS_ALLOWANCES, TRANSFER_ALLOWANCES } from './support/feature-allowances.js';
import { compareNotification, compareResponse } from './support/feature-flow.js';
import { loadFixture, only, VERSIONS, type FixtureNotification, type FixtureVersion } from './support/fixtures.js';
import { ConformanceCheck } from './support/shape.js';
import { useMeetingE2e } from '../e2e/support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;
const { alex, diego, megan } = DEMO.users;
const APP_HOSTED = { mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: '<media configuration blob>' } };

/** The transfer examples' target (and, in beta, its tenant) become a user of the demo tenant. */
const TRANSFER_IDS: Record<string, string> = { '550fae72-d251-43ec-868c-373732c2704f': megan.id, '72f988bf-86f1-41af-91ab-2d7cd011db47': DEMO.tenantId };

/** Transfers Switchboard does not simulate (400 with the reason): the tests list them as skipped. */
const NOT_SIMULATED_TRANSFERS: Record<string, string> = {
  'example-2': 'consultative transfer (transferTarget.replacesCallId) is not simulated',
  'example-3': 'transfer to a PSTN number (application instances with phone numbers) is not simulated',
  'example-4': 'consultative transfer to a PSTN number is not simulated',
  'example-5': 'transfer out of a group call (with a transferee) is not simulated',
};

/**
 * Content sharing sessions, changeScreenSharingRole and transfer against the committed fixtures,
 * end to end: real responses and real callbacks compared with the examples.
 */
describe('conformance e2e: sessions, screen sharing role, transfer', () => {
  const sessions = new ConformanceCheck(SESSIONS_ALLOWANCES);
  const sharing = new ConformanceCheck(SCREEN_SHARING_ALLOWANCES);
  const transfer = new ConformanceCheck(TRANSFER_ALLOWANCES);
  const { e2e, p } = useMeetingE2e();

  for (const version of VERSIONS) {
    it(`${version}/call-list-contentsharingsessions and contentsharingsession-get: two people share`, async () => {
      const bot = await meetingLeg(e2e);
      const shared: Json[] = [];
      for (const userId of [alex.id, diego.id]) {
        const joined = await p.join(STANDUP.id, { userId });
        shared.push(await e2e.control.expect<Json>(200, 'POST', `/conferences/${joined.conferenceId}/participants/${joined.participantId}/share`));
      }
      const list = only(loadFixture(version, 'call-list-contentsharingsessions').scenarios, 'scenario');
      compareResponse(sessions, `${version}/call-list-contentsharingsessions`, only(list.responses, 'response'), await sendFixture(e2e, only(list.requests, 'request'), { callId: bot.callId }));
      const one = only(loadFixture(version, 'contentsharingsession-get').scenarios, 'scenario');
      const request = only(one.requests, 'request');
      const read = await sendFixture(e2e, { ...request, path: request.path.replace(/[^/]+$/, String(shared[0]!.id)) }, { callId: bot.callId });
      compareResponse(sessions, `${version}/contentsharingsession-get`, only(one.responses, 'response'), read);
    });

    it(`${version}/call-changescreensharingrole: 202, and the roster shows the app's screen-sharing stream sendOnly`, async () => {
      const scenario = only(loadFixture(version, 'call-changescreensharingrole').scenarios, 'scenario');
      const bot = await meetingLeg(e2e, APP_HOSTED);
      const request = only(scenario.requests, 'request');
      compareResponse(sharing, `${version}/call-changescreensharingrole`, only(scenario.responses, 'response'), await sendFixture(e2e, request, { callId: bot.callId }));
      // The example's request makes the app a viewer; its notification shows a sharer, so the app then shares.
      assert.equal((await sendFixture(e2e, request, { callId: bot.callId, body: { role: 'sharer' } })).status, 202);
      const notice = await waitForEntry(bot, (entry) => entry.id === bot.me && (entry.mediaStreams as Json[]).some((s) => s.direction === 'sendOnly'));
      compareNotification(sharing, `${version}/call-changescreensharingrole roster`, only(scenario.notifications, 'notification'), notice);
    });

    for (const scenario of loadFixture(version, 'call-transfer').scenarios.filter((s) => s.requests.length > 0)) {
      const label = `${version}/call-transfer ${scenario.name}`;
      it(`${label}: 202, transferring, transferAccepted, terminated 0/7015 (and a failed transfer)`, { skip: NOT_SIMULATED_TRANSFERS[scenario.name] }, async () => {
        const bot = await usersLeg(e2e, [alex.id]);
        const request = only(scenario.requests, 'request');
        compareResponse(transfer, label, only(scenario.responses, 'response'), await sendFixture(e2e, request, { callId: bot.callId, body: withValues(request.body, TRANSFER_IDS) }));
        await waitForDeleted(bot.rx, bot.callId);
        for (const example of scenario.notifications.filter((n) => !/failed/.test(n.title))) {
          compareNotification(transfer, `${label} ${stepOf(example)}`, example, await transferNotice(bot.rx, bot.callId, example));
        }
        await failedTransferConforms(version, scenario.notifications.find((n) => /failed/.test(n.title)));
      });
    }
  }

  /** A transfer to a user outside the tenant fails back to established with 500/7000. */
  async function failedTransferConforms(version: FixtureVersion, example: FixtureNotification | undefined): Promise<void> {
    const standalone = loadFixture(version, 'call-transfer').scenarios.find((s) => s.name === 'notification-transfer-failed');
    const bot = await usersLeg(e2e, [alex.id]);
    const res = await e2e.graph.request('POST', `/communications/calls/${bot.callId}/transfer`, { transferTarget: { identity: { user: { id: DEMO.users.pradeep.id } } } }, { version });
    assert.equal(res.status, 202);
    const failed = await waitForNotice(bot.rx, bot.callId, (n) => n.state === 'established' && n.resultInfo !== undefined);
    for (const shown of [example, ...(standalone?.notifications ?? [])].filter((n): n is FixtureNotification => n !== undefined)) {
      compareNotification(transfer, `${version}/call-transfer failed`, shown, failed);
    }
    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${bot.callId}`)).status, 204);
  }

  it('needs every difference it lists', () => {
    for (const check of [sessions, sharing, transfer]) check.assertAllUsed();
  });
});

const stepOf = (example: FixtureNotification): string => (/accepted/i.test(example.title) ? 'transferAccepted' : /completed/i.test(example.title) ? 'terminated' : 'transferring');

function transferNotice(rx: Parameters<typeof waitForNotice>[0], callId: string, example: FixtureNotification): Promise<Notice> {
  const step = stepOf(example);
  return waitForNotice(rx, callId, (n) => n.state === step);
}
