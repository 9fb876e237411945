import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { E2eConformance, IDENTITY_TENANT } from '../e2e/support/conformance.js';
import { meetingLeg, usersLeg, waitForEntry, waitForOperation, type Leg } from '../e2e/support/features.js';
import { bodyOrNull, sendFixture, withValues } from '../e2e/support/fixture-requests.js';
import { startE2e, type E2e, type HttpResult, type Json } from '../e2e/support/harness.js';
import { isRoster, waitForNotice, type Notice } from '../e2e/support/notifications.js';
import type { PersonJoined } from '../e2e/support/people.js';
import { multicastExample } from './support/controls-app.js';
import { AUDIO_ROUTING_ALLOWANCES, PARTICIPANT_CONTROL_ALLOWANCES } from './support/controls-allowances.js';
import { contextFragment, loadFixture, only, scenarioOf, VERSIONS, type FixtureNotification, type FixtureResponse, type FixtureVersion } from './support/fixtures.js';
import { assertHeadersConform } from './support/headers.js';
import type { Allowance } from './support/shape.js';
import { useMeetingE2e } from '../e2e/support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;

/** The participant ids of the audio routing group examples, and who they become here. */
const GROUP_IDS = { source: '632899f8-2ea1-4604-8413-27bd2892079f', first: '550fae72-d251-43ec-868c-373732c2704f', second: '72f988bf-86f1-41af-91ab-2d7cd011db47' };

/** Differences only a real flow shows, on top of the page lists (imported, not repeated). */
const E2E_ALLOWANCES: Allowance[] = [
  IDENTITY_TENANT,
  ...['missing', 'extra'].map((kind): Allowance => ({
    path: kind === 'missing' ? 'value[].resourceData[].info.identity.user' : 'value[].resourceData[].info.identity.application',
    kind: kind as Allowance['kind'],
    reason: 'call mute / unmute change the bot’s own entry, an application; the examples show a user (Bob) there',
    where: ['v1.0/call-mute', 'v1.0/call-unmute', 'beta/call-mute', 'beta/call-unmute'],
  })),
];

/**
 * The meeting-control pages end to end against the committed fixtures: each example's request
 * (its ids swapped for the meeting's) sent to a real server, our answer and the notification the
 * bot's receiver gets compared with the example's by the rules and lists of the mapper-level tests
 * (controls-audio-routing.test.ts, controls-participants.test.ts). Documented differences that are
 * behaviour, not shape, are asserted where they occur.
 */
