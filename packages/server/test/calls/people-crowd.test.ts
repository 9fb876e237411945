import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors/index.js';
import { STANDUP, TOWN_HALL, demoBot, joinCommand, useCallKit } from './call-kit.js';

describe('a crowd joining a meeting in one step', () => {
  const kit = useCallKit();

  it('adds every guest in one roster version and tells each connected leg once', async () => {
    const bot = await kit().calls.createCall(demoBot, joinCommand(TOWN_HALL));
    await kit().runTimers();
    kit().notifications.clear();
    const crowd = await kit().people.joinCrowd(TOWN_HALL.id, 3, 'Fan');
    const roster = await kit().people.roster(TOWN_HALL.id);
    assert.equal(crowd.conferenceId, bot.conferenceId);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${crowd.participantIds.join(',')}]`]);
    const joined = roster.participants.filter((p) => crowd.participantIds.includes(p.id));
    assert.deepEqual(joined.map((p) => [p.identity.kind, p.identity.displayName, p.isInLobby, p.rosterSequenceNumber]), [
      ['guest', 'Fan 1', false, crowd.rosterSequence],
      ['guest', 'Fan 2', false, crowd.rosterSequence],
      ['guest', 'Fan 3', false, crowd.rosterSequence],
    ]);
    assert.equal(roster.rosterSequence, crowd.rosterSequence);
  });

  it('opens the conference when nobody is in yet, and follows the lobby policy', async () => {
    const crowd = await kit().people.joinCrowd(STANDUP.id, 2);
    const roster = await kit().people.roster(STANDUP.id);
    assert.deepEqual([roster.conferenceId, roster.rosterSequence], [crowd.conferenceId, 1]);
    assert.deepEqual(roster.participants.map((p) => [p.identity.displayName, p.isInLobby]), [['Crowd guest 1', true], ['Crowd guest 2', true]]);
  });

  it('refuses a count out of range and an unknown meeting', async () => {
    const fails = (id: string) => (error: unknown) => error instanceof DomainError && error.id === id;
    await assert.rejects(kit().people.joinCrowd(TOWN_HALL.id, 0), fails('validationFailed'));
    await assert.rejects(kit().people.joinCrowd(TOWN_HALL.id, 1.5), fails('validationFailed'));
    await assert.rejects(kit().people.joinCrowd('no-such-meeting', 1), fails('meetingNotFound'));
  });
});
