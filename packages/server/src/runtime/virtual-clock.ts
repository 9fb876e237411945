import type { Clock, WaitableClock } from '../domain/clock.js';

/**
 * What defines the virtual time line: at real instant `anchorReal` it read `anchorVirtual`, and
 * since then it runs `scale` times as fast as the real clock, or stands still when `paused`.
 * Persisted as is, so a restart (or another node) continues the same line (docs/time.md).
 */
export interface ClockState {
  anchorReal: number;
  anchorVirtual: number;
  scale: number;
  paused: boolean;
}

interface Waiter {
  at: number;
  order: number;
  resolve(): void;
}

/**
 * The server's one clock (issue 6): real time, scaled (×N) or paused. Waiters (`waitUntil`) sleep
 * on the real timer for the real time their wait takes at the current scale, are re-armed when
 * the scale or the pause state changes, and are released in (at, arrival) order.
 */
export class VirtualClock implements WaitableClock {
  private line: ClockState;
  private waiters: Waiter[] = [];
  private arrivals = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly base: Clock,
    options: { scale?: number; paused?: boolean; now?: number } = {},
  ) {
    const real = base.now();
    this.line = { anchorReal: real, anchorVirtual: options.now ?? real, scale: checkScale(options.scale ?? 1), paused: options.paused ?? false };
  }

  now(): number {
    const { anchorReal, anchorVirtual, scale, paused } = this.line;
    return paused ? anchorVirtual : Math.floor(anchorVirtual + (this.base.now() - anchorReal) * scale);
  }

  get scale(): number {
    return this.line.scale;
  }

  get paused(): boolean {
    return this.line.paused;
  }

  /** Real milliseconds that `clockMs` of this clock take at the current scale. */
  toRealMs(clockMs: number): number {
    return clockMs / this.line.scale;
  }

  state(): ClockState {
    return { ...this.line };
  }

  /** Adopts a stored time line (restart, another node's change, an import). */
  restore(state: ClockState): void {
    this.line = { ...state, scale: checkScale(state.scale) };
    this.rearm();
  }

  /** Starts a new line that reads `now` at this real instant (an import continues the exported time). */
  continueAt(view: { now: number; scale: number; paused: boolean }): void {
    this.line = { anchorReal: this.base.now(), anchorVirtual: view.now, scale: checkScale(view.scale), paused: view.paused };
    this.rearm();
  }

  pause(): void {
    this.rebase({ paused: true });
  }

  resume(): void {
    this.rebase({ paused: false });
  }

  setScale(scale: number): void {
    this.rebase({ scale: checkScale(scale) });
  }

  /** Moves time to `at` (never backwards), keeping the pause state and the scale. */
  jumpTo(at: number): void {
    this.rebase({ at: Math.max(at, this.now()) });
  }

  waitUntil(at: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.now() >= at) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { at, order: this.arrivals++, resolve };
      const onAbort = (): void => {
        this.remove(waiter);
        reject(signal?.reason);
      };
      waiter.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.waiters.sort((a, b) => a.at - b.at || a.order - b.order);
      this.rearm();
    });
  }

  /** The earliest pending wait, if any (advance steps to it). */
  nextWaiterAt(): number | undefined {
    return this.waiters[0]?.at;
  }

  /** Releases the first waiter due now, in (at, arrival) order; false when none is. */
  releaseNext(): boolean {
    const first = this.waiters[0];
    if (!first || first.at > this.now()) return false;
    this.waiters.shift();
    first.resolve();
    return true;
  }

  /** Stops the real timer (server close); pending waiters stay pending. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private rebase(change: { at?: number; scale?: number; paused?: boolean }): void {
    const anchorVirtual = change.at ?? this.now();
    this.line = { anchorReal: this.base.now(), anchorVirtual, scale: change.scale ?? this.line.scale, paused: change.paused ?? this.line.paused };
    this.rearm();
  }

  private remove(waiter: Waiter): void {
    this.waiters = this.waiters.filter((w) => w !== waiter);
    this.rearm();
  }

  /** One real timer for the earliest waiter; none while paused (time stands still). */
  private rearm(): void {
    this.stop();
    const first = this.waiters[0];
    if (!first || this.line.paused) return;
    const realMs = Math.max(Math.ceil(this.toRealMs(first.at - this.now())), 0);
    this.timer = setTimeout(() => this.wakeDue(), realMs);
  }

  private wakeDue(): void {
    this.timer = undefined;
    while (this.releaseNext()) { /* releases every waiter that is due */ }
    this.rearm();
  }
}

function checkScale(scale: number): number {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`time scale must be a positive number, got ${scale}`);
  return scale;
}
