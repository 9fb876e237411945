import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LATENCY_PROFILES } from '../../src/calls/latency.js';
import { MeetingFeaturesService } from '../../src/calls/meeting-features-service.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldReader } from '../../src/world/world-reader.js';
import { callUsersCommand, checkCallbackUri, demoBot } from './call-kit.js';
import { fails, secondLeg, standupWithPeople, useControlsKit } from './controls-kit.js';

describe('DELETE participant (service)', () => {
  const kit = useControlsKit();

  it('drops a joined person with a `roster:removed` to every connected leg (no notice to them)', async () => {
    const { bot, alex } = await standupWithPeople(kit());
    const other = await secondLeg(kit());
    await kit().controls.removeParticipant(demoBot, bot.id, alex);
    for (const leg of [bot.id, other.id]) assert.deepEqual(kit().notifications.to(leg), [`roster:removed [${alex}]`]);
    await assert.rejects(kit().calls.getParticipant(demoBot, bot.id, alex), fails('participantNotFound'));
    await assert.rejects(kit().controls.removeParticipant(demoBot, bot.id, alex), fails('participantNotFound'));
  });

  it('ends another app leg it removes (200/5300), and refuses the app’s own entry', async () => {
    const { bot, me } = await standupWithPeople(kit());
    const other = await secondLeg(kit());
    await kit().controls.removeParticipant(demoBot, bot.id, other.myParticipantId!);
    assert.deepEqual(kit().notifications.to(other.id), ['call:deleted:terminated']);
    assert.deepEqual((await kit().people.getCall(other.id)).resultInfo, { code: 200, subcode: 5300, message: 'Participant was removed from the conversation by another participant.' });
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:removed [${other.myParticipantId}]`]);
    await assert.rejects(kit().controls.removeParticipant(demoBot, bot.id, me), fails('removeOwnParticipant'));
  });

  it('needs the tenant’s AllowRemoveParticipantAppIds to list the app, read at each request', async () => {
    const { bot, alex } = await standupWithPeople(kit());
    await kit().world.updateMeetingConfiguration(DEMO.tenantId, { allowRemoveParticipantAppIds: [] });
    await assert.rejects(kit().controls.removeParticipant(demoBot, bot.id, alex), (error: unknown) => {
      assert.ok(fails('removeParticipantNotAllowed')(error));
      assert.match((error as Error).message, /Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds/);
      return true;
    });
    assert.deepEqual(kit().notifications.sent, []);
    await kit().world.updateMeetingConfiguration(DEMO.tenantId, { allowRemoveParticipantAppIds: [DEMO.appId] });
    await kit().controls.removeParticipant(demoBot, bot.id, alex);
  });

  it('cancels an invitation of someone who has not joined yet', async () => {
    const { bot } = await standupWithPeople(kit());
    const deps = { store: kit().store, clock: kit().clock, world: new WorldReader(kit().store), notifications: kit().notifications, latency: LATENCY_PROFILES.instant, wake: kit().wake, checkCallbackUri, newId: () => 'invited-op' };
    const features = new MeetingFeaturesService(deps);
    const lynne = DEMO.users.lynne.id;
    const operation = await features.inviteParticipants(demoBot, bot.id, { invitees: [{ kind: 'user', id: lynne }], echo: [] });
    const ringing = (await kit().calls.listParticipants(demoBot, bot.id)).find((p) => p.identity.id === lynne)!;
    assert.ok(ringing.invitation, 'invited, not joined yet');
    kit().notifications.clear();
    await kit().controls.removeParticipant(demoBot, bot.id, ringing.id);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:removed [${ringing.id}]`]);
    await kit().runTimers();
    assert.equal((await kit().calls.getOperation(demoBot, bot.id, operation.id)).status, 'failed', 'nobody is left to answer the invite');
    assert.equal((await kit().calls.listParticipants(demoBot, bot.id)).some((p) => p.identity.id === lynne), false);
  });

  it('is for meetings and group calls', async () => {
    const p2p = await kit().calls.createCall(demoBot, callUsersCommand([DEMO.users.diego.id]));
    await kit().runTimers();
    await assert.rejects(kit().controls.removeParticipant(demoBot, p2p.id, 'x'), fails('actionNeedsGroupCall'));
  });
});
