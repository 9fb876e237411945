import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Call } from '../../src/domain/calls/types.js';
import { DomainError } from '../../src/domain/errors/index.js';
import type { ErrorId } from '../../src/domain/errors/index.js';
import { DEMO } from '../../src/world/demo-world.js';
import { STANDUP, TOWN_HALL, botWith, callUsersCommand, demoBot, joinCommand, useCallKit, type CallKit } from './call-kit.js';

const { adele, alex, megan, pradeep } = DEMO.users;
const fails = (id: ErrorId) => (error: unknown) => error instanceof DomainError && error.id === id;

/** Two established legs of the demo bot in the stand-up, notifications cleared. */
async function twoBots(kit: CallKit): Promise<[Call, Call]> {
  const first = await kit.calls.createCall(demoBot, joinCommand(STANDUP));
  const second = await kit.calls.createCall(demoBot, joinCommand(STANDUP));
  await kit.runTimers();
  kit.notifications.clear();
  return [first, second];
}

describe('people in meetings', () => {
  const kit = useCallKit();

  it('notifies every connected app leg when a person joins', async () => {
    const [first, second] = await twoBots(kit());
    const joined = await kit().people.joinMeeting(STANDUP.id, { userId: alex.id, muted: true });
    assert.equal(joined.conferenceId, first.conferenceId);
    assert.equal(joined.isInLobby, false);
    for (const leg of [first, second]) assert.deepEqual(kit().notifications.to(leg.id), [`roster:updated [${joined.participantId}]`]);
    const entry = (await kit().calls.getParticipant(demoBot, first.id, joined.participantId));
    assert.deepEqual([entry.identity.displayName, entry.isMuted], ['Alex Wilber', true]);
  });

  it('shows the roster of a meeting, and an empty one before anyone joins', async () => {
    assert.deepEqual(await kit().people.roster(STANDUP.id), { meetingId: STANDUP.id, rosterSequence: 0, participants: [] });
    const joined = await kit().people.joinMeeting(STANDUP.id, { userId: adele.id });
    const roster = await kit().people.roster(STANDUP.id);
    assert.deepEqual([roster.conferenceId, roster.rosterSequence, roster.participants.map((p) => p.id)], [joined.conferenceId, 1, [joined.participantId]]);
  });

  it('puts people in the lobby per the meeting policy, visible to the bots, until admitted', async () => {
    const [bot] = await twoBots(kit());
    const guest = await kit().people.joinMeeting(STANDUP.id, { guest: { displayName: 'Visitor' } });
    const federated = await kit().people.joinMeeting(STANDUP.id, { userId: pradeep.id });
    assert.deepEqual([guest.isInLobby, federated.isInLobby], [true, true]);
    const waiting = await kit().people.admit(guest.conferenceId, guest.participantId);
    assert.equal(waiting.isInLobby, false);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${guest.participantId}]`, `roster:updated [${federated.participantId}]`, `roster:updated [${guest.participantId}]`]);
    await assert.rejects(kit().people.admit(guest.conferenceId, guest.participantId), fails('participantNotInLobby'));
  });

  it('sends no roster to an app waiting in the lobby, and the whole roster once it is admitted', async () => {
    const [member] = await twoBots(kit());
    const guestBot = await kit().calls.createCall(botWith(['Calls.JoinGroupCallAsGuest.All']), joinCommand(STANDUP, { guest: { displayName: 'Guest bot' } }));
    await kit().runTimers();
    const person = await kit().people.joinMeeting(STANDUP.id, { userId: megan.id });
    assert.equal((await kit().people.getCall(guestBot.id)).state, 'establishing');
    assert.deepEqual(kit().notifications.to(guestBot.id), ['call:stateChanged:establishing']);
    assert.deepEqual((await kit().calls.listParticipants(demoBot, guestBot.id)).map((p) => p.id), [guestBot.myParticipantId]);
    assert.deepEqual(kit().notifications.to(member.id), [`roster:updated [${guestBot.myParticipantId}]`, `roster:updated [${person.participantId}]`]);
    await kit().people.admit(person.conferenceId, guestBot.myParticipantId ?? '');
    await kit().runTimers();
    const roster = (await kit().people.roster(STANDUP.id)).participants.map((p) => p.id);
    assert.deepEqual(kit().notifications.to(guestBot.id), ['call:stateChanged:establishing', 'call:stateChanged:established', `roster:updated [${roster.join(',')}]`]);
  });

  it('notifies a departure as `roster:removed`', async () => {
    const [bot] = await twoBots(kit());
    const joined = await kit().people.joinMeeting(STANDUP.id, { userId: alex.id });
    await kit().people.leave(joined.conferenceId, joined.participantId);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${joined.participantId}]`, `roster:removed [${joined.participantId}]`]);
    await assert.rejects(kit().people.leave(joined.conferenceId, joined.participantId), fails('participantNotFound'));
  });

  it('mutes and unmutes a person, and refuses to do it for an app leg', async () => {
    const [bot] = await twoBots(kit());
    const joined = await kit().people.joinMeeting(STANDUP.id, { userId: alex.id });
    assert.equal((await kit().people.mute(joined.conferenceId, joined.participantId)).isMuted, true);
    assert.equal((await kit().people.unmute(joined.conferenceId, joined.participantId)).isMuted, false);
    assert.equal(kit().notifications.to(bot.id).length, 3);
    await assert.rejects(kit().people.mute(joined.conferenceId, bot.myParticipantId ?? ''), fails('participantIsApp'));
    await assert.rejects(kit().people.leave(joined.conferenceId, bot.myParticipantId ?? ''), fails('participantIsApp'));
  });

  it('ends every app leg with 200/5003 when the organizer ends the meeting', async () => {
    const [first, second] = await twoBots(kit());
    await kit().people.joinMeeting(STANDUP.id, { userId: alex.id });
    kit().notifications.clear();
    await kit().people.endMeeting(STANDUP.id);
    for (const leg of [first, second]) {
      assert.deepEqual(kit().notifications.to(leg.id), ['call:deleted:terminated']);
      assert.deepEqual((await kit().people.getCall(leg.id)).resultInfo, { code: 200, subcode: 5003, message: 'The conversation has ended.' });
    }
    assert.deepEqual((await kit().people.roster(STANDUP.id)).participants, []);
    await assert.rejects(kit().people.endMeeting(STANDUP.id), fails('meetingNotInProgress'));
    const again = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    assert.notEqual(again.conferenceId, first.conferenceId);
  });

  it("ends an app's leg with 200/5300 when the organizer removes it; the others see it go", async () => {
    const [removed, staying] = await twoBots(kit());
    await kit().people.remove(removed.conferenceId ?? '', removed.myParticipantId ?? '');
    assert.deepEqual((await kit().people.getCall(removed.id)).resultInfo?.subcode, 5300);
    assert.deepEqual(kit().notifications.to(removed.id), ['call:deleted:terminated']);
    assert.deepEqual(kit().notifications.to(staying.id), [`roster:removed [${removed.myParticipantId}]`]);
  });

  it('removes a person like a departure', async () => {
    const [bot] = await twoBots(kit());
    const joined = await kit().people.joinMeeting(STANDUP.id, { guest: { displayName: 'Visitor' } });
    await kit().people.remove(joined.conferenceId, joined.participantId);
    assert.deepEqual(kit().notifications.to(bot.id).at(-1), `roster:removed [${joined.participantId}]`);
  });

  it('keeps a meeting with people going after the last bot leaves, and ends it when empty', async () => {
    const bot = await kit().calls.createCall(demoBot, joinCommand(TOWN_HALL));
    const joined = await kit().people.joinMeeting(TOWN_HALL.id, { guest: { displayName: 'Visitor' } });
    await kit().calls.deleteCall(demoBot, bot.id);
    await kit().runTimers();
    assert.equal((await kit().people.roster(TOWN_HALL.id)).conferenceId, joined.conferenceId);
    await kit().people.leave(joined.conferenceId, joined.participantId);
    assert.equal((await kit().people.roster(TOWN_HALL.id)).conferenceId, undefined);
  });

  it('answers 404 for unknown meetings, users and conferences', async () => {
    await assert.rejects(kit().people.joinMeeting('nope', { userId: alex.id }), fails('meetingNotFound'));
    await assert.rejects(kit().people.joinMeeting(STANDUP.id, { userId: 'nobody' }), fails('userNotFound'));
    await assert.rejects(kit().people.leave('no-conference', 'p'), fails('conferenceNotFound'));
    await assert.rejects(kit().people.joinMeeting(STANDUP.id, {}), fails('validationFailed'));
  });
});

describe('people in group calls', () => {
  const kit = useCallKit();

  it('ends the app’s group call with 200/5002 when everyone else has left', async () => {
    const call = await kit().calls.createCall(demoBot, callUsersCommand([adele.id, alex.id]));
    await kit().runTimers();
    const people = (await kit().calls.listParticipants(demoBot, call.id)).filter((p) => p.kind === 'person');
    await kit().people.leave(call.conferenceId ?? '', people[0]?.id ?? '');
    assert.equal((await kit().calls.getCall(demoBot, call.id)).state, 'established');
    await kit().people.leave(call.conferenceId ?? '', people[1]?.id ?? '');
    assert.deepEqual((await kit().people.getCall(call.id)).resultInfo?.subcode, 5002);
    assert.deepEqual(kit().notifications.to(call.id).slice(-3), [`roster:removed [${people[0]?.id}]`, `roster:removed [${people[1]?.id}]`, 'call:deleted:terminated']);
  });
});
