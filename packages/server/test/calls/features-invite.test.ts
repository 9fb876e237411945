import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InviteCommand } from '../../src/calls/meeting-features-service.js';
import { LATENCY_PROFILES } from '../../src/calls/latency.js';
import type { Identity } from '../../src/domain/calls/types.js';
import { DEMO } from '../../src/world/demo-world.js';
import { STANDUP, callUsersCommand, demoBot } from './call-kit.js';
import { botInStandup, fails, useFeaturesKit, type FeaturesKit } from './features-kit.js';

const { adele, alex, diego, lynne, megan, pradeep } = DEMO.users;

const user = (id: string): Identity => ({ kind: 'user', id });
const invite = (...ids: string[]): InviteCommand => ({
  invitees: ids.map(user),
  echo: ids.map((id) => ({ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { user: { id } } })),
  clientContext: 'ctx-invite',
});

/** A group call the demo bot placed to Alex and Diego (no chat), established. */
async function groupCall(kit: FeaturesKit) {
  const call = await kit.calls.createCall(demoBot, callUsersCommand([alex.id, diego.id]));
  await kit.runTimers();
  kit.notifications.clear();
  return call;
}

describe('participants/invite (service)', () => {
  const kit = useFeaturesKit();

  it('rings the invitee in the roster, then they join and the operation completes', async () => {
    const bot = await groupCall(kit());
    const operation = await kit().features.inviteParticipants(demoBot, bot.id, invite(megan.id));
    assert.deepEqual([operation.type, operation.status, operation.clientContext], ['inviteParticipantsOperation', 'running', 'ctx-invite']);
    assert.deepEqual(operation.extra.participants, invite(megan.id).echo);
    const ringing = (await kit().calls.listParticipants(demoBot, bot.id)).find((p) => p.identity.id === megan.id);
    assert.ok(ringing?.invitation, 'invited, not joined');
    assert.deepEqual([ringing.invitation.operationId, ringing.invitation.callId, ringing.audio], [operation.id, bot.id, 'inactive']);

    await kit().runTimers();
    const joined = await kit().calls.getParticipant(demoBot, bot.id, ringing.id);
    assert.deepEqual([joined.invitation, joined.audio, joined.identity.displayName], [undefined, 'sendReceive', 'Megan Bowen']);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${ringing.id}]`, `roster:updated [${ringing.id}]`, 'operation:finished:inviteParticipantsOperation:completed']);
    assert.equal((await kit().calls.getOperation(demoBot, bot.id, operation.id)).resultInfo, undefined);
  });

  it('invites up to five at once into a meeting (it has a chat), in one roster update when they answer', async () => {
    const bot = await botInStandup(kit());
    await kit().features.inviteParticipants(demoBot, bot.id, invite(alex.id, diego.id, lynne.id, adele.id, pradeep.id));
    kit().notifications.clear();
    await kit().runTimers();
    const [update] = kit().notifications.sent;
    assert.equal(update?.participants?.length, 5);
    await assert.rejects(kit().features.inviteParticipants(demoBot, bot.id, invite(...Array(6).fill(megan.id))), fails('inviteTooManyParticipants'));
    await assert.rejects(kit().features.inviteParticipants(demoBot, bot.id, invite()), fails('inviteTooManyParticipants'));
  });

  it('needs a chat for several invitees, a group call, known users not yet in the call', async () => {
    const bot = await groupCall(kit());
    await assert.rejects(kit().features.inviteParticipants(demoBot, bot.id, invite(megan.id, lynne.id)), fails('inviteNeedsChat'));
    await assert.rejects(kit().features.inviteParticipants(demoBot, bot.id, invite(alex.id)), fails('inviteeAlreadyInCall'));
    await assert.rejects(kit().features.inviteParticipants(demoBot, bot.id, invite('00000000-0000-0000-0000-000000000000')), fails('inviteeNotFound'));
    await assert.rejects(kit().features.inviteParticipants(demoBot, bot.id, { ...invite(), invitees: [{ kind: 'phone', id: '+15550100' }] }), fails('inviteeNotSupported'));
    const p2p = await kit().calls.createCall(demoBot, callUsersCommand([lynne.id]));
    await kit().runTimers();
    await assert.rejects(kit().features.inviteParticipants(demoBot, p2p.id, invite(megan.id)), fails('actionNeedsGroupCall'));
    await assert.rejects(kit().features.inviteParticipants(demoBot, bot.id, { ...invite(megan.id), clientContext: 'x'.repeat(257) }), fails('clientContextTooLong'));
  });

  describe('with realistic latency', () => {
    const slow = useFeaturesKit({ latency: LATENCY_PROFILES.realistic });

    it('fails the operation (487) when every invitation was cancelled before anyone answered', async () => {
      const bot = await botInStandup(slow());
      await slow().advance(5000);
      await slow().advance(5000);
      const operation = await slow().features.inviteParticipants(demoBot, bot.id, invite(megan.id));
      const ringing = (await slow().people.roster(STANDUP.id)).participants.find((p) => p.invitation)!;
      await slow().people.leave(bot.conferenceId!, ringing.id);
      slow().notifications.clear();
      await slow().advance(3000);
      const done = await slow().calls.getOperation(demoBot, bot.id, operation.id);
      assert.deepEqual([done.status, done.resultInfo?.code], ['failed', 487]);
      assert.deepEqual(slow().notifications.to(bot.id), ['operation:finished:inviteParticipantsOperation:failed']);
    });
  });
});
