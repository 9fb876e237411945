import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallEvent } from '../../src/domain/calls/types.js';
import { DEMO } from '../../src/world/demo-world.js';
import { parseCreateCall } from '../../src/wire/requests/index.js';
import { graphNotificationFactory } from '../../src/wire/notification-factory.js';
import { buildConference, callFromCommand } from '../wire/support/domain.js';
import { contextFragment, loadFixture, only, VERSIONS, type FixtureNotification, type FixtureScenario, type FixtureVersion } from './support/fixtures.js';
import { bodyOrNull, buildCallsTestApp, sendFixtureRequest, type CallsTestApp } from './support/graph-app.js';
import { assertHeadersConform } from './support/headers.js';
import { participantLike } from './support/like-fixture.js';
import { bodyOf, notificationKind, NOT_SIMULATED } from './support/notifications.js';
import { CREATE_CALL_ALLOWANCES } from './support/allowances.js';
import { ConformanceCheck } from './support/shape.js';

/**
 * Graph itself refuses these example bodies: appHostedMediaConfig without `blob` gets
 * `8523 Missing mediaConfig information.` (microsoft-graph-docs-contrib#9126).
 */
const REFUSED = ['v1.0/example-4', 'v1.0/example-6'];

describe('conformance: create call (application-post-calls)', () => {
  const check = new ConformanceCheck(CREATE_CALL_ALLOWANCES);
  let t: CallsTestApp;
  before(async () => {
    t = await buildCallsTestApp();
  });
  after(() => t.close());

  for (const version of VERSIONS) {
    for (const scenario of loadFixture(version, 'application-post-calls').scenarios) {
      const label = `${version}/${scenario.name}`;
      it(`${label}: response`, async () => {
        const expected = only(scenario.responses, 'response');
        const response = await sendFixtureRequest(t, only(scenario.requests, 'request'));
        if (REFUSED.includes(label)) {
          assert.equal(response.statusCode, 400);
          return assert.equal(response.json<{ error: { code: string } }>().error.code, '8523');
        }
        assert.equal(response.statusCode, expected.status);
        assertHeadersConform(label, expected.headers, response.headers);
        const body = bodyOrNull(response) as Record<string, unknown>;
        assert.equal(contextFragment(body['@odata.context']), contextFragment((expected.body as Record<string, unknown>)['@odata.context']));
        check.compare(`${label} response`, expected.body, body);
      });
      for (const notification of scenario.notifications) notificationTest(check, version, scenario, notification);
    }
  }

  it('needs every difference it lists', () => check.assertAllUsed());
});

function notificationTest(check: ConformanceCheck, version: FixtureVersion, scenario: FixtureScenario, notification: FixtureNotification): void {
  const kind = notificationKind(notification);
  const label = `${version}/${scenario.name} ${kind}`;
  const skip = NOT_SIMULATED[kind];
  it(`${label}: notification`, { skip }, () => {
    const command = parseCreateCall(only(scenario.requests, 'request').body, { version, viaAppAlias: false });
    const created = callFromCommand({ appId: DEMO.appId, tenantId: DEMO.tenantId, roles: [] }, command);
    const leg = { ...created, state: kind === 'establishing' ? ('establishing' as const) : ('established' as const) };
    check.compare(label, notification.body, bodyOf(graphNotificationFactory.forLeg(eventFor(kind, leg, notification), leg)));
  });
}

/** The domain event behind the example; a roster example's participants become the conference's. */
function eventFor(kind: string, leg: ReturnType<typeof callFromCommand>, notification: FixtureNotification): CallEvent {
  if (kind !== 'roster') return { type: 'call:stateChanged', call: leg };
  const item = (notification.body.value as Record<string, unknown>[])[0]!;
  const participants = (item.resourceData as Record<string, unknown>[]).map(participantLike);
  const bot = participants.find((participant) => participant.kind === 'app');
  Object.assign(leg, { myParticipantId: bot?.id, conferenceId: 'conference-1' });
  return { type: 'roster:updated', conference: buildConference({ participants }), participants };
}
