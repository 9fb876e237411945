import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { joinByMeetingId } from '../e2e/support/bodies.js';
import { E2eConformance, IDENTITY_TENANT } from '../e2e/support/conformance.js';
import { bodyOrNull, scenarioTitled, sendFixture, withValues } from '../e2e/support/fixture-requests.js';
import type { HttpResult, Json } from '../e2e/support/harness.js';
import { isRoster, waitForDeleted, waitForNotice, waitForState, type Notice } from '../e2e/support/notifications.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { CREATE_CALL_ALLOWANCES, DELETE_CALL_ALLOWANCES, GET_CALL_ALLOWANCES, PARTICIPANTS_ALLOWANCES } from './support/allowances.js';
import { contextFragment, loadFixture, only, VERSIONS, type FixtureNotification, type FixtureResponse, type FixtureVersion } from './support/fixtures.js';
import { assertHeadersConform } from './support/headers.js';
import { notificationKind, NOT_SIMULATED } from './support/notifications.js';
import type { Allowance } from './support/shape.js';
import { useMeetingE2e } from '../e2e/support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;

/** The example ids that become the demo world's (application-post-calls examples 1, 5, 7/6). */
const EXAMPLE_IDS = (callbackUri: string): Record<string, string> => ({
  'https://bot.contoso.com/callback': callbackUri,
  '19:meeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm@thread.v2': STANDUP.chatThreadId,
  '5810cede-f3cc-42eb-b2c1-e9bd5d53ec96': STANDUP.organizerId,
  '86dc81db-c112-4228-9222-63f3esaa1edb': DEMO.tenantId,
  'aa67bd4c-8475-432d-bd41-39f255720e0a': DEMO.tenantId,
  '9f386a15-f9cc-445b-8106-ac85e314a07b': DEMO.tenantId,
  '1234567': STANDUP.joinMeetingId,
  psw123: STANDUP.passcode,
  '112f7296-5fa4-42ca-bae8-6a692b15d4b8': DEMO.users.megan.id,
});

/**
 * Differences only a real flow shows, on top of the mapper-level lists (which are imported, not
 * repeated): the simulation's people and bots, not the mapping, differ from the example's.
 */
const E2E_ALLOWANCES: Allowance[] = [
  {
    path: 'value[].resourceData[].mediaStreams[]',
    kind: 'missing',
    reason: 'a simulated person’s streams are what they send (audio, video when asked); the example’s person also lists the video and screen sharing they only receive',
    where: ['v1.0/example-5 roster', 'beta/example-5 roster'],
  },
  ...['chatInfo', 'meetingInfo'].map((member): Allowance => ({
    path: `value[].resourceData.${member}`,
    kind: 'extra',
    reason: 'a meeting call’s state notifications carry its chatInfo and meetingInfo (application-post-calls example 5); the call-delete example’s call is not a meeting',
    where: ['v1.0 terminating', 'v1.0 terminated', 'beta terminating', 'beta terminated'],
  })),
  {
    path: 'meetingInfo.organizer.user.tenantId',
    kind: 'extra',
    reason: 'meetingInfo is echoed as the bot sent it: the join (example 5’s body) names the organizer’s tenant, which the get example’s call did not send',
    where: ['v1.0/example-2 response', 'beta/example-2 response'],
  },
  IDENTITY_TENANT,
];

/**
 * The documented meeting flow against the committed fixtures, end to end: the real 201, the real
 * callbacks, the real reads, compared with the examples by the same rules and allowances as the
 * mapper-level conformance tests (create-call, get-call, participants, delete-call, keep-alive).
 */
