import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { callUsersCommand, demoBot } from './call-kit.js';
import { botInStandup, fails, useFeaturesKit } from './features-kit.js';

const APP_HOSTED = { mediaHosting: 'app' as const };

describe('changeScreenSharingRole (service)', () => {
  const kit = useFeaturesKit();

  it('makes the app the sharer (screen-sharing stream sendOnly) and a viewer again, with roster updates', async () => {
    const bot = await botInStandup(kit(), { ...APP_HOSTED, requestedModalities: ['audio', 'videoBasedScreenSharing'] });
    const self = async () => (await kit().calls.getParticipant(demoBot, bot.id, bot.myParticipantId!)).screenSharing;
    assert.equal(await self(), 'receiveOnly');
    await kit().features.changeScreenSharingRole(demoBot, bot.id, { role: 'sharer' });
    assert.equal(await self(), 'sendOnly');
    await kit().features.changeScreenSharingRole(demoBot, bot.id, { role: 'sharer' });
    await kit().features.changeScreenSharingRole(demoBot, bot.id, { role: 'viewer' });
    assert.equal(await self(), 'receiveOnly');
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${bot.myParticipantId}]`, `roster:updated [${bot.myParticipantId}]`], 'the repeated role changed nothing');
  });

  it('is for group calls with app-hosted media only', async () => {
    const serviceHosted = await botInStandup(kit());
    await assert.rejects(kit().features.changeScreenSharingRole(demoBot, serviceHosted.id, { role: 'sharer' }), fails('screenSharingNeedsAppHostedMedia'));
    const p2p = await kit().calls.createCall(demoBot, callUsersCommand([DEMO.users.alex.id], APP_HOSTED));
    await kit().runTimers();
    await assert.rejects(kit().features.changeScreenSharingRole(demoBot, p2p.id, { role: 'sharer' }), fails('actionNeedsGroupCall'));
  });
});
