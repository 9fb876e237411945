/**
 * Import and reset hold the workers around the swap (issue 6): a timer firing when an import
 * starts finishes first and its effect is replaced with the rest; no timer round and no callback
 * claim runs while the state is half replaced; a reset is one transaction.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTimerRunner, type TimerHandler } from '../../src/calls/timer-runner.js';
import { ManualClock } from '../../src/domain/clock.js';
import { VirtualTimeControl } from '../../src/runtime/time-control.js';
import { VirtualClock } from '../../src/runtime/virtual-clock.js';
import { Wakeup } from '../../src/runtime/wakeup.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../src/state/export-format.js';
import { StateService } from '../../src/state/state-service.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/ports.js';

const T0 = Date.parse('2026-11-28T12:00:00Z');

/** A handler that, once it has started, waits for `release()` before its transaction. */
function blockingHandler(store: Store): { service: TimerHandler; started: Promise<void>; release(): void; fired: string[] } {
  const fired: string[] = [];
  let release = (): void => undefined;
  let started = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  const service: TimerHandler = {
    fireTimer: async (timer, owner) => {
      started();
      await gate;
      await store.transaction(async (tx) => {
        await tx.docs.put('effect', timer.key, { of: timer.key });
        await tx.timers.complete(timer.key, owner);
      });
      fired.push(timer.key);
      return true;
    },
  };
  return { service, started: startedPromise, release, fired };
}

async function kit(service: (store: Store) => TimerHandler, continueDelayMs = 0) {
  const clock = new VirtualClock(new ManualClock(T0));
  const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
  const wake = { timers: new Wakeup(), outbox: new Wakeup() };
  const time = new VirtualTimeControl({ clock, docs: store.docs, timers: store.timers, wake });
  await time.load({});
  // A slow continueAt widens the window between the swapped store and the new time line.
  const slowTime = { now: () => time.now(), view: () => time.view(), continueAt: async (view: Parameters<VirtualTimeControl['continueAt']>[0]) => (await sleep(continueDelayMs), time.continueAt(view)) };
  const state = new StateService({ store, time: slowTime, seedWorld: (inReset) => inReset.docs.put('tenant', 'seeded', {}), afterReplace: async () => undefined });
  const runner = startTimerRunner({ store, clock, service: service(store), wake, owner: 'node-1', pollMs: 20, held: () => time.held() || state.swapping() });
  state.attachWorkers({ exclusive: (work) => runner.exclusive(work), resume: () => wake.timers.notify() });
  const close = async (): Promise<void> => {
    await runner.stop();
    time.stop();
    await store.close();
  };
  return { clock, store, time, state, runner, close };
}

const exportOf = (documents: { kind: string; id: string; data: unknown }[], timers: { key: string; dueAt: number; payload: unknown }[] = []) => ({
  format: EXPORT_FORMAT,
  version: EXPORT_VERSION,
  exportedAt: new Date(T0).toISOString(),
  clock: { now: T0, scale: 1, paused: false },
  documents,
  timers,
  outbox: [],
});

describe('import and reset hold the workers', () => {
  it('an import waits for the timer firing when it starts; the timer\'s effect does not leak into the new state', async () => {
    let handler: ReturnType<typeof blockingHandler> | undefined;
    const k = await kit((store) => (handler = blockingHandler(store)).service);
    try {
      await k.store.timers.set('firing', T0, {});
      await handler!.started;
      let imported = false;
      const importing = k.state.importState(exportOf([{ kind: 'call', id: 'from-file', data: {} }])).then(() => (imported = true));
      await sleep(50);
      assert.equal(imported, false, 'the import waits for the round in flight');
      assert.equal(k.state.swapping(), true);
      handler!.release();
      await importing;
      assert.deepEqual(handler!.fired, ['firing']);
      assert.deepEqual(await k.store.docs.kinds(), ['call', 'clock'], 'exactly the file: the timer\'s effect was replaced with the old state');
      assert.deepEqual(await k.store.timers.list(), []);
      assert.equal(k.state.swapping(), false);
    } finally {
      handler?.release();
      await k.close();
    }
  });

  it('no timer round runs while the state is swapped; the imported timers fire after it', async () => {
    const rounds: string[] = [];
    const k = await kit((store) => ({
      fireTimer: async (timer, owner) => {
        rounds.push(`${timer.key} swapping=${String(state().swapping())}`);
        await store.timers.complete(timer.key, owner);
        return true;
      },
    }), 200);
    const state = () => k.state;
    try {
      const file = exportOf([], [{ key: 'due-at-once', dueAt: T0 - 1000, payload: {} }]);
      await k.state.importState(file);
      for (let waited = 0; waited < 2000 && rounds.length === 0; waited += 10) await sleep(10);
      assert.deepEqual(rounds, ['due-at-once swapping=false']);
    } finally {
      await k.close();
    }
  });

  it('a reset is one transaction: a seeding that fails leaves the state as it was', async () => {
    const clock = new ManualClock(T0);
    const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
    const time = { now: () => clock.now(), view: () => ({ now: clock.now(), iso: '', scale: 1, paused: false }), continueAt: async () => ({ now: clock.now(), iso: '', scale: 1, paused: false }) };
    const state = new StateService({
      store,
      time,
      seedWorld: async (inReset) => {
        await inReset.docs.put('tenant', 'half', {});
        throw new Error('world file no longer fits');
      },
      afterReplace: async () => undefined,
    });
    try {
      await store.docs.put('call', 'c1', { state: 'established' });
      await store.timers.set('keepAlive', T0 + 1000, {});
      await assert.rejects(state.reset(), /world file no longer fits/);
      assert.deepEqual(await store.docs.kinds(), ['call']);
      assert.equal((await store.timers.list()).length, 1);
      assert.equal(state.swapping(), false);
    } finally {
      await store.close();
    }
  });
});
