import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../services.js';
import { startTimerRunner } from '../calls/timer-runner.js';
import { startCallbackDispatcher, type CallbackDispatcher } from '../notify/dispatcher.js';
import { liveRetryLimits } from '../notify/retry-policy.js';

/** How often a node re-reads the shared time line and fault rules on PostgreSQL (real ms). */
const FOLLOW_MS = 1000;

export interface Workers {
  dispatcher: CallbackDispatcher;
  stop(): Promise<void>;
}

/**
 * The background work of a node: the timer runner (timed call transitions, keepAlive and answer
 * deadlines) and the callback dispatcher (the outbox). Both claim work with leases owned by this
 * node, so several nodes can later share one database.
 */
export function startWorkers(deps: AppDeps, options: { owner: string; log: FastifyBaseLogger }): Workers {
  const { store, clock, config, services } = deps;
  const timerLog = options.log.child({ component: 'timers' });
  const timers = startTimerRunner({
    store,
    clock,
    service: services.calls,
    wake: services.wake,
    owner: options.owner,
    realTimeScale: () => services.time.view().scale,
    held: () => services.time.held() || services.state.swapping(),
    ...(config.leaseMs === undefined ? {} : { leaseMs: config.leaseMs }),
    log: (message, error) => timerLog.warn({ err: error }, message),
  });
  services.time.attachTimers(timers.runDue);
  // An import or reset swaps the state between two timer rounds, with no callback claimed meanwhile.
  services.state.attachWorkers({
    exclusive: (work) => timers.exclusive(work),
    resume: () => {
      services.wake.timers.notify();
      services.wake.outbox.notify();
    },
  });
  // Several nodes on one database share the time line and the fault rules: each re-reads them (docs/time.md, docs/faults.md).
  const unfollow = store.backend === 'postgres' ? followShared(services, FOLLOW_MS) : () => undefined;
  const dispatcher = startCallbackDispatcher({
    store,
    clock,
    keys: services.callbackKeys,
    policy: services.callbackPolicy,
    wake: services.wake.outbox,
    owner: options.owner,
    ...(config.leaseMs === undefined ? {} : { leaseMs: config.leaseMs }),
    // Retry waits and leases follow the clock's scale of the moment, set at start or at run time.
    config: liveRetryLimits(config, services.time),
    faults: services.faults,
    time: services.time,
    held: () => services.state.swapping(),
    log: options.log.child({ component: 'callbacks' }),
  });
  return {
    dispatcher,
    stop: async () => {
      unfollow();
      services.time.attachTimers(async () => 0);
      services.time.stop();
      await timers.stop();
      await dispatcher.stop();
    },
  };
}

function followShared(services: AppDeps['services'], ms: number): () => void {
  const stops = [services.time.follow(ms), services.faultRules.follow(ms)];
  return () => {
    for (const stop of stops) stop();
  };
}
