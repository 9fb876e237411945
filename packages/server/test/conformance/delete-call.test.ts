import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { graphNotificationFactory } from '../../src/wire/notification-factory.js';
import { buildCall } from '../wire/support/domain.js';
import { loadFixture, only, VERSIONS } from './support/fixtures.js';
import { bodyOrNull, buildCallsTestApp, sendFixtureRequest, type CallsTestApp } from './support/graph-app.js';
import { assertHeadersConform } from './support/headers.js';
import { callEventFor, legOf } from './support/incoming-flow.js';
import { bodyOf, notificationKind } from './support/notifications.js';
import { DELETE_CALL_ALLOWANCES } from './support/allowances.js';
import { ConformanceCheck } from './support/shape.js';

describe('conformance: delete call (call-delete)', () => {
  const check = new ConformanceCheck(DELETE_CALL_ALLOWANCES);
  let t: CallsTestApp;
  before(async () => {
    t = await buildCallsTestApp();
  });
  after(() => t.close());

  for (const version of VERSIONS) {
    const scenario = only(loadFixture(version, 'call-delete').scenarios, 'scenario');
    it(`${version}: response`, async () => {
      const expected = only(scenario.responses, 'response');
      const call = t.calls.add(buildCall({ id: `delete-${version}` }));
      const response = await sendFixtureRequest(t, only(scenario.requests, 'request'), call.id);
      assert.equal(response.statusCode, expected.status);
      assertHeadersConform(version, expected.headers, response.headers);
      assert.equal(bodyOrNull(response), expected.body);
    });
    for (const notification of scenario.notifications) {
      const kind = notificationKind(notification);
      it(`${version}: ${kind} notification`, () => {
        const leg = { ...legOf(notification), apiVersion: version, ...(kind === 'terminated' ? { resultInfo: { code: 200, subcode: 5001, message: 'The conversation has ended.' } } : {}) };
        const message = graphNotificationFactory.forLeg(callEventFor(kind, leg), leg);
        check.compare(`${version} ${kind}`, notification.body, bodyOf(message));
      });
    }
  }

  it('needs every difference it lists', () => check.assertAllUsed());
});
