import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Call } from '../../src/domain/calls/types.js';
import { DomainError, type ErrorId } from '../../src/domain/errors/index.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldService } from '../../src/world/world-service.js';
import { STANDUP, demoBot, joinCommand, useCallKit, type CallKit } from './call-kit.js';

const fails = (id: ErrorId) => (error: unknown) => error instanceof DomainError && error.id === id;

async function bot(kit: CallKit): Promise<Call> {
  const call = await kit.calls.createCall(demoBot, joinCommand(STANDUP));
  await kit.runTimers();
  kit.notifications.clear();
  return call;
}

describe('people: who joins (phone, anonymous) and lobby denial', () => {
  const kit = useCallKit();

  it('joins a phone caller as identity.phone with the number as id, waiting in the lobby like a guest', async () => {
    await bot(kit());
    const joined = await kit().people.joinMeeting(STANDUP.id, { phone: { number: '+14255550100' } });
    const entry = await kit().people.participant(joined.conferenceId, joined.participantId);
    assert.deepEqual([joined.isInLobby, entry.identity], [true, { kind: 'phone', id: '+14255550100' }]);
  });

  it('lets phone callers skip the lobby when the meeting enables dial-in bypass', async () => {
    await new WorldService(kit().store, kit().clock).updateMeeting(STANDUP.id, { isDialInBypassEnabled: true });
    const joined = await kit().people.joinMeeting(STANDUP.id, { phone: { number: '+14255550101', displayName: 'Front desk' } });
    const guest = await kit().people.joinMeeting(STANDUP.id, { guest: { displayName: 'Visitor' } });
    assert.deepEqual([joined.isInLobby, guest.isInLobby], [false, true]);
  });

  it('refuses a phone number that is not E.164, and more than one kind of joiner', async () => {
    await assert.rejects(kit().people.joinMeeting(STANDUP.id, { phone: { number: '4255550100' } }), fails('validationFailed'));
    await assert.rejects(kit().people.joinMeeting(STANDUP.id, { userId: DEMO.users.alex.id, anonymous: {} }), fails('validationFailed'));
  });

  it("joins an anonymous participant as a guest named 'Anonymous' unless a name is given", async () => {
    const nameless = await kit().people.joinMeeting(STANDUP.id, { anonymous: {} });
    const named = await kit().people.joinMeeting(STANDUP.id, { anonymous: { displayName: 'Kim' } });
    const [a, b] = await Promise.all([nameless, named].map((j) => kit().people.participant(j.conferenceId, j.participantId)));
    assert.deepEqual([a?.identity.kind, a?.identity.displayName, b?.identity.displayName, nameless.isInLobby], ['guest', 'Anonymous', 'Kim', true]);
  });

  it('applies muted and video given as arguments', async () => {
    const joined = await kit().people.joinMeeting(STANDUP.id, { userId: DEMO.users.alex.id }, true, true);
    const entry = await kit().people.participant(joined.conferenceId, joined.participantId);
    assert.deepEqual([entry.isMuted, entry.video], [true, 'sendReceive']);
  });

  it('denies someone in the lobby: the entry leaves the roster, and admitting afterwards fails', async () => {
    const leg = await bot(kit());
    const guest = await kit().people.joinMeeting(STANDUP.id, { guest: { displayName: 'Visitor' } });
    await kit().people.deny(guest.conferenceId, guest.participantId);
    assert.deepEqual(kit().notifications.to(leg.id), [`roster:updated [${guest.participantId}]`, `roster:removed [${guest.participantId}]`]);
    await assert.rejects(kit().people.admit(guest.conferenceId, guest.participantId), fails('participantNotFound'));
  });

  it('refuses to deny someone who is not in the lobby', async () => {
    await bot(kit());
    const member = await kit().people.joinMeeting(STANDUP.id, { userId: DEMO.users.alex.id });
    await assert.rejects(kit().people.deny(member.conferenceId, member.participantId), fails('participantNotInLobby'));
  });

  it("ends a guest bot's call when it is denied entry (200/5300)", async () => {
    await bot(kit());
    const guestBot = await kit().calls.createCall(demoBot, joinCommand(STANDUP, { guest: { displayName: 'Guest bot' } }));
    await kit().runTimers();
    await kit().people.deny(guestBot.conferenceId ?? '', guestBot.myParticipantId ?? '');
    const ended = await kit().people.getCall(guestBot.id);
    assert.deepEqual([ended.state, ended.resultInfo?.code, ended.resultInfo?.subcode], ['terminated', 200, 5300]);
  });
});
