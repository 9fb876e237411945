import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { STANDUP, demoBot } from './call-kit.js';
import { botInStandup, fails, useFeaturesKit } from './features-kit.js';

const { alex, diego } = DEMO.users;

describe('content sharing sessions (service)', () => {
  const kit = useFeaturesKit();

  it('opens a session when a person shares and closes it when they stop, with roster updates', async () => {
    const bot = await botInStandup(kit(), { contentSharingNotifications: true });
    const person = await kit().people.joinMeeting(STANDUP.id, { userId: alex.id });
    kit().notifications.clear();
    const session = await kit().features.shareScreen(person.conferenceId, person.participantId);
    assert.equal(session.participantId, person.participantId);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${person.participantId}]`, 'contentSharing:changed:created']);
    assert.equal((await kit().calls.getParticipant(demoBot, bot.id, person.participantId)).screenSharing, 'sendOnly');
    assert.deepEqual(await kit().features.listContentSharingSessions(demoBot, bot.id), [session]);
    assert.deepEqual(await kit().features.getContentSharingSession(demoBot, bot.id, session.id), session);

    kit().notifications.clear();
    await kit().features.stopScreenSharing(person.conferenceId, person.participantId);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${person.participantId}]`, 'contentSharing:changed:deleted']);
    assert.deepEqual(await kit().features.listContentSharingSessions(demoBot, bot.id), []);
    await assert.rejects(kit().features.getContentSharingSession(demoBot, bot.id, session.id), fails('contentSharingSessionNotFound'));
  });

  it('ends the session of a sharer who leaves', async () => {
    const bot = await botInStandup(kit());
    const person = await kit().people.joinMeeting(STANDUP.id, { userId: alex.id });
    await kit().features.shareScreen(person.conferenceId, person.participantId);
    kit().notifications.clear();
    await kit().people.leave(person.conferenceId, person.participantId);
    assert.deepEqual(kit().notifications.to(bot.id), ['contentSharing:changed:deleted', `roster:removed [${person.participantId}]`]);
    assert.deepEqual(await kit().features.listContentSharingSessions(demoBot, bot.id), []);
  });

  it('keeps one session per sharer and lists every sharer', async () => {
    const bot = await botInStandup(kit());
    const [a, b] = [await kit().people.joinMeeting(STANDUP.id, { userId: alex.id }), await kit().people.joinMeeting(STANDUP.id, { userId: diego.id })];
    await kit().features.shareScreen(a.conferenceId, a.participantId);
    await kit().features.shareScreen(b.conferenceId, b.participantId);
    await assert.rejects(kit().features.shareScreen(a.conferenceId, a.participantId), fails('participantAlreadySharing'));
    assert.deepEqual((await kit().features.listContentSharingSessions(demoBot, bot.id)).map((s) => s.participantId), [a.participantId, b.participantId]);
  });

  it('refuses apps, people in the lobby, and stopping what was not started', async () => {
    const bot = await botInStandup(kit());
    await assert.rejects(kit().features.shareScreen(bot.conferenceId!, bot.myParticipantId!), fails('participantCannotShare'));
    const guest = await kit().people.joinMeeting(STANDUP.id, { guest: { displayName: 'Visitor' } });
    await assert.rejects(kit().features.shareScreen(guest.conferenceId, guest.participantId), fails('participantCannotShare'));
    await assert.rejects(kit().features.stopScreenSharing(guest.conferenceId, guest.participantId), fails('participantNotSharing'));
    await assert.rejects(kit().features.shareScreen('no-such-conference', guest.participantId), fails('conferenceNotFound'));
  });
});
