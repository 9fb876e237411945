import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { botWith, callUsersCommand, demoBot, joinCommand, STANDUP } from './call-kit.js';
import { fails, secondLeg, standupWithPeople, useControlsKit } from './controls-kit.js';

const PRIVATE_MEDIA = { echo: { mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', removeFromDefaultAudioGroup: true } } };

describe('audio routing groups (service)', () => {
  const kit = useControlsKit();

  it('creates, lists, reads, patches and deletes groups, notifying nobody', async () => {
    const { bot, me, alex, megan } = await standupWithPeople(kit());
    const controls = kit().controls;
    const created = await controls.createAudioRoutingGroup(demoBot, bot.id, { id: 'multicast', routingMode: 'multicast', sources: [me], receivers: [alex] });
    assert.deepEqual(created, { id: 'multicast', routingMode: 'multicast', sources: [me], receivers: [alex] });
    const assigned = await controls.createAudioRoutingGroup(demoBot, bot.id, { routingMode: 'oneToOne', sources: [me], receivers: [megan] });
    assert.equal(assigned.id, 'c-1', 'an id is assigned when the body has none');
    assert.deepEqual((await controls.listAudioRoutingGroups(demoBot, bot.id)).map((g) => g.id), ['multicast', 'c-1']);

    const patched = await controls.updateAudioRoutingGroup(demoBot, bot.id, 'multicast', { receivers: [alex, megan] });
    assert.deepEqual(patched.receivers, [alex, megan]);
    assert.deepEqual(await controls.getAudioRoutingGroup(demoBot, bot.id, 'multicast'), patched);

    await controls.deleteAudioRoutingGroup(demoBot, bot.id, 'multicast');
    assert.deepEqual((await controls.listAudioRoutingGroups(demoBot, bot.id)).map((g) => g.id), ['c-1']);
    await assert.rejects(controls.getAudioRoutingGroup(demoBot, bot.id, 'multicast'), fails('audioRoutingGroupNotFound'));
    await assert.rejects(controls.deleteAudioRoutingGroup(demoBot, bot.id, 'multicast'), fails('audioRoutingGroupNotFound'));
    assert.deepEqual(kit().notifications.sent, []);
  });

  it('validates against the roster and the routing mode', async () => {
    const { bot, me, alex, megan } = await standupWithPeople(kit());
    const create = (sources: string[], receivers: string[], routingMode: 'oneToOne' | 'multicast' = 'oneToOne') => kit().controls.createAudioRoutingGroup(demoBot, bot.id, { id: 'g', routingMode, sources, receivers });
    await assert.rejects(create([me], [alex, megan]), fails('audioRoutingGroupShape'));
    await assert.rejects(create([me], ['not-in-the-call']), fails('audioRoutingGroupParticipantNotFound'));
    await assert.rejects(create([me], [me]), fails('audioRoutingGroupSelfRoute'));
    await create([me], [alex, megan], 'multicast');
    await assert.rejects(kit().controls.updateAudioRoutingGroup(demoBot, bot.id, 'g', { id: 'other', receivers: [alex] }), fails('audioRoutingGroupIdMismatch'));
    await assert.rejects(kit().controls.updateAudioRoutingGroup(demoBot, bot.id, 'g', { receivers: [] }), fails('audioRoutingGroupShape'));
  });

  it('lets a participant of another leg in the same meeting be routed (one roster)', async () => {
    const { bot, me } = await standupWithPeople(kit());
    const other = await secondLeg(kit());
    const group = await kit().controls.createAudioRoutingGroup(demoBot, bot.id, { routingMode: 'oneToOne', sources: [me], receivers: [other.myParticipantId!] });
    assert.deepEqual(group.receivers, [other.myParticipantId]);
  });

  it('needs the caller’s connected meeting or group call', async () => {
    const { bot, me, alex } = await standupWithPeople(kit());
    const body = { routingMode: 'oneToOne' as const, sources: [me], receivers: [alex] };
    await assert.rejects(kit().controls.createAudioRoutingGroup(botWith([...demoBot.roles], DEMO.tenantId), 'unknown-call', body), fails('callNotFound'));
    await assert.rejects(kit().controls.listAudioRoutingGroups({ ...demoBot, appId: DEMO.limitedAppId }, bot.id), fails('callNotFound'));
    const p2p = await kit().calls.createCall(demoBot, callUsersCommand([DEMO.users.diego.id]));
    await kit().runTimers();
    await assert.rejects(kit().controls.createAudioRoutingGroup(demoBot, p2p.id, body), fails('actionNeedsGroupCall'));
    const establishing = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await assert.rejects(kit().controls.createAudioRoutingGroup(demoBot, establishing.id, body), fails('actionNeedsEstablishedCall'));
  });

  it('ends the groups with their call', async () => {
    const { bot, me, alex } = await standupWithPeople(kit());
    await kit().controls.createAudioRoutingGroup(demoBot, bot.id, { id: 'g', routingMode: 'oneToOne', sources: [me], receivers: [alex] });
    await kit().calls.deleteCall(demoBot, bot.id);
    await kit().runTimers();
    await assert.rejects(kit().controls.listAudioRoutingGroups(demoBot, bot.id), fails('callNotFound'));
    await assert.rejects(kit().controls.getAudioRoutingGroup(demoBot, bot.id, 'g'), fails('callNotFound'));
  });

  it('shows who hears whom: a private bot heard only through its group', async () => {
    const { bot, me, alex, megan } = await standupWithPeople(kit(), PRIVATE_MEDIA);
    assert.deepEqual((await kit().controls.audioMatrix(bot.id)).hears, { [me]: [], [alex]: [megan], [megan]: [alex] });
    await kit().controls.createAudioRoutingGroup(demoBot, bot.id, { id: 'whisper', routingMode: 'oneToOne', sources: [me], receivers: [alex] });
    const matrix = await kit().controls.audioMatrix(bot.id);
    assert.equal(matrix.callId, bot.id);
    assert.equal(matrix.conferenceId, bot.conferenceId);
    assert.deepEqual(matrix.hears, { [me]: [], [alex]: [me, megan], [megan]: [alex] });
    await kit().people.mute(bot.conferenceId!, alex);
    assert.deepEqual((await kit().controls.audioMatrix(bot.id)).hears[megan], []);
  });

  it('has no matrix for an unknown call or one that is in no conference', async () => {
    await assert.rejects(kit().controls.audioMatrix('nope'), fails('callNotFound'));
    const { bot } = await standupWithPeople(kit());
    await kit().people.endMeeting(STANDUP.id);
    await assert.rejects(kit().controls.audioMatrix(bot.id), fails('conferenceNotFound'));
  });
});
