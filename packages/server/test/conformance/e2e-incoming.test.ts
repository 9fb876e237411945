import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { E2eConformance, IDENTITY_TENANT } from '../e2e/support/conformance.js';
import { bodyOrNull, sendFixture, withValues } from '../e2e/support/fixture-requests.js';
import type { HttpResult, Json } from '../e2e/support/harness.js';
import { isRoster, waitForDeleted, waitForNotice, type Notice } from '../e2e/support/notifications.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { ANSWER_ALLOWANCES, REDIRECT_ALLOWANCES, REJECT_ALLOWANCES } from './support/allowances.js';
import { loadFixture, only, VERSIONS, type FixtureNotification, type FixtureResponse, type FixtureScenario } from './support/fixtures.js';
import { assertHeadersConform } from './support/headers.js';
import { notificationKind, NOT_SIMULATED } from './support/notifications.js';
import type { Allowance } from './support/shape.js';
import { useMeetingE2e } from '../e2e/support/meeting-e2e.js';

/** Differences only a real flow shows, on top of the pages' lists (imported from support/allowances.ts). */
const E2E_ALLOWANCES: Allowance[] = [
  IDENTITY_TENANT,
  {
    path: 'value[].resourceData.requestedModalities[]',
    kind: 'missing',
    reason: 'a simulated person calls with audio only; this example’s caller asks for video too',
    where: ['v1.0/example-2 incoming', 'beta/example-2 incoming'],
  },
  {
    path: 'value[].resourceData.source.identity.user.displayName',
    kind: 'extra',
    reason: 'the world knows every caller’s name and shows it (as the answer and reject examples do); the redirect examples’ callers have none',
  },
];

/**
 * Incoming calls end to end against the committed fixtures (call-answer, call-reject,
 * call-redirect): a simulated person calls the demo bot, the real `created` notification, the
 * real 202 and the real follow-up notifications are compared with each example's.
 */
describe('conformance e2e: incoming calls', () => {
  const conformance = new E2eConformance(E2E_ALLOWANCES);
  const { e2e, p } = useMeetingE2e({ endMeetings: [] });
  let webhook: WebhookReceiver;
  before(async () => {
    webhook = await e2e.receiver();
    await p.setWebhook(DEMO.appId, webhook.url);
  });

  const example = (scenario: FixtureScenario, kind: string): FixtureNotification | undefined => scenario.notifications.find((n) => notificationKind(n) === kind);

  function compareNotification(allowances: Allowance[], label: string, expected: FixtureNotification | undefined, notice: Notice): void {
    if (!expected) return;
    conformance.compare(allowances, `${label} ${notificationKind(expected)}`, expected.body, { ...(notice.callback.body as Json), value: [notice.item] });
  }

  function compareResponse(label: string, expected: FixtureResponse, response: HttpResult): void {
    assert.equal(response.status, expected.status, `${label}: ${response.raw}`);
    assertHeadersConform(label, expected.headers, response.headers);
    assert.equal(bodyOrNull(response), expected.body, `${label}: body`);
  }

  /** A person calls the bot; the `created` notification is compared with the example's `incoming` one. */
  async function ring(allowances: Allowance[], label: string, scenario: FixtureScenario): Promise<string> {
    const callId = await p.callApp(DEMO.users.adele.id, DEMO.appId);
    compareNotification(allowances, label, example(scenario, 'incoming'), await waitForNotice(webhook, callId, (n) => n.changeType === 'created'));
    return callId;
  }

  /** The example's request with its callback URL pointing at `callbackUri`. */
  const bodyOf = (scenario: FixtureScenario, callbackUri: string) => {
    const body = only(scenario.requests, 'request').body as Json;
    return typeof body.callbackUri === 'string' ? withValues(body, { [body.callbackUri]: callbackUri }) : body;
  };

  for (const version of VERSIONS) {
    for (const scenario of loadFixture(version, 'call-answer').scenarios.filter((s) => s.requests.length === 1 && s.notifications.length > 0)) {
      const label = `${version}/${scenario.name}`;
      it(`${label}: answer`, async () => {
        const callId = await ring(ANSWER_ALLOWANCES, label, scenario);
        const rx = await e2e.receiver();
        compareResponse(label, only(scenario.responses, 'response'), await sendFixture(e2e, only(scenario.requests, 'request'), { callId, body: bodyOf(scenario, rx.url) }));
        for (const kind of ['establishing', 'established']) {
          compareNotification(ANSWER_ALLOWANCES, label, example(scenario, kind), await waitForNotice(rx, callId, (n) => !isRoster(n) && n.state === kind));
        }
        for (const n of scenario.notifications.filter((n) => NOT_SIMULATED[notificationKind(n)] === undefined)) assert.ok(['incoming', 'establishing', 'established'].includes(notificationKind(n)));
        await p.hangUp(callId);
        await waitForDeleted(rx, callId);
      });
    }

    for (const scenario of loadFixture(version, 'call-reject').scenarios) {
      const label = `${version}/${scenario.name}`;
      it(`${label}: reject`, async () => {
        const callId = await ring(REJECT_ALLOWANCES, label, scenario);
        compareResponse(label, only(scenario.responses, 'response'), await sendFixture(e2e, only(scenario.requests, 'request'), { callId }));
        compareNotification(REJECT_ALLOWANCES, label, example(scenario, 'deleted'), await waitForDeleted(webhook, callId));
      });
    }

    for (const scenario of loadFixture(version, 'call-redirect').scenarios.filter((s) => !/PSTN/i.test(s.notifications.map((n) => n.title).join()))) {
      const label = `${version}/${scenario.name}`;
      it(`${label}: redirect`, async () => {
        const callId = await ring(REDIRECT_ALLOWANCES, label, scenario);
        const rx = await e2e.receiver();
        compareResponse(label, only(scenario.responses, 'response'), await sendFixture(e2e, only(scenario.requests, 'request'), { callId, body: bodyOf(scenario, rx.url) }));
        compareNotification(REDIRECT_ALLOWANCES, label, example(scenario, 'terminated'), await waitForDeleted(rx, callId));
      });
    }
  }

  it('needs every e2e-only difference it lists', () => conformance.assertExtrasNeeded());
});
