import type { Clock } from '../domain/clock.js';

/**
 * A clock that runs `scale` times faster than its base from the moment it is created: with 60,
 * the 45-minute keepAlive rule passes in 45 real seconds. Before the start it equals the base
 * clock, so timestamps stay realistic dates.
 *
 * A fixed-speed building block for unit tests. The server runs on VirtualClock
 * (virtual-clock.ts), which can also pause, advance, change speed and survive restarts.
 */
export class ScaledClock implements Clock {
  private readonly start: number;

  constructor(
    private readonly base: Clock,
    readonly scale: number,
  ) {
    if (!(scale > 0)) throw new RangeError(`time scale must be positive, got ${scale}`);
    this.start = base.now();
  }

  now(): number {
    return Math.floor(this.start + (this.base.now() - this.start) * this.scale);
  }

  /** Real milliseconds that `clockMs` of this clock take (for sleeping on the real timer). */
  toRealMs(clockMs: number): number {
    return clockMs / this.scale;
  }
}
