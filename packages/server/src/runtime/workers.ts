import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../services.js';
import { startTimerRunner } from '../calls/timer-runner.js';
import { startCallbackDispatcher, type CallbackDispatcher } from '../notify/dispatcher.js';

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
    realTimeScale: config.timeScale,
    ...(config.leaseMs === undefined ? {} : { leaseMs: config.leaseMs }),
    log: (message, error) => timerLog.warn({ err: error }, message),
  });
  const dispatcher = startCallbackDispatcher({
    store,
    clock,
    keys: services.callbackKeys,
    policy: services.callbackPolicy,
    wake: services.wake.outbox,
    owner: options.owner,
    ...(config.leaseMs === undefined ? {} : { leaseMs: config.leaseMs }),
    config,
    log: options.log.child({ component: 'callbacks' }),
  });
  return {
    dispatcher,
    stop: async () => {
      await timers.stop();
      await dispatcher.stop();
    },
  };
}
