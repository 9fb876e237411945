/**
 * Callback retries follow the clock's scale of the moment (issue 6): a scale set at run time
 * through the time control paces the next retry, as the workers wire it (runtime/workers.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { liveRetryLimits, nextAttemptAt } from '../../src/notify/retry-policy.js';
import { VirtualTimeControl } from '../../src/runtime/time-control.js';
import { VirtualClock } from '../../src/runtime/virtual-clock.js';
import { Wakeup } from '../../src/runtime/wakeup.js';
import { openStore } from '../../src/storage/open-store.js';

const middle = () => 0.5;

describe('retry pacing under a scale changed at run time', () => {
  it('the next retry wait is 1 s of real time at whatever scale the clock has now', async () => {
    const clock = new VirtualClock(new ManualClock(1_700_000_000_000), { scale: 2 });
    const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
    const time = new VirtualTimeControl({ clock, docs: store.docs, timers: store.timers, wake: { timers: new Wakeup(), outbox: new Wakeup() } });
    await time.load({});
    const limits = liveRetryLimits({ callbackMaxAttempts: 8, callbackMaxAgeMs: 600_000, callbackTimeoutMs: 5000 }, time);
    const delay = () => (nextAttemptAt({ attempts: 1, createdAt: clock.now() }, clock.now(), limits, middle) ?? NaN) - clock.now();

    assert.equal(delay(), 2000, 'the scale of the start');
    await time.setScale(60);
    assert.equal(delay(), 60_000, 'after PUT /_switchboard/clock {scale: 60}');
    await time.setScale(0.5);
    assert.equal(delay(), 500);
    assert.equal(limits.callbackTimeoutMs, 5000, 'the other settings pass through');
    time.stop();
    await store.close();
  });

  it('the max age is measured in real time at the current scale too', async () => {
    const clock = new VirtualClock(new ManualClock(0));
    const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
    const time = new VirtualTimeControl({ clock, docs: store.docs, timers: store.timers, wake: { timers: new Wakeup(), outbox: new Wakeup() } });
    await time.load({});
    const limits = liveRetryLimits({ callbackMaxAttempts: 100, callbackMaxAgeMs: 10_000 }, time);
    const message = { attempts: 3, createdAt: 0 };
    assert.equal(nextAttemptAt(message, 20_000, limits, middle), undefined, 'older than 10 s at scale 1');
    await time.setScale(10);
    assert.equal(nextAttemptAt(message, 20_000, limits, middle), 60_000, 'within 100 s of clock time at 10×: 4 s × 10 later');
    time.stop();
    await store.close();
  });
});
