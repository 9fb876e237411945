import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { callUsersCommand, demoBot } from './call-kit.js';
import { fails, secondLeg, standupWithPeople, useControlsKit } from './controls-kit.js';

describe('mutes (service)', () => {
  const kit = useControlsKit();

  it('server-mutes a participant: a completed operation, stored, and a roster update to every connected leg', async () => {
    const { bot, alex } = await standupWithPeople(kit());
    const other = await secondLeg(kit());
    const operation = await kit().controls.muteParticipant(demoBot, bot.id, alex, { clientContext: 'ctx-mute' });
    assert.deepEqual([operation.type, operation.status, operation.clientContext, operation.callId], ['muteParticipantOperation', 'completed', 'ctx-mute', bot.id]);
    assert.deepEqual(await kit().calls.getOperation(demoBot, bot.id, operation.id), operation);
    for (const leg of [bot.id, other.id]) assert.deepEqual(kit().notifications.to(leg), [`roster:updated [${alex}]`], 'no operation notification: it was completed in the response');
    const entry = await kit().calls.getParticipant(demoBot, bot.id, alex);
    assert.deepEqual([entry.isMuted, entry.serverMuted], [true, true]);

    kit().notifications.clear();
    const again = await kit().controls.muteParticipant(demoBot, bot.id, alex, {});
    assert.equal(again.status, 'completed');
    assert.equal(again.clientContext, undefined);
    assert.deepEqual(kit().notifications.sent, [], 'muting a muted participant changes nothing');
  });

  it('lets only the participant lift a server mute (a person unmutes themselves, an app with call unmute)', async () => {
    const { bot, me } = await standupWithPeople(kit());
    const other = await secondLeg(kit());
    await kit().controls.muteParticipant(demoBot, other.id, me, {});
    assert.deepEqual([(await kit().calls.getParticipant(demoBot, bot.id, me)).serverMuted], [true]);
    const unmuted = await kit().controls.unmuteSelf(demoBot, bot.id, { clientContext: 'ctx-unmute' });
    assert.deepEqual([unmuted.type, unmuted.status, unmuted.clientContext], ['unmuteParticipantOperation', 'completed', 'ctx-unmute']);
    const entry = await kit().calls.getParticipant(demoBot, bot.id, me);
    assert.deepEqual([entry.isMuted, entry.serverMuted], [false, false]);
  });

  it('mutes and unmutes the app itself (call mute / unmute), each a roster update to everyone', async () => {
    const { bot, me } = await standupWithPeople(kit());
    const other = await secondLeg(kit());
    const muted = await kit().controls.muteSelf(demoBot, bot.id, {});
    assert.deepEqual([muted.type, muted.status], ['muteParticipantOperation', 'completed']);
    assert.equal((await kit().calls.getParticipant(demoBot, bot.id, me)).isMuted, true);
    await kit().controls.unmuteSelf(demoBot, bot.id, {});
    assert.equal((await kit().calls.getParticipant(demoBot, bot.id, me)).isMuted, false);
    for (const leg of [bot.id, other.id]) assert.deepEqual(kit().notifications.to(leg), [`roster:updated [${me}]`, `roster:updated [${me}]`]);
  });

  it('mutes everyone but the app with muteAll, in one roster update, or just the ids named', async () => {
    const { bot, alex, megan } = await standupWithPeople(kit());
    const operation = await kit().controls.muteAll(demoBot, bot.id, { participants: [''], clientContext: 'clientContext-value' });
    assert.deepEqual([operation.type, operation.status, operation.clientContext], ['commsOperation', 'completed', 'clientContext-value']);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${alex},${megan}]`]);
    await assert.rejects(kit().controls.muteAll(demoBot, bot.id, { participants: ['nobody'] }), fails('participantNotFound'));
  });

  it('is for group calls and meetings only, with a connected leg and a short clientContext', async () => {
    const { bot, alex } = await standupWithPeople(kit());
    const p2p = await kit().calls.createCall(demoBot, callUsersCommand([DEMO.users.diego.id]));
    await kit().runTimers();
    await assert.rejects(kit().controls.muteSelf(demoBot, p2p.id, {}), fails('actionNeedsGroupCall'));
    await assert.rejects(kit().controls.muteParticipant(demoBot, p2p.id, 'x', {}), fails('actionNeedsGroupCall'));
    await assert.rejects(kit().controls.muteParticipant(demoBot, bot.id, alex, { clientContext: 'x'.repeat(257) }), fails('clientContextTooLong'));
    await assert.rejects(kit().controls.muteParticipant(demoBot, bot.id, 'nobody', {}), fails('participantNotFound'));
    await assert.rejects(kit().controls.muteSelf({ ...demoBot, appId: DEMO.limitedAppId }, bot.id, {}), fails('callNotFound'));
  });
});