describe('conformance e2e: meeting controls', () => {
  const conformance = new E2eConformance(E2E_ALLOWANCES);
  const { e2e, p } = useMeetingE2e();

  function compareResponse(allowances: Allowance[], label: string, expected: FixtureResponse, response: HttpResult, expectedBody: unknown = expected.body): void {
    assert.equal(response.status, expected.status, `${label}: ${response.raw}`);
    assertHeadersConform(label, expected.headers, response.headers);
    const body = bodyOrNull(response);
    if (expectedBody === null) return assert.equal(body, null, label);
    const documented = (expectedBody as Json)['@odata.context'];
    if (documented !== undefined) assert.equal(contextFragment((body as Json)['@odata.context']), contextFragment(documented), `${label}: @odata.context`);
    conformance.compare(allowances, `${label} response`, expectedBody, body);
  }

  function compareNotification(label: string, example: FixtureNotification, notice: Notice): void {
    conformance.compare(PARTICIPANT_CONTROL_ALLOWANCES, `${label} notification`, example.body, { ...(notice.callback.body as Json), value: [notice.item] });
  }

  interface Meeting {
    bot: Leg;
    alex: PersonJoined;
    megan: PersonJoined;
  }

  async function meeting(version: FixtureVersion): Promise<Meeting> {
    const bot = await meetingLeg(e2e, {}, version);
    const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id });
    const megan = await p.join(STANDUP.id, { userId: DEMO.users.megan.id });
    await waitForEntry(bot, (entry) => entry.id === megan.participantId);
    return { bot, alex, megan };
  }

  for (const version of VERSIONS) {
    const page = (name: string) => loadFixture(version, name);
    const one = (name: string) => only(page(name).scenarios, `${name} scenario`);

    it(`${version}: audio routing groups — create, update, get, list, delete`, async () => {
      const { bot, alex, megan } = await meeting(version);
      const ids = { [GROUP_IDS.source]: bot.me, [GROUP_IDS.first]: alex.participantId, [GROUP_IDS.second]: megan.participantId };
      const send = (request: Parameters<typeof sendFixture>[1], body?: unknown) => sendFixture(e2e, request, { callId: bot.callId, ...(body === undefined ? {} : { body: withValues(body, ids) }) });

      const create = scenarioOf(page('call-post-audioroutinggroups'), 'example-1');
      const request = only(create.requests, 'request');
      compareResponse(AUDIO_ROUTING_ALLOWANCES, `${version}/create example-1`, only(create.responses, 'response'), await send(request, request.body));

      // The update example turns the oneToOne group into one with two receivers, which the
      // routing mode forbids (audioRoutingGroup): we answer 400 and take it as multicast instead.
      const update = one('audioroutinggroup-update');
      const patch = only(update.requests, 'request');
      const path = patch.path.replace(/audioRoutingGroups\/[^/]+$/, 'audioRoutingGroups/oneToOne');
      const refused = await send({ ...patch, path }, patch.body);
      assert.equal(refused.status, 400, refused.raw);
      assert.match(String((refused.body.error as Json).message), /oneToOne audio routing group has exactly one source and one receiver/);
      const patched = await send({ ...patch, path }, { ...(patch.body as Json), routingMode: 'multicast' });
      compareResponse(AUDIO_ROUTING_ALLOWANCES, `${version}/update`, only(update.responses, 'response'), patched);

      const get = one('audioroutinggroup-get');
      const getRequest = only(get.requests, 'request');
      compareResponse(AUDIO_ROUTING_ALLOWANCES, `${version}/get`, only(get.responses, 'response'), await send({ ...getRequest, path: getRequest.path.replace(/audioRoutingGroups\/[^/]+$/, 'audioRoutingGroups/oneToOne') }));
      const list = one('call-list-audioroutinggroups');
      compareResponse(AUDIO_ROUTING_ALLOWANCES, `${version}/list`, only(list.responses, 'response'), await send(only(list.requests, 'request')));

      const multicast = multicastExample(version);
      compareResponse(AUDIO_ROUTING_ALLOWANCES, `${version}/create example-2`, multicast.expected, await send(multicast.request, multicast.body), withValues(multicast.expected.body, ids));

      const remove = one('audioroutinggroup-delete');
      const removeRequest = only(remove.requests, 'request');
      compareResponse(AUDIO_ROUTING_ALLOWANCES, `${version}/delete`, only(remove.responses, 'response'), await send({ ...removeRequest, path: removeRequest.path.replace(/audioRoutingGroups\/[^/]+$/, 'audioRoutingGroups/multicast') }));
    });

    it(`${version}: participant mute, call mute and unmute — responses and roster notifications`, async () => {
      const { bot, alex } = await meeting(version);
      const mute = one('participant-mute');
      const muted = await sendFixture(e2e, only(mute.requests, 'request'), { callId: bot.callId, participantId: alex.participantId });
      compareResponse(PARTICIPANT_CONTROL_ALLOWANCES, `${version}/participant-mute`, only(mute.responses, 'response'), muted);
      compareNotification(`${version}/participant-mute`, only(mute.notifications, 'notification'), await waitForEntry(bot, (entry) => entry.id === alex.participantId && entry.isMuted === true));

      for (const [name, isMuted] of [['call-mute', true], ['call-unmute', false]] as const) {
        const scenario = one(name);
        const response = await sendFixture(e2e, only(scenario.requests, 'request'), { callId: bot.callId });
        compareResponse(PARTICIPANT_CONTROL_ALLOWANCES, `${version}/${name}`, only(scenario.responses, 'response'), response);
        const notice = await waitForNotice(bot.rx, bot.callId, (n) => isRoster(n) && (n.resourceData as Json[]).some((entry) => entry.id === bot.me && entry.isMuted === isMuted));
        compareNotification(`${version}/${name}`, only(scenario.notifications, 'notification'), notice);
      }
    });

    it(`${version}: hold music — 202 running, then the operation's \`deleted\` notification`, async () => {
      const { bot, megan } = await meeting(version);
      for (const name of ['participant-startholdmusic', 'participant-stopholdmusic']) {
        const scenario = one(name);
        const response = await sendFixture(e2e, only(scenario.requests, 'request'), { callId: bot.callId, participantId: megan.participantId });
        const expected = only(scenario.responses, 'response');
        // beta's stopHoldMusic example says `completed` against its page and §6: we answer running (controls-participants.test.ts).
        const documented = name === 'participant-stopholdmusic' && version === 'beta' ? { ...(expected.body as Json), status: 'running' } : expected.body;
        compareResponse(PARTICIPANT_CONTROL_ALLOWANCES, `${version}/${name}`, expected, response, documented);
        assert.equal(response.body.status, 'running');
        const done = await waitForOperation(bot, String(response.body.id));
        assert.equal((done.resourceData as Json).status, 'completed');
        for (const example of scenario.notifications) compareNotification(`${version}/${name}`, example, done);
      }
    });

    it(`${version}: DELETE participant (example 1, an active participant) — 204 and the roster's \`deleted\``, async () => {
      const { bot, alex } = await meeting(version);
      const active = scenarioOf(page('participant-delete'), 'example-1');
      const response = await sendFixture(e2e, only(active.requests, 'request'), { callId: bot.callId, participantId: alex.participantId });
      compareResponse(PARTICIPANT_CONTROL_ALLOWANCES, `${version}/participant-delete example-1`, only(active.responses, 'response'), response);
      const left = await waitForNotice(bot.rx, bot.callId, (n) => isRoster(n) && n.changeType === 'deleted');
      assert.deepEqual(left.participants?.map((x) => x.id), [alex.participantId]);
    });
  }

  it('beta: participants/muteAll — 200 with a completed commsOperation, deprecated', async () => {
    const { bot } = await meeting('beta');
    const scenario = only(loadFixture('beta', 'participant-muteall').scenarios, 'scenario');
    const response = await sendFixture(e2e, only(scenario.requests, 'request'), { callId: bot.callId });
    compareResponse(PARTICIPANT_CONTROL_ALLOWANCES, 'beta/participant-muteall', only(scenario.responses, 'response'), response);
    assert.equal(response.headers.deprecation, '@1584230400');
  });

  it('needs every e2e-only difference it lists', () => conformance.assertExtrasNeeded());
});

