import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import type { Json } from './support/harness.js';
import { meetingLeg } from './support/features.js';
import { assertCallbacksValid, notificationsFor, waitForDeleted } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;
const PRIVATE_MEDIA = { mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', removeFromDefaultAudioGroup: true } };

interface Matrix {
  callId: string;
  conferenceId: string;
  hears: Record<string, string[]>;
  audioRoutingGroups: { callId: string; group: Json }[];
  links: { speakerId: string; listenerId: string; audible: boolean; silencedBy?: string }[];
}

/**
 * Audio routing groups end to end: a bot joins the stand-up out of the default audio group,
 * people join, the bot whispers to one of them through groups it creates, patches and deletes on
 * both versions and prefixes, and the control API's who-hears-whom matrix follows each step.
 */
describe('e2e: audio routing groups', () => {
  const { e2e, p } = useMeetingE2e();

  const matrix = (callId: string) => e2e.control.expect<Matrix>(200, 'GET', `/calls/${callId}/audio-matrix`);

  for (const [version, prefix] of [['v1.0', '/communications'], ['v1.0', '/app'], ['beta', '/communications'], ['beta', '/app']] as const) {
    it(`${version}${prefix}: create (200), list, get, patch, delete (204), and the matrix follows`, async () => {
      const bot = await meetingLeg(e2e, PRIVATE_MEDIA, version);
      const alex = (await p.join(STANDUP.id, { userId: DEMO.users.alex.id })).participantId;
      const megan = (await p.join(STANDUP.id, { userId: DEMO.users.megan.id })).participantId;
      assert.deepEqual((await matrix(bot.callId)).hears, { [bot.me]: [], [alex]: [megan], [megan]: [alex] }, 'out of the default audio group, nobody hears the bot');

      const groups = `${prefix}/calls/${bot.callId}/audioRoutingGroups`;
      const body = { id: 'oneToOne', routingMode: 'oneToOne', sources: [bot.me], receivers: [alex] };
      const created = await e2e.graph.request('POST', groups, body, { version });
      assert.equal(created.status, 200, created.raw);
      assert.deepEqual(created.body, { '@odata.context': `${e2e.server.httpsUrl}/${version}/$metadata#${prefix.slice(1)}/calls('${bot.callId}')/audioRoutingGroups/$entity`, ...body });
      assert.deepEqual((await matrix(bot.callId)).hears[alex], [bot.me, megan]);
      assert.deepEqual((await matrix(bot.callId)).hears[megan], [alex]);

      const multicast = await e2e.graph.request('POST', groups, { id: 'multicast', routingMode: 'multicast', sources: [bot.me], receivers: [alex, megan] }, { version });
      assert.equal(multicast.status, 200, multicast.raw);
      const listed = await e2e.graph.request<{ value: Json[] }>('GET', groups, undefined, { version });
      assert.deepEqual(listed.body.value.map((g) => g.id), ['oneToOne', 'multicast']);
      assert.deepEqual((await matrix(bot.callId)).hears[megan], [bot.me, alex]);

      const patched = await e2e.graph.request('PATCH', `${groups}/multicast`, { receivers: [megan] }, { version });
      assert.equal(patched.status, 200, patched.raw);
      assert.deepEqual(patched.body.receivers, [megan]);
      assert.deepEqual((await e2e.graph.request('GET', `${groups}/multicast`, undefined, { version })).body.receivers, [megan]);

      assert.equal((await e2e.graph.request('DELETE', `${groups}/oneToOne`, undefined, { version })).status, 204);
      const after = await matrix(bot.callId);
      assert.deepEqual([after.hears[alex], after.hears[megan]], [[megan], [bot.me, alex]]);
      assert.deepEqual(after.audioRoutingGroups.map((g) => [g.callId, g.group.id]), [[bot.callId, 'multicast']]);

      await p.mute({ conferenceId: after.conferenceId, participantId: alex, isInLobby: false });
      assert.equal((await matrix(bot.callId)).links.find((l) => l.speakerId === alex && l.listenerId === megan)?.silencedBy, 'speakerMuted');

      assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${bot.callId}`, undefined, { version })).status, 204);
      await waitForDeleted(bot.rx, bot.callId);
      const gone = await e2e.graph.request<{ error: Json }>('GET', groups, undefined, { version });
      assert.deepEqual([gone.status, gone.body.error.code], [404, '8522'], 'the groups ended with the call');
      assert.equal(notificationsFor(bot.rx, bot.callId).some((n) => n.resourceUrl.includes('audioRoutingGroups')), false, 'Graph notifies nothing about groups');
      assertCallbacksValid(bot.rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
    });
  }

  it('refuses groups that break the routing rules, with clear Graph errors', async () => {
    const bot = await meetingLeg(e2e);
    const alex = (await p.join(STANDUP.id, { userId: DEMO.users.alex.id })).participantId;
    const megan = (await p.join(STANDUP.id, { userId: DEMO.users.megan.id })).participantId;
    const groups = `/communications/calls/${bot.callId}/audioRoutingGroups`;
    const cases: [Json, number, RegExp][] = [
      [{ routingMode: 'oneToOne', sources: [bot.me], receivers: [alex, megan] }, 400, /oneToOne audio routing group has exactly one source and one receiver/],
      [{ routingMode: 'multicast', sources: [bot.me, alex], receivers: [megan] }, 400, /one source and at least one receiver/],
      [{ routingMode: 'multicast', sources: [bot.me], receivers: [alex, 'c0ffee00-0000-4000-8000-000000000000'] }, 400, /is not a participant of call/],
      [{ routingMode: 'oneToOne', sources: [bot.me] }, 400, /'receivers' is missing/],
    ];
    for (const [body, status, message] of cases) {
      const res = await e2e.graph.request<{ error: Json }>('POST', groups, body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(res.body.error.code, 'BadRequest');
      assert.match(String(res.body.error.message), message);
    }
    assert.equal((await e2e.graph.request('POST', groups, { id: 'g', routingMode: 'oneToOne', sources: [bot.me], receivers: [alex] })).status, 200);
    const duplicate = await e2e.graph.request<{ error: Json }>('POST', groups, { id: 'g', routingMode: 'oneToOne', sources: [bot.me], receivers: [megan] });
    assert.deepEqual([duplicate.status, duplicate.body.error.code], [409, 'Conflict']);
    const missing = await e2e.graph.request<{ error: Json }>('GET', `${groups}/nope`);
    assert.deepEqual([missing.status, missing.body.error.code], [404, 'NotFound']);
    const limited = await e2e.graph.request('GET', groups, undefined, { appId: DEMO.limitedAppId });
    assert.equal(limited.status, 403, 'audio routing groups need Calls.JoinGroupCall.All or Calls.InitiateGroupCall.All');
  });
});
