/**
 * Background timers under a time scale fire on time (issue 6): the runner sleeps the real time
 * left until the next timer at the current scale, not a poll interval stretched by the scale;
 * and a timer whose handler failed is retried shortly instead of after its whole lease.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { runDueTimers, startTimerRunner, type TimerHandler, type TimerRunner } from '../../src/calls/timer-runner.js';
import { ManualClock } from '../../src/domain/clock.js';
import { systemClock } from '../../src/runtime/system-clock.js';
import { VirtualTimeControl } from '../../src/runtime/time-control.js';
import { VirtualClock } from '../../src/runtime/virtual-clock.js';
import { Wakeup } from '../../src/runtime/wakeup.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/ports.js';

/** Far longer than any wait here: a timer found only by the poll would be seconds late. */
const POLL_MS = 10_000;
/** Clock ms of lateness allowed at 60×: 60 ms of real time (timer and event-loop jitter on a busy machine). */
const TOLERANCE_MS = 3600;

interface Kit {
  clock: VirtualClock;
  store: Store;
  time: VirtualTimeControl;
  runner: TimerRunner;
  wake: { timers: Wakeup; outbox: Wakeup };
  fired: Map<string, number>;
  firedWhen(key: string): Promise<number>;
}

async function kitAt(scale: number): Promise<Kit> {
  const clock = new VirtualClock(systemClock, { scale });
  const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
  const wake = { timers: new Wakeup(), outbox: new Wakeup() };
  const time = new VirtualTimeControl({ clock, docs: store.docs, timers: store.timers, wake });
  await time.load({});
  const fired = new Map<string, number>();
  const service: TimerHandler = {
    fireTimer: async (timer, owner) => {
      fired.set(timer.key, clock.now());
      await store.timers.complete(timer.key, owner);
      return true;
    },
  };
  const runner = startTimerRunner({ store, clock, service, wake, owner: 'node-1', pollMs: POLL_MS, realTimeScale: () => time.view().scale, held: () => time.held() });
  time.attachTimers(runner.runDue);
  const firedWhen = async (key: string): Promise<number> => {
    for (let waited = 0; waited < 5000 && !fired.has(key); waited += 5) await sleep(5);
    return fired.get(key) ?? assert.fail(`timer ${key} did not fire within 5 s of real time`);
  };
  return { clock, store, time, runner, wake, fired, firedWhen };
}

/** Sets a timer the way a use case does: commit, then nudge the runner. */
async function setTimer(kit: Kit, key: string, dueAt: number): Promise<void> {
  await kit.store.timers.set(key, dueAt, {});
  kit.wake.timers.notify();
}

describe('timer wake-up under a time scale', () => {
  let kit: Kit | undefined;
  afterEach(async () => {
    await kit?.runner.stop();
    kit?.time.stop();
    await kit?.store.close();
    kit = undefined;
  });

  it('at 60× a timer 10 clock seconds ahead fires within a few real milliseconds of its due time', async () => {
    kit = await kitAt(60);
    await sleep(20); // the runner's first round is over: it sleeps now
    const realStart = performance.now();
    const dueAt = kit.clock.now() + 10_000;
    // The nudge runs a round that finds nothing due yet; then only a wake-up armed for the timer finds it before the poll.
    await setTimer(kit, 'ten-seconds', dueAt);
    const firedAt = await kit.firedWhen('ten-seconds');
    const lateness = firedAt - dueAt;
    assert.ok(lateness >= 0 && lateness < TOLERANCE_MS, `fired ${lateness} clock ms after its due time`);
    assert.ok(performance.now() - realStart < 1000, 'well before the 10 s poll');
  });

  it('re-arms when the scale changes: a minute-away timer fires about a real second after 60× is set', async () => {
    kit = await kitAt(1);
    const dueAt = kit.clock.now() + 60_000;
    await setTimer(kit, 'one-minute', dueAt);
    await sleep(20);
    const realStart = performance.now();
    await kit.time.setScale(60);
    const firedAt = await kit.firedWhen('one-minute');
    const lateness = firedAt - dueAt;
    assert.ok(lateness >= 0 && lateness < TOLERANCE_MS, `fired ${lateness} clock ms after its due time`);
    const real = performance.now() - realStart;
    assert.ok(real > 800 && real < 2500, `fired ${Math.round(real)} real ms after the scale change`);
  });

  it('a timer added while the runner sleeps for a later one fires at its own time', async () => {
    kit = await kitAt(60);
    const now = kit.clock.now();
    await setTimer(kit, 'later', now + 120_000);
    await sleep(20);
    const dueAt = now + 6000;
    // The round this nudge runs finds nothing due and re-arms for the sooner timer.
    await setTimer(kit, 'sooner', dueAt);
    const lateness = (await kit.firedWhen('sooner')) - dueAt;
    assert.ok(lateness >= 0 && lateness < TOLERANCE_MS, `fired ${lateness} clock ms after its due time`);
    assert.equal(kit.fired.has('later'), false);
  });
});

describe('a timer whose handler fails', () => {
  const T0 = 1_700_000_000_000;

  it('is released and retried retryMs later, not after its lease', async () => {
    const clock = new ManualClock(T0);
    const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
    await store.timers.set('flaky', T0, { kind: 'x' });
    let attempts = 0;
    const service: TimerHandler = {
      fireTimer: async (timer, owner) => {
        if (++attempts === 1) throw new Error('boom');
        await store.timers.complete(timer.key, owner);
        return true;
      },
    };
    const logged: string[] = [];
    const run = () => runDueTimers({ store, clock, service, owner: 'node-1', leaseMs: 30_000, retryMs: 1000, log: (m) => void logged.push(m) });
    assert.equal(await run(), 0);
    assert.equal(attempts, 1, 'not retried in the same round');
    assert.match(logged[0] ?? '', /failed; it is retried in 1000 ms/);
    assert.deepEqual(await store.timers.get('flaky'), { key: 'flaky', dueAt: T0 + 1000, payload: { kind: 'x' } });
    clock.advance(1000);
    assert.equal(await run(), 1, 'fired 1 s later, while its 30 s lease would still hold it');
    assert.equal(await store.timers.get('flaky'), undefined);
    await store.close();
  });

  it('keeps a timer that was re-set while the handler ran', async () => {
    const clock = new ManualClock(T0);
    const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
    await store.timers.set('moved', T0, {});
    const service: TimerHandler = {
      fireTimer: async () => {
        await store.timers.set('moved', T0 + 45 * 60_000, { moved: true });
        throw new Error('boom');
      },
    };
    await runDueTimers({ store, clock, service, owner: 'node-1', leaseMs: 30_000, retryMs: 1000, log: () => undefined });
    assert.deepEqual(await store.timers.get('moved'), { key: 'moved', dueAt: T0 + 45 * 60_000, payload: { moved: true } });
    await store.close();
  });
});
