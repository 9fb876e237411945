import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CallTracker, parseNotifications, type CallingEvent } from '../src/index.js';
import { fixture } from './support/fixtures.js';

const CALL = 'c1';
const state = (s: string, changeType = 'updated'): unknown => ({ value: [{ changeType, resourceUrl: `/communications/calls/${CALL}`, resourceData: { state: s } }] });
const roster = (entries: Record<string, unknown>[], changeType = 'updated'): unknown => ({
  value: [{ changeType, resourceUrl: `/communications/calls/${CALL}/participants`, resourceData: entries }],
});
const feed = (tracker: CallTracker, ...bodies: unknown[]): void => {
  for (const body of bodies) for (const event of parseNotifications(body) as CallingEvent[]) tracker.apply(event);
};
const record = (tracker: CallTracker): string[] => {
  const log: string[] = [];
  tracker.on('call-state', (call, previous) => log.push(`state ${previous ?? '-'}→${call.state}`));
  tracker.on('participant-joined', (_c, p) => log.push(`joined ${p.id}`));
  tracker.on('participant-updated', (_c, p) => log.push(`updated ${p.id}`));
  tracker.on('participant-left', (_c, p) => log.push(`left ${p.id}`));
  tracker.on('call-ended', (call) => log.push(`ended ${call.id}`));
  tracker.on('tone', (_c, tone) => log.push(`tone ${tone}`));
  return log;
};

describe('CallTracker', () => {
  it('follows the documented order', () => {
    const tracker = new CallTracker();
    const log = record(tracker);
    feed(tracker, state('establishing'), state('established'), state('terminating'), state('terminated', 'deleted'));
    assert.deepEqual(log, ['state -→establishing', 'state establishing→established', 'state established→terminating', 'state terminating→terminated', `ended ${CALL}`]);
    assert.equal(tracker.get(CALL)?.ended, true);
  });

  it('ignores an establishing that arrives after established (BEHAVIOR §4: may be out of order)', () => {
    const tracker = new CallTracker();
    const log = record(tracker);
    feed(tracker, state('established'), state('establishing'));
    assert.equal(tracker.get(CALL)?.state, 'established');
    assert.deepEqual(log, ['state -→established']);
  });

  it('ignores repeated states and anything after termination', () => {
    const tracker = new CallTracker();
    const log = record(tracker);
    feed(tracker, state('established'), state('established'), state('terminated', 'deleted'), state('established'), state('terminated', 'deleted'));
    assert.deepEqual(log, ['state -→established', 'state established→terminated', `ended ${CALL}`]);
  });

  it('lets a failed transfer return to established (same phase)', () => {
    const tracker = new CallTracker();
    feed(tracker, state('established'), state('transferring'), state('established'));
    assert.equal(tracker.get(CALL)?.state, 'established');
  });

  it('reports an incoming call once, from the Graph example', () => {
    const tracker = new CallTracker();
    let incoming = 0;
    tracker.on('incoming-call', () => (incoming += 1));
    feed(tracker, fixture('call-answer__3'), fixture('call-answer__3'));
    assert.equal(incoming, 1);
    assert.equal(tracker.get('57DAB8B1894C409AB240BD8BEAE78896')?.state, 'incoming');
  });

  it('tracks joins, changes and departures, dropping duplicates', () => {
    const tracker = new CallTracker();
    const log = record(tracker);
    const alice = { id: 'alice', isMuted: false };
    feed(tracker, roster([alice]), roster([alice]), roster([{ ...alice, isMuted: true }]), roster([{ id: 'alice' }], 'deleted'), roster([{ id: 'alice' }], 'deleted'));
    assert.deepEqual(log, ['joined alice', 'updated alice', 'left alice']);
    assert.equal(tracker.get(CALL)?.participants.size, 0);
  });

  it('drops roster entries older than the one held (rosterSequenceNumber)', () => {
    const tracker = new CallTracker();
    const log = record(tracker);
    feed(tracker, roster([{ id: 'bob', isMuted: true, rosterSequenceNumber: 5 }]), roster([{ id: 'bob', isMuted: false, rosterSequenceNumber: 3 }]));
    assert.equal(tracker.get(CALL)?.participants.get('bob')?.isMuted, true);
    assert.deepEqual(log, ['joined bob']);
  });

  it('does not resurrect a participant with a late update from before it left', () => {
    const tracker = new CallTracker();
    const log = record(tracker);
    feed(tracker, roster([{ id: 'carol', rosterSequenceNumber: 1 }]), roster([{ id: 'carol', rosterSequenceNumber: 4 }], 'deleted'));
    feed(tracker, roster([{ id: 'carol', isMuted: true, rosterSequenceNumber: 3 }]));
    assert.deepEqual(log, ['joined carol', 'left carol']);
    feed(tracker, roster([{ id: 'carol', rosterSequenceNumber: 9 }]));
    assert.deepEqual(log.at(-1), 'joined carol');
  });

  it('treats an entry with removedState as a departure', () => {
    const tracker = new CallTracker();
    const log = record(tracker);
    feed(tracker, roster([{ id: 'dave' }]), roster([{ id: 'dave', removedState: { reason: 'left' } }]));
    assert.deepEqual(log, ['joined dave', 'left dave']);
  });

  it('reports each DTMF key press once per sequenceId', () => {
    const tracker = new CallTracker();
    const log = record(tracker);
    feed(tracker, fixture('call-subscribetotone__3'), fixture('call-subscribetotone__3'));
    assert.deepEqual(log, ['state -→established', 'tone tone1']);
  });

  it('forgets the oldest ended calls beyond the limit', () => {
    const tracker = new CallTracker({ maxEndedCalls: 1 });
    const end = (id: string): unknown => ({ value: [{ changeType: 'deleted', resourceUrl: `/communications/calls/${id}`, resourceData: { state: 'terminated' } }] });
    feed(tracker, end('a'), end('b'));
    assert.equal(tracker.get('a'), undefined);
    assert.equal(tracker.get('b')?.state, 'terminated');
  });
});
