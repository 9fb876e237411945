import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { beginHold, beginRelease, completeHold, completeRelease, heldParticipant, isOnHold, releaseHoldsBy } from '../../src/domain/calls/hold-music.js';
import { findParticipant } from '../../src/domain/calls/roster.js';
import type { CallEvent, Conference, Participant } from '../../src/domain/calls/types.js';
import { DomainError, type ErrorId } from '../../src/domain/errors/index.js';
import { buildConference, buildParticipant } from '../wire/support/domain.js';

const fails = (id: ErrorId) => (error: unknown) => error instanceof DomainError && error.id === id;
const rosterOf = (events: CallEvent[]) => events.map((e) => [e.type, (e as { participants: Participant[] }).participants.map((p) => p.id)]);

const bot = buildParticipant({ id: 'bot', kind: 'app', callId: 'leg-1' });
const alex = buildParticipant({ id: 'alex', video: 'sendReceive' });
const megan = buildParticipant({ id: 'megan' });
const conference = (): Conference => buildConference({ participants: [bot, alex, megan], rosterSequence: 3 });
const hold = { byCallId: 'leg-1', operationId: 'op-start', promptUri: 'https://bot.contoso.com/onHold.wav' };

describe('hold music (domain)', () => {
  it('records a starting hold without changing what anyone sees', () => {
    const starting = beginHold(conference(), 'alex', hold);
    const entry = findParticipant(starting, 'alex');
    assert.deepEqual(entry.holdMusic, { byCallId: 'leg-1', phase: 'starting', operationId: 'op-start', promptUri: hold.promptUri });
    assert.deepEqual([entry.audio, entry.video, entry.rosterSequenceNumber, starting.rosterSequence], ['sendReceive', 'sendReceive', 1, 3]);
    assert.equal(isOnHold(entry), false);
  });

  it('puts the participant on hold when the start completes: receive-only audio, no video, one roster update', () => {
    const { value, events } = completeHold(beginHold(conference(), 'alex', hold), 'op-start');
    const entry = findParticipant(value, 'alex');
    assert.deepEqual([entry.audio, entry.video, entry.holdMusic?.phase, entry.rosterSequenceNumber], ['receiveOnly', 'inactive', 'onHold', 4]);
    assert.deepEqual(entry.holdMusic?.before, { audio: 'sendReceive', video: 'sendReceive' });
    assert.deepEqual(rosterOf(events), [['roster:updated', ['alex']]]);
    assert.equal(heldParticipant(value)?.id, 'alex');
  });

  it('allows one participant on hold at a time, and no second hold of the same one', () => {
    const held = completeHold(beginHold(conference(), 'alex', hold), 'op-start').value;
    assert.throws(() => beginHold(held, 'megan', { ...hold, operationId: 'op-2' }), fails('holdMusicInUse'));
    assert.throws(() => beginHold(held, 'alex', { ...hold, operationId: 'op-2' }), fails('participantAlreadyOnHold'));
    assert.throws(() => beginHold(beginHold(conference(), 'alex', hold), 'megan', { ...hold, operationId: 'op-2' }), fails('holdMusicInUse'), 'a starting hold counts');
  });

  it('refuses the app’s own leg, people not in the conversation and unknown ids', () => {
    assert.throws(() => beginHold(conference(), 'bot', hold), fails('holdMusicOwnLeg'));
    const lobby = buildConference({ participants: [bot, buildParticipant({ id: 'guest', isInLobby: true })] });
    assert.throws(() => beginHold(lobby, 'guest', hold), fails('holdMusicNotInConversation'));
    const ringing = buildConference({ participants: [bot, buildParticipant({ id: 'invitee', invitation: { operationId: 'invite', callId: 'leg-1', invitedAt: 0 } })] });
    assert.throws(() => beginHold(ringing, 'invitee', hold), fails('holdMusicNotInConversation'));
    assert.throws(() => beginHold(conference(), 'nobody', hold), fails('participantNotFound'));
  });

  it('stops the hold: pending until the stop completes, then the streams are restored', () => {
    const held = completeHold(beginHold(conference(), 'alex', hold), 'op-start').value;
    const stopping = beginRelease(held, 'alex', 'op-stop');
    assert.equal(findParticipant(stopping, 'alex').holdMusic?.phase, 'stopping');
    assert.throws(() => beginRelease(stopping, 'alex', 'op-3'), fails('holdMusicPending'));
    const { value, events } = completeRelease(stopping, 'op-stop');
    const entry = findParticipant(value, 'alex');
    assert.deepEqual([entry.audio, entry.video, 'holdMusic' in entry], ['sendReceive', 'sendReceive', false]);
    assert.deepEqual(rosterOf(events), [['roster:updated', ['alex']]]);
    assert.equal(heldParticipant(value), undefined);
  });

  it('refuses to stop what is not on hold or still starting', () => {
    assert.throws(() => beginRelease(conference(), 'alex', 'op-stop'), fails('participantNotOnHold'));
    assert.throws(() => beginRelease(beginHold(conference(), 'alex', hold), 'alex', 'op-stop'), fails('holdMusicPending'));
  });

  it('ignores a completion for another operation (a timer firing twice, or late)', () => {
    const starting = beginHold(conference(), 'alex', hold);
    assert.deepEqual(completeHold(starting, 'op-other'), { value: starting, events: [] });
    assert.deepEqual(completeRelease(starting, 'op-start'), { value: starting, events: [] });
  });

  it('ends the hold when the leg that holds leaves', () => {
    const held = completeHold(beginHold(conference(), 'alex', hold), 'op-start').value;
    const { value, events } = releaseHoldsBy(held, 'leg-1');
    assert.equal(findParticipant(value, 'alex').audio, 'sendReceive');
    assert.deepEqual(rosterOf(events), [['roster:updated', ['alex']]]);
    assert.deepEqual(releaseHoldsBy(held, 'leg-2').events, []);
    const starting = releaseHoldsBy(beginHold(conference(), 'alex', hold), 'leg-1');
    assert.deepEqual([heldParticipant(starting.value), starting.events], [undefined, []]);
  });
});
