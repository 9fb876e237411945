import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RosterCache } from '../../src/calls/roster-cache.js';
import { planRosterWrite } from '../../src/calls/roster-changes.js';
import { assembleConference, EMPTY_ROSTER, freezeRoster, headerOf, rosterOfEntries, type Roster } from '../../src/calls/roster-docs.js';
import { addParticipants, openConference, removeParticipant, setParticipantMuted } from '../../src/domain/calls/roster.js';
import type { Conference, Participant } from '../../src/domain/calls/types.js';
import { person, T0 } from '../domain/call-fixtures.js';

const open = (): Conference => openConference({ id: 'conf', kind: 'meeting', tenantId: 't' }, T0);
const withPeople = (...ids: string[]): Conference => addParticipants(open(), ids.map((id) => person(id)), T0).value;

/** The roster as read after writing `conference` whole: positions 0, 1, 2, … */
function stored(conference: Conference): Roster {
  const plan = planRosterWrite(EMPTY_ROSTER, conference.participants, 0);
  return freezeRoster('s1', plan.participants, plan.positions);
}

const ids = (participants: readonly { id: string }[]): string[] => participants.map((p) => p.id);
const putIds = (plan: ReturnType<typeof planRosterWrite>): string[] => plan.puts.map((entry) => entry.participant.id);

describe('roster entries: what a write changes', () => {
  it('a new conference writes every entry once, in order', () => {
    const plan = planRosterWrite(EMPTY_ROSTER, withPeople('a', 'b', 'c').participants, 0);
    assert.deepEqual(putIds(plan), ['a', 'b', 'c']);
    assert.deepEqual(plan.positions, [0, 1, 2]);
    assert.equal(plan.nextPosition, 3);
    assert.ok(plan.participants.every((p) => Object.isFrozen(p)));
  });

  it('a join writes only the joiner, at the next position', () => {
    const read = stored(withPeople('a', 'b', 'c'));
    const conference = { ...withPeople(), participants: read.participants as Participant[] };
    const joined = addParticipants(conference, [person('d')], T0).value;
    const plan = planRosterWrite(read, joined.participants, 3);
    assert.deepEqual(putIds(plan), ['d']);
    assert.deepEqual(plan.deletes, []);
    assert.deepEqual(plan.positions, [0, 1, 2, 3]);
    assert.equal(plan.nextPosition, 4);
  });

  it('a departure deletes one entry; an update rewrites one, keeping its position', () => {
    const read = stored(withPeople('a', 'b', 'c'));
    const conference = { ...open(), participants: read.participants as Participant[] };
    const left = planRosterWrite(read, removeParticipant(conference, 'b').value.participants, 3);
    assert.deepEqual([putIds(left), left.deletes, left.positions], [[], ['b'], [0, 2]]);
    const muted = planRosterWrite(read, setParticipantMuted(conference, 'b', true).value.participants, 3);
    assert.deepEqual([putIds(muted), muted.deletes, muted.positions, muted.nextPosition], [['b'], [], [0, 1, 2], 3]);
  });

  it('an unchanged roster writes nothing', () => {
    const read = stored(withPeople('a', 'b'));
    const plan = planRosterWrite(read, read.participants, 2);
    assert.deepEqual([plan.puts, plan.deletes], [[], []]);
  });

  it('an insertion before unchanged entries renumbers the rest, so position order stays roster order', () => {
    const read = stored(withPeople('a', 'c'));
    const [a, c] = read.participants as Participant[];
    const plan = planRosterWrite(read, [a as Participant, { ...(c as Participant), id: 'b' }, c as Participant], 2);
    assert.deepEqual(putIds(plan), ['b', 'c']);
    assert.deepEqual(plan.positions, [0, 2, 3]);
    const reread = rosterOfEntries('s2', [{ position: 0, participant: a as Participant }, ...plan.puts]);
    assert.deepEqual(ids(reread.participants), ['a', 'b', 'c']);
  });

  it('a header and its roster assemble into the same conference, frozen', () => {
    const conference = withPeople('a', 'b');
    const roster = stored(conference);
    const header = headerOf(conference, roster.stamp, 2);
    assert.equal('participants' in header, false);
    const assembled = assembleConference(header, roster);
    assert.deepEqual(assembled, conference);
    assert.ok(Object.isFrozen(assembled) && Object.isFrozen(assembled.participants));
  });
});

describe('roster cache', () => {
  const roster = (stamp: string): Roster => freezeRoster(stamp, [], []);

  it('answers only for the stamp it holds, keeping the last two per conference', () => {
    const cache = new RosterCache();
    cache.remember('c', roster('s1'));
    cache.remember('c', roster('s2'));
    assert.equal(cache.get('c', 's1')?.stamp, 's1');
    assert.equal(cache.get('c', 's2')?.stamp, 's2');
    cache.remember('c', roster('s3'));
    assert.equal(cache.get('c', 's1'), undefined);
    assert.equal(cache.get('d', 's3'), undefined);
  });

  it('drops the least recently used conference past its capacity', () => {
    const cache = new RosterCache(2);
    cache.remember('a', roster('s'));
    cache.remember('b', roster('s'));
    cache.get('a', 's');
    cache.remember('c', roster('s'));
    assert.deepEqual(['a', 'b', 'c'].map((id) => cache.get(id, 's') !== undefined), [true, false, true]);
  });
});
