import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import type { Json } from './support/harness.js';
import { entryOf, meetingLeg, pathOf, usersLeg, waitForEntry, waitForOperation } from './support/features.js';
import { assertCallbacksValid, describeNotice, notificationsFor, waitForDeleted, waitForNotice, waitForState } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;
const { alex, diego, megan, pradeep } = DEMO.users;
const expected = { appId: DEMO.appId, tenantId: DEMO.tenantId };
const invitee = (id: string): Json => ({ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id } } });
const APP_HOSTED = { mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig', blob: '<media configuration blob>' }, requestedModalities: ['audio', 'videoBasedScreenSharing'] };

/** invite, changeScreenSharingRole, transfer and the tenant meeting configuration, over HTTPS with real callbacks. */
describe('e2e: neighbouring controls', () => {
  const { e2e, p } = useMeetingE2e();

  for (const [version, prefix] of [['v1.0', '/communications'], ['beta', '/app']] as const) {
    it(`${version}${prefix}: invite → running operation → the invitee rings, answers → completion and roster update`, async () => {
      const bot = await usersLeg(e2e, [alex.id, diego.id]);
      const started = await e2e.graph.request('POST', `${prefix}/calls/${bot.callId}/participants/invite`, { participants: [invitee(megan.id)], clientContext: 'inv-1' }, { version });
      assert.equal(started.status, 200, started.raw);
      assert.deepEqual([started.body['@odata.type'], started.body.status, started.body.participants], ['#microsoft.graph.inviteParticipantsOperation', 'running', [invitee(megan.id)]]);
      const operationId = String(started.body.id);
      const done = await waitForOperation(bot, operationId);
      assert.deepEqual([(done.resourceData as Json).status, (done.resourceData as Json).clientContext], ['completed', 'inv-1']);
      const isMegan = (entry: Json) => (((entry.info as Json).identity as Json).user as Json | undefined)?.id === megan.id;
      const ringing = entryOf(await waitForEntry(bot, isMegan), isMegan);
      const joined = entryOf(await waitForEntry(bot, (e) => isMegan(e) && (e.mediaStreams as Json[])[0]?.direction === 'sendReceive'), isMegan);
      assert.equal(ringing.id, joined.id);
      assert.equal((await e2e.graph.request('GET', pathOf(e2e, started.headers.location), undefined, { version })).body.status, 'completed');
      assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${bot.callId}`)).status, 204);
      await waitForDeleted(bot.rx, bot.callId);
      assertCallbacksValid(bot.rx, expected);
    });
  }

  it('changeScreenSharingRole: app-hosted media only; as sharer the roster shows the bot’s screen-sharing stream sendOnly', async () => {
    const serviceHosted = await meetingLeg(e2e);
    const refused = await e2e.graph.request('POST', `/communications/calls/${serviceHosted.callId}/changeScreenSharingRole`, { role: 'sharer' });
    assert.equal(refused.status, 400);
    for (const [version, prefix] of [['v1.0', '/communications'], ['beta', '/app']] as const) {
      const bot = await meetingLeg(e2e, APP_HOSTED);
      const res = await e2e.graph.request('POST', `${prefix}/calls/${bot.callId}/changeScreenSharingRole`, { role: 'sharer' }, { version });
      assert.deepEqual([res.status, res.raw], [202, '']);
      const sharing = (entry: Json) => entry.id === bot.me && (entry.mediaStreams as Json[]).some((s) => s.mediaType === 'videoBasedScreenSharing' && s.label === 'applicationsharing-video' && s.direction === 'sendOnly');
      await waitForEntry(bot, sharing);
      assertCallbacksValid(bot.rx, expected);
    }
  });

  it('transfer (peer to peer): transferring → transferAccepted → terminated 0/7015; an unknown target fails back with 500/7000', async () => {
    const bot = await usersLeg(e2e, [alex.id]);
    const res = await e2e.graph.request('POST', `/communications/calls/${bot.callId}/transfer`, { transferTarget: { endpointType: 'default', identity: { user: { id: megan.id, displayName: 'Megan Bowen' } } } });
    assert.deepEqual([res.status, res.raw], [202, '']);
    const ended = await waitForDeleted(bot.rx, bot.callId);
    assert.deepEqual(ended.resultInfo, { '@odata.type': '#microsoft.graph.resultInfo', code: 0, subcode: 7015, message: 'GracefulTransferCompleted' });
    await e2e.server.workers.dispatcher.drained();
    assert.deepEqual(notificationsFor(bot.rx, bot.callId).map(describeNotice).slice(-3), ['updated transferring', 'updated transferAccepted', 'deleted terminated 0/7015']);

    const failing = await usersLeg(e2e, [alex.id]);
    const beta = await e2e.graph.request('POST', `/app/calls/${failing.callId}/transfer`, { transferTarget: { identity: { user: { id: pradeep.id } } } }, { version: 'beta' });
    assert.equal(beta.status, 202);
    await waitForState(failing.rx, failing.callId, 'transferring');
    const back = await waitForNotice(failing.rx, failing.callId, (n) => n.state === 'established' && n.resultInfo !== undefined);
    assert.deepEqual([back.state, back.resultInfo?.code, back.resultInfo?.subcode], ['established', 500, 7000]);
    assert.equal((await e2e.graph.request('GET', `/communications/calls/${failing.callId}`)).body.state, 'established');
    for (const leg of [bot, failing]) assertCallbacksValid(leg.rx, expected);
  });

  it('meeting-config allow-remove: @{Add=…} and @{Remove=…} take effect for the next request', async () => {
    const config = `/tenants/${DEMO.tenantDomain}/meetingConfiguration`;
    const bot = await meetingLeg(e2e);
    const person = await p.join(STANDUP.id, { userId: alex.id });
    const removePerson = () => e2e.graph.request('DELETE', `/communications/calls/${bot.callId}/participants/${person.participantId}`);
    const removed = await e2e.control.expect<Json>(200, 'POST', `${config}/set`, { allowRemoveParticipantAppIds: { remove: [DEMO.appId] } });
    assert.deepEqual(removed.allowRemoveParticipantAppIds, []);
    assert.equal((await removePerson()).status, 403, 'DELETE participant reads the setting as it is now');
    const added = await e2e.control.expect<Json>(200, 'POST', `${config}/set`, { allowRemoveParticipantAppIds: { add: [DEMO.appId, DEMO.limitedAppId] } });
    assert.equal((await removePerson()).status, 204);
    assert.deepEqual(added.allowRemoveParticipantAppIds, [DEMO.appId, DEMO.limitedAppId]);
    assert.deepEqual((await e2e.control.expect<Json>(200, 'GET', config)).allowRemoveParticipantAppIds, [DEMO.appId, DEMO.limitedAppId]);
    await e2e.control.expect(200, 'POST', `${config}/set`, { allowRemoveParticipantAppIds: { remove: [DEMO.limitedAppId] } });
  });
});
