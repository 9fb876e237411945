import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClaimOptions, TimerEntry } from '../../../src/storage/ports.js';
import type { CurrentFixture } from './fixture.js';

const LEASE_MS = 1000;

type ClaimDue = (owner: string, extra?: Partial<ClaimOptions>) => Promise<TimerEntry[]>;

const keys = (entries: TimerEntry[]) => entries.map((entry) => entry.key);

export function timerContract(current: CurrentFixture): void {
  const claimDue: ClaimDue = (owner, extra = {}) =>
    current().store.timers.claimDue({ now: current().clock.now(), leaseMs: LEASE_MS, limit: 10, owner, ...extra });

  describe('timers: set, get, cancel', () => basics(current));
  describe('timers: claimDue', () => claiming(current, claimDue));
  describe('timers: complete', () => completion(current, claimDue));
}

function basics(current: CurrentFixture): void {
  it('returns undefined for an unknown key', async () => {
    assert.equal(await current().store.timers.get('missing'), undefined);
  });

  it('sets and reads a timer', async () => {
    const { store } = current();
    await store.timers.set('call/c1/ringing', 5000, { callId: 'c1' });
    assert.deepEqual(await store.timers.get('call/c1/ringing'), {
      key: 'call/c1/ringing',
      dueAt: 5000,
      payload: { callId: 'c1' },
    });
  });

  it('set replaces dueAt and payload', async () => {
    const { store } = current();
    await store.timers.set('t', 5000, 'first');
    await store.timers.set('t', 7000, 'second');
    assert.deepEqual(await store.timers.get('t'), { key: 't', dueAt: 7000, payload: 'second' });
  });

  it('cancel removes a timer and ignores unknown keys', async () => {
    const { store } = current();
    await store.timers.set('t', 5000, null);
    await store.timers.set('u', 5000, null);
    await store.timers.cancel('t');
    await store.timers.cancel('never-set');
    assert.equal(await store.timers.get('t'), undefined);
    assert.ok(await store.timers.get('u'));
  });
}

function claiming(current: CurrentFixture, claimDue: ClaimDue): void {
  it('hands out only due timers, earliest first then by key, within the limit', async () => {
    const { store, clock } = current();
    const now = clock.now();
    await store.timers.set('late', now + 10, 'late');
    await store.timers.set('b', now - 5, 'b');
    await store.timers.set('exact', now, 'exact');
    await store.timers.set('a', now - 5, 'a');
    assert.deepEqual(keys(await claimDue('w1', { limit: 2 })), ['a', 'b']);
    const [exact] = await claimDue('w1');
    assert.deepEqual(exact, { key: 'exact', dueAt: now, payload: 'exact' });
    assert.deepEqual(keys(await claimDue('w1', { now: now + 10 })), ['late']);
  });

  it('does not hand out a leased timer again until its lease ends', async () => {
    const { store, clock } = current();
    const start = clock.now();
    await store.timers.set('t', start, 'x');
    assert.deepEqual(keys(await claimDue('w1')), ['t']);
    assert.deepEqual(await claimDue('w2', { now: start + LEASE_MS - 1 }), []);
    assert.ok(await store.timers.get('t'), 'a leased timer is still readable');
    assert.deepEqual(keys(await claimDue('w2', { now: start + LEASE_MS })), ['t']);
  });

  it('a timer re-set while leased is due again on its own schedule', async () => {
    const { store, clock } = current();
    const start = clock.now();
    await store.timers.set('t', start, 'first');
    await claimDue('w1');
    await store.timers.set('t', start + 100, 'second');
    assert.deepEqual(await claimDue('w2', { now: start + 99 }), []);
    const [again] = await claimDue('w2', { now: start + 100 });
    assert.deepEqual(again, { key: 't', dueAt: start + 100, payload: 'second' });
  });

  it('hands out nothing for limit 0', async () => {
    const { store, clock } = current();
    await store.timers.set('t', clock.now(), null);
    assert.deepEqual(await claimDue('w1', { limit: 0 }), []);
    assert.deepEqual(keys(await claimDue('w1')), ['t']);
  });
}

function completion(current: CurrentFixture, claimDue: ClaimDue): void {
  it('removes a fired timer', async () => {
    const { store, clock } = current();
    await store.timers.set('t', clock.now(), null);
    await claimDue('w1');
    await store.timers.complete('t', 'w1');
    assert.equal(await store.timers.get('t'), undefined);
  });

  it('keeps a timer that was re-set after the claim', async () => {
    const { store, clock } = current();
    const start = clock.now();
    await store.timers.set('t', start, 'first');
    await claimDue('w1');
    await store.timers.set('t', start + 60_000, 'second');
    await store.timers.complete('t', 'w1');
    assert.deepEqual(await store.timers.get('t'), { key: 't', dueAt: start + 60_000, payload: 'second' });
    assert.deepEqual(keys(await claimDue('w1', { now: start + 60_000 })), ['t']);
  });

  it('quietly ignores a timer cancelled after the claim', async () => {
    const { store, clock } = current();
    await store.timers.set('t', clock.now(), null);
    await claimDue('w1');
    await store.timers.cancel('t');
    await store.timers.complete('t', 'w1');
    assert.equal(await store.timers.get('t'), undefined);
  });

  it('leaves the timer alone when another owner completes it', async () => {
    const { store, clock } = current();
    await store.timers.set('t', clock.now(), null);
    await claimDue('w1');
    await store.timers.complete('t', 'w2');
    assert.ok(await store.timers.get('t'));
    assert.deepEqual(await claimDue('w2'), [], 'still leased by w1');
  });

  it('leaves an unclaimed timer alone', async () => {
    const { store, clock } = current();
    await store.timers.set('t', clock.now(), null);
    await store.timers.complete('t', 'w1');
    assert.ok(await store.timers.get('t'));
  });
}
