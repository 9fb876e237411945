import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addParticipant, addParticipants, admitParticipant, endConference, openConference, removeParticipant, rosterSnapshot, setParticipantMuted } from '../../src/domain/calls/roster.js';
import type { CallEvent, Conference, Participant } from '../../src/domain/calls/types.js';
import { DomainError } from '../../src/domain/errors/index.js';
import { T0, TENANT, person } from './call-fixtures.js';

const meetingConference = (): Conference => openConference({ id: 'conf-1', kind: 'meeting', tenantId: TENANT, meetingId: 'meeting-1' }, T0);

const summary = (events: CallEvent[]): [string, string[]][] => events.map((e) => [e.type, (e as { participants: Participant[] }).participants.map((p) => `${p.id}@${p.rosterSequenceNumber}`)]);

const withTwo = (): Conference => addParticipants(meetingConference(), [person('a'), person('b', { isInLobby: true })], T0).value;

describe('conference roster', () => {
  it('opens empty at roster version 0', () => {
    const conference = meetingConference();
    assert.equal(conference.state, 'active');
    assert.equal(conference.rosterSequence, 0);
    assert.deepEqual(conference.participants, []);
  });

  it('adds a participant as one roster version and notifies the full entry', () => {
    const { value, events } = addParticipant(meetingConference(), person('a'), T0 + 5);
    assert.equal(value.rosterSequence, 1);
    assert.equal(value.participants[0]?.joinedAt, T0 + 5);
    assert.deepEqual(summary(events), [['roster:updated', ['a@1']]]);
  });

  it('adds several participants in one version (people answering a group call together)', () => {
    const { value, events } = addParticipants(meetingConference(), [person('a'), person('b')], T0);
    assert.equal(value.rosterSequence, 1);
    assert.deepEqual(summary(events), [['roster:updated', ['a@1', 'b@1']]]);
  });

  it('admits from the lobby: isInLobby false, a new version for that entry only', () => {
    const { value, events } = admitParticipant(withTwo(), 'b');
    assert.equal(value.participants.find((p) => p.id === 'b')?.isInLobby, false);
    assert.equal(value.participants.find((p) => p.id === 'a')?.rosterSequenceNumber, 1);
    assert.deepEqual(summary(events), [['roster:updated', ['b@2']]]);
  });

  it('refuses to admit someone who is not in the lobby', () => {
    assert.throws(() => admitParticipant(withTwo(), 'a'), (error: unknown) => error instanceof DomainError && error.id === 'participantNotInLobby');
  });

  it('mutes and unmutes; an unchanged state is no roster change', () => {
    const muted = setParticipantMuted(withTwo(), 'a', true);
    assert.deepEqual(summary(muted.events), [['roster:updated', ['a@2']]]);
    assert.equal(muted.value.participants[0]?.isMuted, true);
    const again = setParticipantMuted(muted.value, 'a', true);
    assert.deepEqual(again.events, []);
    assert.equal(again.value.rosterSequence, 2);
    assert.deepEqual(summary(setParticipantMuted(muted.value, 'a', false).events), [['roster:updated', ['a@3']]]);
  });

  it('removes a participant with `roster:removed` carrying the departed entry', () => {
    const { value, events } = removeParticipant(withTwo(), 'a');
    assert.deepEqual(value.participants.map((p) => p.id), ['b']);
    assert.equal(value.rosterSequence, 2);
    assert.deepEqual(summary(events), [['roster:removed', ['a@2']]]);
  });

  it('answers participantNotFound (404) for an unknown participant', () => {
    assert.throws(() => removeParticipant(withTwo(), 'zz'), (error: unknown) => error instanceof DomainError && error.id === 'participantNotFound' && error.status === 404);
  });

  it('snapshots the whole roster', () => {
    assert.deepEqual(summary(rosterSnapshot(withTwo())), [['roster:updated', ['a@1', 'b@1']]]);
  });

  it('never notifies a peer-to-peer roster (Graph sends only call states for P2P)', () => {
    const p2p = openConference({ id: 'c', kind: 'peerToPeer', tenantId: TENANT }, T0);
    const joined = addParticipant(p2p, person('a'), T0);
    assert.equal(joined.value.participants.length, 1);
    assert.deepEqual(joined.events, []);
    assert.deepEqual(removeParticipant(joined.value, 'a').events, []);
    assert.deepEqual(rosterSnapshot(joined.value), []);
  });

  it('accepts no joiners once ended', () => {
    assert.throws(() => addParticipant(endConference(meetingConference()), person('a'), T0), (error: unknown) => error instanceof DomainError && error.id === 'conferenceNotFound');
  });
});
