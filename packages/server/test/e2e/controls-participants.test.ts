import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import type { Json } from './support/harness.js';
import { entryOf, meetingLeg, pathOf, waitForEntry } from './support/features.js';
import { assertCallbacksValid, isRoster, notificationsFor, waitForNotice } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;
const expected = { appId: DEMO.appId, tenantId: DEMO.tenantId };
const audioOf = (entry: Json) => (entry.mediaStreams as Json[]).find((stream) => stream.mediaType === 'audio')!;

/**
 * Server mutes, the app's own mute, muteAll (beta) and DELETE participant over HTTPS, with the
 * roster notifications a bot's JWT-validating webhook receives.
 */
describe('e2e: participant controls', () => {
  const { e2e, p } = useMeetingE2e();
  afterEach(async () => {
    await e2e.control.expect(200, 'PUT', `/tenants/${DEMO.tenantId}/meetingConfiguration`, { allowRemoveParticipantAppIds: [DEMO.appId] });
  });

  for (const [version, prefix] of [['v1.0', '/communications'], ['beta', '/app']] as const) {
    it(`${version}${prefix}: mutes a person → completed operation, roster update with isMuted and serverMuted`, async () => {
      const bot = await meetingLeg(e2e, {}, version);
      const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id });
      const res = await e2e.graph.request('POST', `${prefix}/calls/${bot.callId}/participants/${alex.participantId}/mute`, { clientContext: 'mute-1' }, { version });
      assert.equal(res.status, 200, res.raw);
      assert.deepEqual([res.body['@odata.type'], res.body.status, res.body.clientContext], ['#microsoft.graph.muteParticipantOperation', 'completed', 'mute-1']);
      assert.equal(res.headers.location, `${e2e.server.httpsUrl}/${version}/communications/calls/${bot.callId}/operations/${String(res.body.id)}`);
      const isAlex = (entry: Json) => entry.id === alex.participantId && entry.isMuted === true;
      const muted = entryOf(await waitForEntry(bot, isAlex), isAlex);
      assert.equal(audioOf(muted).serverMuted, true);
      const read = await e2e.graph.request('GET', pathOf(e2e, res.headers.location), undefined, { version });
      assert.deepEqual([read.status, read.body.status], [200, 'completed']);
      await e2e.server.workers.dispatcher.drained();
      assert.equal(notificationsFor(bot.rx, bot.callId).some((n) => n.resourceUrl.includes('/operations/')), false, 'a completed operation gets no notification');
      assertCallbacksValid(bot.rx, expected);
    });
  }

  it('mutes and unmutes the bot itself (call mute / unmute), and only the participant lifts a server mute', async () => {
    const bot = await meetingLeg(e2e);
    const other = await meetingLeg(e2e);
    const muted = await e2e.graph.request('POST', `/communications/calls/${bot.callId}/mute`, { clientContext: 'self' });
    assert.deepEqual([muted.status, muted.body['@odata.type'], muted.body.status], [200, '#microsoft.graph.muteParticipantOperation', 'completed']);
    await waitForEntry(other, (entry) => entry.id === bot.me && entry.isMuted === true);
    const unmuted = await e2e.graph.request('POST', `/communications/calls/${bot.callId}/unmute`);
    assert.deepEqual([unmuted.status, unmuted.body['@odata.type']], [200, '#microsoft.graph.unmuteParticipantOperation']);
    await waitForNotice(other.rx, other.callId, (n) => isRoster(n) && (n.resourceData as Json[]).some((e) => e.id === bot.me && e.isMuted === false));

    assert.equal((await e2e.graph.request('POST', `/communications/calls/${other.callId}/participants/${bot.me}/mute`)).status, 200);
    await waitForEntry(bot, (entry) => entry.id === bot.me && audioOf(entry).serverMuted === true);
    assert.equal((await e2e.graph.request('POST', `/app/calls/${bot.callId}/unmute`, undefined, { version: 'beta' })).status, 200);
    await waitForEntry(other, (entry) => entry.id === bot.me && entry.isMuted === false && audioOf(entry).serverMuted === false);

    const p2p = await e2e.graph.request('POST', '/communications/calls', {
      '@odata.type': '#microsoft.graph.call', callbackUri: bot.rx.url, requestedModalities: ['audio'], mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
      targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: DEMO.users.diego.id } } }],
    });
    await waitForNotice(bot.rx, String(p2p.body.id), (n) => n.state === 'established');
    const refused = await e2e.graph.request<{ error: Json }>('POST', `/communications/calls/${String(p2p.body.id)}/mute`);
    assert.equal(refused.status, 400, 'group calls only');
    assert.match(String(refused.body.error.message), /meetings and group calls only/);
    assertCallbacksValid(bot.rx, expected);
  });

  it('muteAll: beta only and deprecated (headers), v1.0 answers like an unknown segment', async () => {
    const bot = await meetingLeg(e2e, {}, 'beta');
    const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id });
    const megan = await p.join(STANDUP.id, { userId: DEMO.users.megan.id });
    const res = await e2e.graph.request('POST', `/communications/calls/${bot.callId}/participants/muteAll`, { participants: [''], clientContext: 'all' }, { version: 'beta' });
    assert.equal(res.status, 200, res.raw);
    assert.deepEqual([res.body['@odata.type'], res.body.status, res.body.resultInfo], ['#microsoft.graph.commsOperation', 'completed', null]);
    assert.equal(res.headers.deprecation, '@1584230400');
    assert.match(String(res.headers.warning), /muteAll is deprecated/);
    const both = await waitForNotice(bot.rx, bot.callId, (n) => isRoster(n) && (n.resourceData as Json[]).length === 2 && (n.resourceData as Json[]).every((e) => e.isMuted === true));
    assert.deepEqual((both.resourceData as Json[]).map((e) => e.id).sort(), [alex.participantId, megan.participantId].sort());

    const v1 = await e2e.graph.request<{ error: Json }>('POST', `/communications/calls/${bot.callId}/participants/muteAll`, { participants: [] });
    assert.deepEqual([v1.status, v1.body.error.code, v1.body.error.message], [400, 'BadRequest', "Resource not found for the segment 'muteAll'."]);
    assertCallbacksValid(bot.rx, expected);
  });

  it('removes a participant only when the tenant’s meeting configuration allows the app', async () => {
    const bot = await meetingLeg(e2e);
    const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id });
    await e2e.control.expect(200, 'PUT', `/tenants/${DEMO.tenantId}/meetingConfiguration`, { allowRemoveParticipantAppIds: [] });
    const refused = await e2e.graph.request<{ error: Json }>('DELETE', `/communications/calls/${bot.callId}/participants/${alex.participantId}`);
    assert.deepEqual([refused.status, refused.body.error.code], [403, 'Forbidden']);
    assert.match(String(refused.body.error.message), /Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds @\{Add="e30d9466-3fb9-44c1-bdfb-c0751f576358"\}/);
    assert.equal((await p.roster(STANDUP.id)).participants.some((x) => x.id === alex.participantId), true);

    await e2e.control.expect(200, 'PUT', `/tenants/${DEMO.tenantId}/meetingConfiguration`, { allowRemoveParticipantAppIds: [DEMO.appId] });
    const removed = await e2e.graph.request('DELETE', `/app/calls/${bot.callId}/participants/${alex.participantId}`, undefined, { version: 'beta' });
    assert.deepEqual([removed.status, removed.raw], [204, '']);
    const left = await waitForNotice(bot.rx, bot.callId, (n) => isRoster(n) && n.changeType === 'deleted');
    assert.deepEqual(left.participants?.map((x) => x.id), [alex.participantId]);
    assert.equal((await p.roster(STANDUP.id)).participants.some((x) => x.id === alex.participantId), false);
    assertCallbacksValid(bot.rx, expected);
  });

  it('removes another app’s leg from the meeting: that call ends with 200/5300', async () => {
    const bot = await meetingLeg(e2e);
    const other = await meetingLeg(e2e);
    const res = await e2e.graph.request('DELETE', `/communications/calls/${bot.callId}/participants/${other.me}`);
    assert.equal(res.status, 204, res.raw);
    const ended = await waitForNotice(other.rx, other.callId, (n) => n.changeType === 'deleted' && !isRoster(n));
    assert.deepEqual([ended.resultInfo?.code, ended.resultInfo?.subcode], [200, 5300]);
    const own = await e2e.graph.request<{ error: Json }>('DELETE', `/communications/calls/${bot.callId}/participants/${bot.me}`);
    assert.equal(own.status, 400);
    assert.match(String(own.body.error.message), /hang up with DELETE \/communications\/calls/);
  });
});