describe('conformance e2e: a bot joins a meeting', () => {
  const conformance = new E2eConformance(E2E_ALLOWANCES);
  const [create, get, participants, deletion] = [CREATE_CALL_ALLOWANCES, GET_CALL_ALLOWANCES, PARTICIPANTS_ALLOWANCES, DELETE_CALL_ALLOWANCES];
  const { e2e, p } = useMeetingE2e();

  /**
   * Status, headers and body shape; `@odata.context` as the example's, or as given (a read names the
   * path it was made on, where beta's get example 1 shows the legacy #app/calls, see get-call.test.ts).
   */
  function compareResponse(allowances: Allowance[], label: string, expected: FixtureResponse, response: HttpResult, context?: string): void {
    assert.equal(response.status, expected.status, `${label}: ${response.raw}`);
    assertHeadersConform(label, expected.headers, response.headers);
    const body = bodyOrNull(response);
    if (expected.body === null) return assert.equal(body, null, label);
    assert.equal(contextFragment((body as Json)['@odata.context']), context ?? contextFragment((expected.body as Json)['@odata.context']), `${label}: @odata.context`);
    conformance.compare(allowances, `${label} response`, expected.body, body);
  }

  /** Our notification of the same kind as the example's, for this call. */
  async function ours(rx: WebhookReceiver, callId: string, example: FixtureNotification): Promise<Notice> {
    const kind = notificationKind(example);
    if (kind === 'roster') return waitForNotice(rx, callId, isRoster);
    return waitForNotice(rx, callId, (n) => !isRoster(n) && n.state === kind);
  }

  function compareNotification(allowances: Allowance[], label: string, example: FixtureNotification, notice: Notice): void {
    conformance.compare(allowances, label, example.body, { ...(notice.callback.body as Json), value: [notice.item] });
  }

  for (const version of VERSIONS) {
    const posts = loadFixture(version, 'application-post-calls');

    it(`${version}: join by joinMeetingId and passcode (create response)`, async () => {
      const scenario = scenarioTitled(posts, /join-?meeting-?id-and-passcode/i);
      const rx = await e2e.receiver();
      const request = only(scenario.requests, 'request');
      const response = await sendFixture(e2e, request, { body: withValues(request.body, EXAMPLE_IDS(rx.url)) });
      compareResponse(create, `${version}/${scenario.name}`, only(scenario.responses, 'response'), response);
      await hangUp(rx, String(response.body.id), version);
    });

    it(`${version}: join a scheduled meeting (example 5): create, notifications, get, participants, keepAlive, delete`, async () => {
      const scenario = scenarioTitled(posts, /join-scheduled-meeting(-with)?-service-hosted-media/i);
      const label = `${version}/${scenario.name}`;
      // The example's roster: a muted person, then the bot.
      const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id }, { muted: true });
      const rx = await e2e.receiver();
      const request = only(scenario.requests, 'request');
      const created = await sendFixture(e2e, request, { body: withValues(request.body, EXAMPLE_IDS(rx.url)) });
      compareResponse(create, label, only(scenario.responses, 'response'), created);
      const callId = String(created.body.id);
      for (const example of scenario.notifications) {
        const kind = notificationKind(example);
        if (NOT_SIMULATED[kind]) continue;
        compareNotification(create, `${label} ${kind}`, example, await ours(rx, callId, example));
      }

      await readsConform(version, callId, String(created.body.myParticipantId), alex);
      await keepAliveConforms(version, callId);
      await hangUp(rx, callId, version);
    });

    it(`${version}: call a user peer to peer (example 1): create, notifications, get`, async () => {
      const scenario = scenarioTitled(posts, /create-(call-service-hosted-media-1|peer-to-peer-voip-call-with-service-hosted-media)/i);
      const label = `${version}/${scenario.name}`;
      const rx = await e2e.receiver();
      const request = only(scenario.requests, 'request');
      const created = await sendFixture(e2e, request, { body: withValues(request.body, EXAMPLE_IDS(rx.url)) });
      compareResponse(create, label, only(scenario.responses, 'response'), created);
      const callId = String(created.body.id);
      for (const example of scenario.notifications) {
        const kind = notificationKind(example);
        if (NOT_SIMULATED[kind]) continue;
        compareNotification(create, `${label} ${kind}`, example, await ours(rx, callId, example));
      }
      await hangUp(rx, callId, version);

      // GET: a call as the get example shows it (its media config lists prefetch media, no call options).
      const getCall = scenarioTitled(loadFixture(version, 'call-get'), /peer-to-peer/i);
      const shown = only(getCall.responses, 'response').body as Json;
      const asShown: Json = { ...(withValues(request.body, EXAMPLE_IDS(rx.url)) as Json), mediaConfig: shown.mediaConfig };
      delete asShown.callOptions;
      const p2p = await e2e.graph.request('POST', '/communications/calls', asShown, { version });
      assert.equal(p2p.status, 201, p2p.raw);
      await waitForState(rx, String(p2p.body.id), 'established');
      const read = await sendFixture(e2e, only(getCall.requests, 'request'), { callId: String(p2p.body.id) });
      compareResponse(get, `${version}/${getCall.name}`, only(getCall.responses, 'response'), read, '#communications/calls/$entity');
      await hangUp(rx, String(p2p.body.id), version);
    });
  }

  it('needs every e2e-only difference it lists', () => conformance.assertExtrasNeeded());

  /** GET call (a group call example), list participants (two apps), get participant. */
  async function readsConform(version: FixtureVersion, callId: string, me: string, alex: { conferenceId: string; participantId: string; isInLobby: boolean }): Promise<void> {
    const getCall = scenarioTitled(loadFixture(version, 'call-get'), /group call|group-call/i);
    const read = await sendFixture(e2e, only(getCall.requests, 'request'), { callId });
    compareResponse(get, `${version}/${getCall.name}`, only(getCall.responses, 'response'), read, '#communications/calls/$entity');

    // The list example shows two application participants: a second leg of the bot joins, Alex leaves.
    const rx2 = await e2e.receiver();
    const second = (await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx2.url), { version })).body;
    await waitForState(rx2, String(second.id), 'established');
    await p.leave(alex);
    const list = only(loadFixture(version, 'call-list-participants').scenarios, 'scenario');
    const listed = await sendFixture(e2e, only(list.requests, 'request'), { callId });
    compareResponse(participants, `${version}/call-list-participants`, only(list.responses, 'response'), listed);
    const one = only(loadFixture(version, 'participant-get').scenarios, 'scenario');
    const got = await sendFixture(e2e, only(one.requests, 'request'), { callId, participantId: me });
    compareResponse(participants, `${version}/participant-get`, only(one.responses, 'response'), got);
    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${String(second.id)}`, undefined, { version })).status, 204);
  }

  async function keepAliveConforms(version: FixtureVersion, callId: string): Promise<void> {
    const scenario = only(loadFixture(version, 'call-keepalive').scenarios, 'scenario');
    const response = await sendFixture(e2e, only(scenario.requests, 'request'), { callId });
    compareResponse(get, `${version}/keepAlive`, only(scenario.responses, 'response'), response);
  }

  /** DELETE as call-delete shows it: 204, then terminating and terminated compared with the example's. */
  async function hangUp(rx: WebhookReceiver, callId: string, version: FixtureVersion): Promise<void> {
    const scenario = only(loadFixture(version, 'call-delete').scenarios, 'scenario');
    const response = await sendFixture(e2e, only(scenario.requests, 'request'), { callId });
    compareResponse(deletion, `${version}/call-delete`, only(scenario.responses, 'response'), response);
    await waitForDeleted(rx, callId);
    for (const example of scenario.notifications) compareNotification(deletion, `${version} ${notificationKind(example)}`, example, await ours(rx, callId, example));
  }
});
