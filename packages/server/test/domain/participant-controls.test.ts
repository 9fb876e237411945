import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertMayRemoveParticipants, assertNotOwnEntry, muteAllTargets, selfMute, serverMute, serverMuteAll } from '../../src/domain/calls/participant-controls.js';
import { findParticipant } from '../../src/domain/calls/roster.js';
import type { CallEvent, Participant } from '../../src/domain/calls/types.js';
import { DomainError, type ErrorId } from '../../src/domain/errors/index.js';
import { buildConference, buildParticipant } from '../wire/support/domain.js';

const fails = (id: ErrorId) => (error: unknown) => error instanceof DomainError && error.id === id;
const rosterOf = (events: CallEvent[]) => events.map((e) => [e.type, (e as { participants: Participant[] }).participants.map((p) => `${p.id}@${p.rosterSequenceNumber}`)]);

const bot = buildParticipant({ id: 'bot', kind: 'app', callId: 'leg-1' });
const conference = () => buildConference({ rosterSequence: 5, participants: [bot, buildParticipant({ id: 'alex' }), buildParticipant({ id: 'megan', isMuted: true }), buildParticipant({ id: 'guest', isInLobby: true })] });

describe('participant controls (domain)', () => {
  it('server-mutes a participant: isMuted and the stream’s serverMuted, one roster version', () => {
    const { value, events } = serverMute(conference(), 'alex');
    const alex = findParticipant(value, 'alex');
    assert.deepEqual([alex.isMuted, alex.serverMuted, value.rosterSequence], [true, true, 6]);
    assert.deepEqual(rosterOf(events), [['roster:updated', ['alex@6']]]);
    assert.deepEqual(serverMute(value, 'alex').events, [], 'muting again changes nothing');
  });

  it('server-mutes a participant who had muted themselves (the stream now says the server muted them)', () => {
    const { value, events } = serverMute(conference(), 'megan');
    assert.equal(findParticipant(value, 'megan').serverMuted, true);
    assert.equal(events.length, 1);
  });

  it('mutes several in one roster update (muteAll)', () => {
    const { value, events } = serverMuteAll(conference(), ['alex', 'megan']);
    assert.deepEqual(rosterOf(events), [['roster:updated', ['alex@6', 'megan@7']]]);
    assert.equal(value.rosterSequence, 7);
    assert.deepEqual(serverMuteAll(value, ['alex', 'megan']).events, []);
  });

  it('picks muteAll’s targets: the ids named (blank ones name nobody), else everyone in the conversation but the app', () => {
    assert.deepEqual(muteAllTargets(conference(), ['alex'], 'bot'), ['alex']);
    assert.deepEqual(muteAllTargets(conference(), [''], 'bot'), ['alex', 'megan']);
    assert.deepEqual(muteAllTargets(conference(), [], 'bot'), ['alex', 'megan']);
    assert.throws(() => muteAllTargets(conference(), ['nobody'], 'bot'), fails('participantNotFound'));
  });

  it('self-mutes and unmutes; unmuting also lifts a server mute', () => {
    const muted = selfMute(conference(), 'bot', true);
    assert.deepEqual([findParticipant(muted.value, 'bot').isMuted, findParticipant(muted.value, 'bot').serverMuted, muted.events.length], [true, false, 1]);
    assert.deepEqual(selfMute(muted.value, 'bot', true).events, []);
    const serverMuted = serverMute(conference(), 'bot').value;
    const unmuted = selfMute(serverMuted, 'bot', false);
    assert.deepEqual([findParticipant(unmuted.value, 'bot').isMuted, findParticipant(unmuted.value, 'bot').serverMuted, unmuted.events.length], [false, false, 1]);
    assert.deepEqual(selfMute(conference(), 'bot', false).events, []);
  });

  it('allows removing participants only to apps the tenant’s meeting configuration lists (any case)', () => {
    assert.doesNotThrow(() => assertMayRemoveParticipants({ allowRemoveParticipantAppIds: ['E30D9466-3FB9-44C1-BDFB-C0751F576358'] }, 'e30d9466-3fb9-44c1-bdfb-c0751f576358', 't'));
    assert.throws(() => assertMayRemoveParticipants({ allowRemoveParticipantAppIds: [] }, 'app', 't'), (error: unknown) => {
      assert.ok(error instanceof DomainError && error.id === 'removeParticipantNotAllowed');
      assert.equal(error.status, 403);
      assert.match(error.message, /Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds @\{Add="app"\}/);
      return true;
    });
    assert.throws(() => assertMayRemoveParticipants(undefined, 'app', 't'), fails('removeParticipantNotAllowed'));
  });

  it('refuses to remove the app’s own entry', () => {
    assert.throws(() => assertNotOwnEntry(bot, 'leg-1'), fails('removeOwnParticipant'));
    assert.doesNotThrow(() => assertNotOwnEntry(bot, 'leg-2'));
  });
});
