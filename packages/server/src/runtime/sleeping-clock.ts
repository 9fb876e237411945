import type { Clock, WaitableClock } from '../domain/clock.js';

/**
 * A WaitableClock over a running clock: sleeps on the real timer for the real time until `at`
 * (divided by the time scale), then checks again. The server itself uses the virtual clock
 * (virtual-clock.ts, `services.time`); this stays for components built without one.
 */
export class SleepingClock implements WaitableClock {
  constructor(
    private readonly clock: Clock,
    private readonly scale = 1,
  ) {}

  now(): number {
    return this.clock.now();
  }

  async waitUntil(at: number, signal?: AbortSignal): Promise<void> {
    while (this.clock.now() < at) {
      signal?.throwIfAborted();
      await sleep(Math.max(1, (at - this.clock.now()) / this.scale), signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}
