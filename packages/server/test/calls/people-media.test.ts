import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PersonJoined } from '../../src/calls/people-service.js';
import type { Call } from '../../src/domain/calls/types.js';
import { DomainError, type ErrorId } from '../../src/domain/errors/index.js';
import { DEMO } from '../../src/world/demo-world.js';
import { STANDUP, demoBot, joinCommand, useCallKit, type CallKit } from './call-kit.js';

const fails = (id: ErrorId) => (error: unknown) => error instanceof DomainError && error.id === id;

/** An established bot leg with content sharing notifications, and Alex in the meeting; notifications cleared. */
async function botAndAlex(kit: CallKit): Promise<[Call, PersonJoined]> {
  const call = await kit.calls.createCall(demoBot, joinCommand(STANDUP, { contentSharingNotifications: true }));
  await kit.runTimers();
  const alex = await kit.people.joinMeeting(STANDUP.id, { userId: DEMO.users.alex.id });
  kit.notifications.clear();
  return [call, alex];
}

describe("people: a person's own media", () => {
  const kit = useCallKit();

  it('turns the camera on (sendReceive) and off (receiveOnly), one roster update each', async () => {
    const [leg, alex] = await botAndAlex(kit());
    assert.equal((await kit().people.setVideo(alex.conferenceId, alex.participantId, true)).video, 'sendReceive');
    assert.equal((await kit().people.setVideo(alex.conferenceId, alex.participantId, true)).video, 'sendReceive');
    assert.equal((await kit().people.setVideo(alex.conferenceId, alex.participantId, false)).video, 'receiveOnly');
    assert.deepEqual(kit().notifications.to(leg.id), [`roster:updated [${alex.participantId}]`, `roster:updated [${alex.participantId}]`]);
  });

  it('refuses video for someone in the lobby and for an app leg', async () => {
    const [leg] = await botAndAlex(kit());
    const guest = await kit().people.joinMeeting(STANDUP.id, { guest: { displayName: 'Visitor' } });
    await assert.rejects(kit().people.setVideo(guest.conferenceId, guest.participantId, true), fails('participantNotActive'));
    await assert.rejects(kit().people.setVideo(guest.conferenceId, leg.myParticipantId ?? '', true), fails('participantIsApp'));
  });

  it('holds: audio and video inactive and sharing ends; resume restores the directions', async () => {
    const [leg, alex] = await botAndAlex(kit());
    await kit().people.setVideo(alex.conferenceId, alex.participantId, true);
    await kit().people.shareScreen(alex.conferenceId, alex.participantId);
    const held = await kit().people.hold(alex.conferenceId, alex.participantId);
    assert.deepEqual([held.audio, held.video, held.screenSharing, held.held], ['inactive', 'inactive', 'inactive', { audio: 'sendReceive', video: 'sendReceive' }]);
    const resumed = await kit().people.resumeHeld(alex.conferenceId, alex.participantId);
    assert.deepEqual([resumed.audio, resumed.video, resumed.held], ['sendReceive', 'sendReceive', undefined]);
    const sent = kit().notifications.to(leg.id);
    assert.deepEqual(sent.slice(-3), ['contentSharing:changed:deleted', `roster:updated [${alex.participantId}]`, `roster:updated [${alex.participantId}]`]);
  });

  it('does nothing for a second hold or a resume without hold, and refuses video while held', async () => {
    const [leg, alex] = await botAndAlex(kit());
    await kit().people.resumeHeld(alex.conferenceId, alex.participantId);
    await kit().people.hold(alex.conferenceId, alex.participantId);
    await kit().people.hold(alex.conferenceId, alex.participantId);
    assert.equal(kit().notifications.to(leg.id).length, 1);
    await assert.rejects(kit().people.setVideo(alex.conferenceId, alex.participantId, true), fails('participantOnHold'));
  });

  it('sets the dominant speaker without any notification, and forgets a speaker who mutes', async () => {
    const [leg, alex] = await botAndAlex(kit());
    assert.deepEqual(await kit().people.setDominantSpeaker(alex.conferenceId, alex.participantId), { conferenceId: alex.conferenceId, participantId: alex.participantId });
    assert.deepEqual(await kit().people.dominantSpeaker(alex.conferenceId), { conferenceId: alex.conferenceId, participantId: alex.participantId });
    assert.deepEqual(kit().notifications.to(leg.id), []);
    await kit().people.mute(alex.conferenceId, alex.participantId);
    assert.deepEqual(await kit().people.dominantSpeaker(alex.conferenceId), { conferenceId: alex.conferenceId });
    await assert.rejects(kit().people.setDominantSpeaker(alex.conferenceId, alex.participantId), fails('participantNotActive'));
  });

  it('clears the dominant speaker with undefined', async () => {
    const [, alex] = await botAndAlex(kit());
    await kit().people.setDominantSpeaker(alex.conferenceId, alex.participantId);
    await kit().people.setDominantSpeaker(alex.conferenceId, undefined);
    assert.deepEqual(await kit().people.dominantSpeaker(alex.conferenceId), { conferenceId: alex.conferenceId });
  });

  it('shares, stops sharing and presses keys through the people facade', async () => {
    const [leg, alex] = await botAndAlex(kit());
    const session = await kit().people.shareScreen(alex.conferenceId, alex.participantId);
    assert.equal(session.participantId, alex.participantId);
    await kit().people.stopSharing(alex.conferenceId, alex.participantId);
    const pressed = await kit().people.pressKeys(alex.conferenceId, alex.participantId, ['tone1']);
    assert.deepEqual(pressed.notifiedCallIds, []);
    assert.deepEqual(kit().notifications.to(leg.id).filter((e) => e.startsWith('contentSharing')), ['contentSharing:changed:created', 'contentSharing:changed:deleted']);
  });
});
