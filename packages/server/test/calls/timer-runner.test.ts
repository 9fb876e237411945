import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { LATENCY_PROFILES } from '../../src/calls/latency.js';
import { runDueTimers, startTimerRunner, type TimerHandler } from '../../src/calls/timer-runner.js';
import { KEEPALIVE_TIMEOUT_MS } from '../../src/domain/calls/call-rules.js';
import { ManualClock } from '../../src/domain/clock.js';
import { VirtualClock } from '../../src/runtime/virtual-clock.js';
import { Wakeup } from '../../src/runtime/wakeup.js';
import { openStore } from '../../src/storage/open-store.js';
import { STANDUP, T0, callKit, demoBot, joinCommand, useCallKit } from './call-kit.js';

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await sleep(5);
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('timer runner', () => {
  const kit = useCallKit();

  it('establishes a new call in the background, woken by the commit (instant latency)', async () => {
    const runner = startTimerRunner({ store: kit().store, clock: kit().clock, service: kit().calls, wake: kit().wake, owner: 'node-1', pollMs: 60_000 });
    try {
      const call = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
      await until(async () => kit().notifications.to(call.id).length === 3, 'established and the roster');
      assert.equal((await kit().calls.getCall(demoBot, call.id)).state, 'established');
    } finally {
      await runner.stop();
    }
  });

  it('keeps running after a failing handler, and retries the timer when its lease ends', async () => {
    let attempts = 0;
    const flaky: TimerHandler = {
      fireTimer: async (timer, owner) => {
        if (++attempts === 1) throw new Error('boom');
        return kit().calls.fireTimer(timer, owner);
      },
    };
    const logged: string[] = [];
    const log = (message: string) => void logged.push(message);
    const call = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await runDueTimers({ store: kit().store, clock: kit().clock, service: flaky, owner: 'node-1', leaseMs: 1000, log });
    assert.match(logged[0] ?? '', /failed; it is retried when its lease ends/);
    assert.equal((await kit().people.getCall(call.id)).state, 'establishing');
    kit().clock.advance(1000);
    await runDueTimers({ store: kit().store, clock: kit().clock, service: flaky, owner: 'node-1', leaseMs: 1000, log });
    assert.equal((await kit().people.getCall(call.id)).state, 'established');
  });

  it('leaves timers it has no handler for alone', async () => {
    await kit().store.timers.set('other:1', T0, { something: 'else' });
    const logged: string[] = [];
    const fired = await runDueTimers({ store: kit().store, clock: kit().clock, service: kit().calls, owner: 'node-1', leaseMs: 1000, log: (m) => void logged.push(m) });
    assert.equal(fired, 0);
    assert.ok(await kit().store.timers.get('other:1'));
    assert.match(logged[0] ?? '', /timer other:1: no handler/);
  });

  it('stops promptly even with a long poll interval', async () => {
    const runner = startTimerRunner({ store: kit().store, clock: kit().clock, service: kit().calls, wake: { timers: new Wakeup() }, owner: 'node-1', pollMs: 60_000 });
    const started = performance.now();
    await runner.stop();
    assert.ok(performance.now() - started < 1000);
  });
});

describe('durable timers across a restart', () => {
  it('fires timers set before a restart, including those that fell due while the process was down', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-calls-'));
    try {
      const clock = new ManualClock(T0);
      const first = await callKit({ clock, store: await openStore({ inMemory: false, dataDir, clock }), latency: LATENCY_PROFILES.realistic });
      const call = await first.calls.createCall(demoBot, joinCommand(STANDUP));
      await first.close();

      clock.advance(2000);
      const second = await callKit({ clock, store: await openStore({ inMemory: false, dataDir, clock }), latency: LATENCY_PROFILES.realistic, seed: false });
      try {
        await second.runTimers();
        assert.equal((await second.calls.getCall(demoBot, call.id)).state, 'established');
        await second.advance(KEEPALIVE_TIMEOUT_MS);
        assert.deepEqual((await second.people.getCall(call.id)).resultInfo?.subcode, 8537);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the server clock at a fixed scale', () => {
  it('runs `scale` times faster than its base from its creation', () => {
    const base = new ManualClock(T0);
    const clock = new VirtualClock(base, { scale: 60 });
    assert.equal(clock.now(), T0);
    base.advance(1000);
    assert.equal(clock.now(), T0 + 60_000);
    base.advance(45_000 - 1000);
    assert.equal(clock.now(), T0 + KEEPALIVE_TIMEOUT_MS);
    assert.equal(clock.toRealMs(KEEPALIVE_TIMEOUT_MS), 45_000);
  });

  it('rejects a scale that is not positive', () => {
    assert.throws(() => new VirtualClock(new ManualClock(T0), { scale: 0 }), /must be a positive number/);
  });
});
