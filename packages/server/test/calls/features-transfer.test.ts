import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TransferCommand } from '../../src/calls/meeting-features-service.js';
import { LATENCY_PROFILES } from '../../src/calls/latency.js';
import { DEMO } from '../../src/world/demo-world.js';
import { callUsersCommand, demoBot } from './call-kit.js';
import { botInStandup, fails, useFeaturesKit, type FeaturesKit } from './features-kit.js';

const { alex, diego, megan, pradeep } = DEMO.users;

const to = (id: string): TransferCommand => ({ target: { kind: 'user', id } });

/** A peer-to-peer call the demo bot placed to Alex, established. */
async function p2p(kit: FeaturesKit) {
  const call = await kit.calls.createCall(demoBot, callUsersCommand([alex.id]));
  await kit.runTimers();
  kit.notifications.clear();
  return call;
}

describe('transfer (service)', () => {
  const kit = useFeaturesKit();

  it('goes transferring → transferAccepted → terminated 0/7015 for a user of the tenant', async () => {
    const bot = await p2p(kit());
    await kit().features.transfer(demoBot, bot.id, to(megan.id));
    await kit().runTimers();
    assert.deepEqual(kit().notifications.to(bot.id), ['call:stateChanged:transferring', 'call:stateChanged:transferAccepted', 'call:deleted:terminated']);
    const ended = await kit().people.getCall(bot.id);
    assert.deepEqual(ended.resultInfo, { code: 0, subcode: 7015, message: 'GracefulTransferCompleted' });
    await assert.rejects(kit().calls.getCall(demoBot, bot.id), fails('callNotFound'));
  });

  it('returns to established with 500/7000 for a target outside the tenant or unknown', async () => {
    for (const target of [pradeep.id, '00000000-0000-0000-0000-000000000000']) {
      const bot = await p2p(kit());
      await kit().features.transfer(demoBot, bot.id, to(target));
      await kit().runTimers();
      assert.deepEqual(kit().notifications.to(bot.id), ['call:stateChanged:transferring', 'call:stateChanged:established']);
      const failure = kit().notifications.sent.at(-1);
      assert.equal(failure?.event, 'call:stateChanged:established');
      const call = await kit().calls.getCall(demoBot, bot.id);
      assert.deepEqual([call.state, call.resultInfo, call.transferTarget], ['established', undefined, undefined], 'the failure is notified, not kept');
      await kit().calls.deleteCall(demoBot, bot.id);
      await kit().runTimers();
    }
  });

  it('is peer to peer and blind only, one at a time, on an established call', async () => {
    const meeting = await botInStandup(kit());
    await assert.rejects(kit().features.transfer(demoBot, meeting.id, to(megan.id)), fails('transferNeedsPeerToPeer'));
    const group = await kit().calls.createCall(demoBot, callUsersCommand([alex.id, diego.id]));
    await kit().runTimers();
    await assert.rejects(kit().features.transfer(demoBot, group.id, to(megan.id)), fails('transferNeedsPeerToPeer'));
    const bot = await p2p(kit());
    await assert.rejects(kit().features.transfer(demoBot, bot.id, { target: { kind: 'phone', id: '+15550100' } }), fails('transferNotSimulated'));
    await assert.rejects(kit().features.transfer(demoBot, bot.id, { ...to(megan.id), replacesCallId: meeting.id }), fails('transferNotSimulated'));
    await assert.rejects(kit().features.transfer(demoBot, bot.id, { ...to(megan.id), clientContext: 'x'.repeat(257) }), fails('clientContextTooLong'));
  });

  describe('with realistic latency', () => {
    const slow = useFeaturesKit({ latency: LATENCY_PROFILES.realistic });

    it('refuses a second transfer while one runs, and a transfer of a call still establishing', async () => {
      const bot = await slow().calls.createCall(demoBot, callUsersCommand([alex.id]));
      await assert.rejects(slow().features.transfer(demoBot, bot.id, to(megan.id)), fails('actionNeedsEstablishedCall'));
      await slow().advance(5000);
      await slow().features.transfer(demoBot, bot.id, to(megan.id));
      await assert.rejects(slow().features.transfer(demoBot, bot.id, to(megan.id)), fails('transferInProgress'));
      await slow().advance(1000);
      assert.equal((await slow().calls.getCall(demoBot, bot.id)).state, 'transferAccepted');
      await slow().advance(1000);
      assert.equal((await slow().people.getCall(bot.id)).state, 'terminated');
    });
  });
});
