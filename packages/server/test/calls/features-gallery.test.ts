import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LATENCY_PROFILES } from '../../src/calls/latency.js';
import { DEMO } from '../../src/world/demo-world.js';
import { STANDUP, callUsersCommand, demoBot } from './call-kit.js';
import { botInStandup, fails, useFeaturesKit } from './features-kit.js';

const { alex } = DEMO.users;

describe('addLargeGalleryView (service)', () => {
  const kit = useFeaturesKit();

  it('answers a running operation, then the gallery joins the roster and the operation completes', async () => {
    const bot = await botInStandup(kit());
    const operation = await kit().features.addLargeGalleryView(demoBot, bot.id, { clientContext: 'ctx-lg' });
    assert.deepEqual([operation.type, operation.status, operation.clientContext], ['addLargeGalleryViewOperation', 'running', 'ctx-lg']);
    assert.equal((await kit().calls.listParticipants(demoBot, bot.id)).length, 1, 'not yet: the gallery joins on a timer');

    await kit().runTimers();
    const roster = await kit().calls.listParticipants(demoBot, bot.id);
    const gallery = roster.find((p) => p.kind === 'virtual');
    assert.ok(gallery);
    assert.deepEqual([gallery.identity.kind, gallery.identity.applicationType, gallery.video, gallery.ownerCallId], ['application', 'LargeGallery-V2', 'sendReceive', bot.id]);
    assert.deepEqual(JSON.parse(gallery.metadata!), { __platform: { ui: { hidden: true } }, audienceView: { id: `${bot.id}/1`, page: 1, status: 'active', type: 'lg' } });
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${gallery.id}]`, 'operation:finished:addLargeGalleryViewOperation:completed']);
    const done = await kit().calls.getOperation(demoBot, bot.id, operation.id);
    assert.deepEqual([done.status, done.clientContext, done.resultInfo], ['completed', 'ctx-lg', undefined]);
  });

  it('adds the next page on a second request', async () => {
    const bot = await botInStandup(kit());
    await kit().features.addLargeGalleryView(demoBot, bot.id, {});
    await kit().features.addLargeGalleryView(demoBot, bot.id, {});
    await kit().runTimers();
    const pages = (await kit().calls.listParticipants(demoBot, bot.id)).filter((p) => p.kind === 'virtual').map((p) => JSON.parse(p.metadata!).audienceView.page);
    assert.deepEqual(pages, [1, 2]);
  });

  it('takes the gallery away with its leg, so the meeting can end', async () => {
    const bot = await botInStandup(kit());
    const person = await kit().people.joinMeeting(STANDUP.id, { userId: alex.id });
    await kit().features.addLargeGalleryView(demoBot, bot.id, {});
    await kit().runTimers();
    await kit().calls.deleteCall(demoBot, bot.id);
    await kit().runTimers();
    assert.deepEqual((await kit().people.roster(STANDUP.id)).participants.map((p) => p.id), [person.participantId]);
    await kit().people.leave(person.conferenceId, person.participantId);
    assert.equal((await kit().people.roster(STANDUP.id)).conferenceId, undefined, 'nobody left: the meeting is over');
  });

  it('works in meetings and group calls only, and clientContext is at most 256 characters', async () => {
    const p2p = await kit().calls.createCall(demoBot, callUsersCommand([alex.id]));
    await kit().runTimers();
    await assert.rejects(kit().features.addLargeGalleryView(demoBot, p2p.id, {}), fails('actionNeedsGroupCall'));
    const bot = await botInStandup(kit());
    await assert.rejects(kit().features.addLargeGalleryView(demoBot, bot.id, { clientContext: 'x'.repeat(257) }), fails('clientContextTooLong'));
  });

  describe('with realistic latency', () => {
    const slow = useFeaturesKit({ latency: LATENCY_PROFILES.realistic });

    it('stays running until the gallery joins, and tells an ended leg nothing', async () => {
      const bot = await botInStandup(slow());
      await slow().advance(2000);
      await slow().advance(2000);
      slow().notifications.clear();
      const operation = await slow().features.addLargeGalleryView(demoBot, bot.id, {});
      await slow().advance(500);
      assert.equal((await slow().calls.getOperation(demoBot, bot.id, operation.id)).status, 'running');
      await slow().people.endMeeting(STANDUP.id);
      await slow().advance(1000);
      const abandoned = await slow().calls.getOperation(demoBot, bot.id, operation.id);
      assert.deepEqual([abandoned.status, abandoned.resultInfo?.code], ['failed', 410]);
      assert.deepEqual(slow().notifications.to(bot.id), ['call:deleted:terminated']);
    });
  });
});
