import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { systemClock } from '../../src/runtime/system-clock.js';
import { VirtualClock } from '../../src/runtime/virtual-clock.js';

const T0 = Date.parse('2026-11-28T12:00:00Z');

describe('VirtualClock', () => {
  it('runs with its base at scale 1, and scale times as fast after a scale change', () => {
    const base = new ManualClock(T0);
    const clock = new VirtualClock(base);
    base.advance(1000);
    assert.equal(clock.now(), T0 + 1000);
    clock.setScale(60);
    base.advance(1000);
    assert.equal(clock.now(), T0 + 1000 + 60_000, 'the change applies from its moment on, not retroactively');
  });

  it('stands still while paused and continues from there on resume', () => {
    const base = new ManualClock(T0);
    const clock = new VirtualClock(base, { scale: 10 });
    base.advance(100);
    clock.pause();
    base.advance(5000);
    assert.equal(clock.now(), T0 + 1000);
    clock.resume();
    base.advance(1);
    assert.equal(clock.now(), T0 + 1010);
  });

  it('jumps forward but never backwards, and keeps the pause state', () => {
    const base = new ManualClock(T0);
    const clock = new VirtualClock(base, { paused: true });
    clock.jumpTo(T0 + 45 * 60_000);
    assert.equal(clock.now(), T0 + 45 * 60_000);
    clock.jumpTo(T0);
    assert.equal(clock.now(), T0 + 45 * 60_000);
    assert.equal(clock.paused, true);
  });

  it('restores a stored line exactly, and continueAt starts a new one at a given reading', () => {
    const base = new ManualClock(T0);
    const first = new VirtualClock(base, { scale: 60 });
    base.advance(1000);
    const second = new VirtualClock(base);
    second.restore(first.state());
    assert.equal(second.now(), first.now());
    second.continueAt({ now: T0 - 5000, scale: 2, paused: false });
    base.advance(10);
    assert.equal(second.now(), T0 - 5000 + 20);
  });

  it('refuses a scale that is not a positive number', () => {
    const clock = new VirtualClock(new ManualClock(T0));
    for (const scale of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => clock.setScale(scale), RangeError);
  });

  it('releases waiters in (time, arrival) order as time jumps, and none before their time', async () => {
    const clock = new VirtualClock(new ManualClock(T0), { paused: true });
    const woke: string[] = [];
    const waits = [['late', 300], ['early', 100], ['early-too', 100], ['mid', 200]] as const;
    const all = waits.map(([name, at]) => clock.waitUntil(T0 + at).then(() => woke.push(name)));
    clock.jumpTo(T0 + 150);
    while (clock.releaseNext()) await Promise.resolve();
    await Promise.resolve();
    assert.deepEqual(woke, ['early', 'early-too']);
    clock.jumpTo(T0 + 300);
    while (clock.releaseNext()) await Promise.resolve();
    await Promise.all(all);
    assert.deepEqual(woke, ['early', 'early-too', 'mid', 'late']);
  });

  it('wakes a waiter on the real timer at the current scale, and not while paused', async () => {
    const clock = new VirtualClock(systemClock, { scale: 1000, paused: true });
    let woke = false;
    const waiting = clock.waitUntil(clock.now() + 2000).then(() => (woke = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(woke, false, 'paused: time stands still');
    const started = Date.now();
    clock.resume();
    await waiting;
    assert.ok(Date.now() - started < 1000, `2 s of clock time at 1000× took ${Date.now() - started} ms`);
  });

  it('resolves at once for a time already passed, and rejects with the reason on abort', async () => {
    const clock = new VirtualClock(new ManualClock(T0), { paused: true });
    await clock.waitUntil(T0);
    const controller = new AbortController();
    const waiting = clock.waitUntil(T0 + 1000, controller.signal);
    controller.abort(new Error('scenario stopped'));
    await assert.rejects(waiting, /scenario stopped/);
    assert.equal(clock.nextWaiterAt(), undefined, 'an aborted waiter is forgotten');
  });
});
