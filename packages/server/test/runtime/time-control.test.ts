import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startTimerRunner, type TimerHandler, type TimerRunner } from '../../src/calls/timer-runner.js';
import { ManualClock } from '../../src/domain/clock.js';
import { VirtualTimeControl } from '../../src/runtime/time-control.js';
import { VirtualClock } from '../../src/runtime/virtual-clock.js';
import { Wakeup } from '../../src/runtime/wakeup.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/ports.js';

const T0 = Date.parse('2026-11-28T12:00:00Z');
const MINUTE = 60_000;

interface Kit {
  base: ManualClock;
  clock: VirtualClock;
  store: Store;
  time: VirtualTimeControl;
  runner: TimerRunner;
  events: string[];
}

/** A handler that logs each firing with the clock reading and writes a callback row in the timer's transaction. */
function recordingHandler(kit: () => Kit): TimerHandler {
  return {
    fireTimer: async (timer, owner) => {
      const { store, clock, events } = kit();
      await store.transaction(async (tx) => {
        await tx.outbox.append([{ stream: 'call-1', payload: { fired: timer.key } }]);
        await tx.timers.complete(timer.key, owner);
      });
      events.push(`timer ${timer.key} @${(clock.now() - T0) / MINUTE}`);
      const next = (timer.payload as { then?: { key: string; inMs: number } }).then;
      if (next) await store.timers.set(next.key, clock.now() + next.inMs, {});
      return true;
    },
  };
}

async function newKit(kit: () => Kit): Promise<Kit> {
  const base = new ManualClock(T0);
  const clock = new VirtualClock(base);
  const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
  const wake = { timers: new Wakeup(), outbox: new Wakeup() };
  const time = new VirtualTimeControl({ clock, docs: store.docs, timers: store.timers, wake });
  await time.load({});
  const runner = startTimerRunner({ store, clock, service: recordingHandler(kit), wake, owner: 'node-1', pollMs: 60_000, held: () => time.held() });
  time.attachTimers(runner.runDue);
  return { base, clock, store, time, runner, events: [] };
}

describe('virtual time control', () => {
  let current: Kit | undefined;
  const kit = (): Kit => current ?? assert.fail('no kit');
  beforeEach(async () => {
    current = await newKit(kit);
  });
  afterEach(async () => {
    await current?.runner.stop();
    current?.time.stop();
    await current?.store.close();
  });

  it('advance fires due timers and releases waiters interleaved in time order, timers first at a tie', async () => {
    const { store, time, events, clock } = kit();
    await time.pause();
    await store.timers.set('b', T0 + 20 * MINUTE, { then: { key: 'chained', inMs: 5 * MINUTE } });
    await store.timers.set('a', T0 + 10 * MINUTE, {});
    void time.waitUntil(T0 + 15 * MINUTE).then(() => events.push(`waiter @${(clock.now() - T0) / MINUTE}`));
    void time.waitUntil(T0 + 20 * MINUTE).then(() => events.push(`waiter @${(clock.now() - T0) / MINUTE}`));
    const view = await time.advance(45 * MINUTE);
    assert.deepEqual(events, ['timer a @10', 'waiter @15', 'timer b @20', 'waiter @20', 'timer chained @25']);
    assert.equal(view.now, T0 + 45 * MINUTE);
    assert.equal(view.paused, true, 'advance keeps a paused clock paused');
    assert.equal((await store.outbox.pending()).length, 3, 'the callbacks the timers wrote are in the outbox when advance answers');
  });

  it('fires nothing past the target, and the rest on the next advance', async () => {
    const { store, time, events } = kit();
    await time.pause();
    await store.timers.set('deadline', T0 + 45 * MINUTE, {});
    await time.advance(45 * MINUTE - 1);
    assert.deepEqual(events, []);
    await time.advance(1);
    assert.deepEqual(events, ['timer deadline @45']);
  });

  it('while paused, the background runner fires nothing, even a timer due now', async () => {
    const { store, time, events, base } = kit();
    await time.pause();
    await store.timers.set('due-now', T0, {});
    base.advance(10 * MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(events, []);
    await time.resume();
    for (let i = 0; i < 100 && events.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(events, ['timer due-now @0']);
  });

  it('stores its line, so a new control on the same store continues the same time', async () => {
    const { store, time, base } = kit();
    await time.setScale(60);
    await time.advance(MINUTE);
    await time.pause();
    const reading = time.now();
    base.advance(10_000);
    const restarted = new VirtualTimeControl({ clock: new VirtualClock(base), docs: store.docs, timers: store.timers, wake: { timers: new Wakeup(), outbox: new Wakeup() } });
    await restarted.load({});
    assert.deepEqual(restarted.view(), time.view());
    assert.equal(restarted.now(), reading);
    await restarted.load({ paused: false, scale: 2 });
    assert.deepEqual([restarted.view().paused, restarted.view().scale], [false, 2], 'start flags override the stored pause state and scale');
  });

  it('refuses a negative advance', async () => {
    await assert.rejects(kit().time.advance(-1), RangeError);
  });
});
