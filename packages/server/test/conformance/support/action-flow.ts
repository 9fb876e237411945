import assert from 'node:assert/strict';
import { it } from 'node:test';
import { graphNotificationFactory } from '../../../src/wire/notification-factory.js';
import { buildCall } from '../../wire/support/domain.js';
import type { FixtureScenario, FixtureVersion } from './fixtures.js';
import { only } from './fixtures.js';
import { bodyOrNull, sendFixtureRequest, type CallsTestApp } from './graph-app.js';
import { assertHeadersConform } from './headers.js';
import { callEventFor, legOf } from './incoming-flow.js';
import { bodyOf, notificationKind, NOT_SIMULATED } from './notifications.js';
import type { ConformanceCheck } from './shape.js';

/**
 * The tests of one scenario of an incoming-call action page (answer, reject, redirect): the
 * request gets the documented status, headers and (empty) body; each notification the example
 * shows is compared with what our factory makes of the same situation.
 */
export function actionScenarioTests(app: () => CallsTestApp, check: ConformanceCheck, version: FixtureVersion, scenario: FixtureScenario): void {
  const label = `${version}/${scenario.name}`;
  if (scenario.requests.length > 0) {
    it(`${label}: response`, async () => {
      const expected = only(scenario.responses, 'response');
      const call = app().calls.add(buildCall({ id: `${label.replace(/[^a-z0-9]+/gi, '-')}-call`, direction: 'incoming', state: 'incoming', scenario: 'incoming', echo: {} }));
      const response = await sendFixtureRequest(app(), only(scenario.requests, 'request'), call.id);
      assert.equal(response.statusCode, expected.status);
      assertHeadersConform(label, expected.headers, response.headers);
      assert.equal(bodyOrNull(response), expected.body);
    });
  }
  for (const notification of scenario.notifications) {
    const kind = notificationKind(notification);
    it(`${label}: ${kind} notification`, { skip: NOT_SIMULATED[kind] }, () => {
      const leg = { ...legOf(notification), apiVersion: version };
      check.compare(`${label} ${kind}`, notification.body, bodyOf(graphNotificationFactory.forLeg(callEventFor(kind, leg), leg)));
    });
  }
}