/**
 * Example 2 of participant-delete: a participant invited and not yet in the call is removed, which
 * cancels the invitation. The invitee must still be ringing, so this server answers as slowly as
 * Teams (realistic latency: an invitee answers after 3 s).
 */
describe('conformance e2e: DELETE participant of an invitee (example 2)', () => {
  let e2e: E2e;
  before(async () => {
    e2e = await startE2e({ flags: { latency: 'realistic' } });
  });
  after(() => e2e.close());

  for (const version of VERSIONS) {
    it(`${version}: the invitation is cancelled with 204 and a roster \`deleted\``, async () => {
      const bot = await usersLeg(e2e, [DEMO.users.alex.id, DEMO.users.diego.id]);
      const ringing = scenarioOf(loadFixture(version, 'participant-delete'), 'example-2');
      const invitee = { '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: DEMO.users.megan.id } } };
      const invited = await sendFixture(e2e, ringing.requests.find((r) => r.method === 'POST')!, { callId: bot.callId, body: { participants: [invitee], clientContext: 'invite' } });
      assert.equal(invited.status, 200, invited.raw);
      const entry = await waitForEntry(bot, (x) => ((x.info as Json).identity as Json & { user?: Json }).user?.id === DEMO.users.megan.id);
      const megan = String((entry.resourceData as Json[]).find((x) => ((x.info as Json).identity as Json & { user?: Json }).user?.id === DEMO.users.megan.id)!.id);
      const response = await sendFixture(e2e, only(ringing.requests.filter((r) => r.method === 'DELETE'), 'DELETE'), { callId: bot.callId, participantId: megan });
      assert.deepEqual([response.status, response.raw], [only(ringing.responses.filter((r) => r.status === 204), '204').status, '']);
      const cancelled = await waitForNotice(bot.rx, bot.callId, (n) => isRoster(n) && n.changeType === 'deleted');
      assert.deepEqual(cancelled.participants?.map((x) => x.id), [megan]);
      const outcome = await waitForOperation(bot, String(invited.body.id));
      assert.equal((outcome.resourceData as Json).status, 'failed', 'nobody is left to answer the invitation');
    });
  }
});
