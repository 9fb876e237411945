import type { Clock, WaitableClock } from '../domain/clock.js';
import type { DocumentPort } from '../storage/ports.js';
import type { Wakeup } from './wakeup.js';
import { VirtualClock, type ClockState } from './virtual-clock.js';

/** The clock as the control API shows it. */
export interface ClockView {
  now: number;
  iso: string;
  scale: number;
  paused: boolean;
}

/** Server time that can be waited on and steered: `services.time` (docs/time.md). */
export interface TimeControl extends WaitableClock {
  view(): ClockView;
  pause(): Promise<ClockView>;
  resume(): Promise<ClockView>;
  setScale(scale: number): Promise<ClockView>;
  /** Moves time forward by `ms`, firing due timers and releasing waiters in time order on the way. */
  advance(ms: number): Promise<ClockView>;
  /** The stored time line, for export. */
  state(): ClockState;
  /** Continues from `now` at this instant with this scale and pause state (import), and stores it. */
  continueAt(view: Omit<ClockView, 'iso'>): Promise<ClockView>;
  /** True while paused or advancing: background timer rounds stand aside. */
  held(): boolean;
  /** The timer runner registers its (serialized) round here, so advance fires timers too. */
  attachTimers(runDue: () => Promise<number>): void;
  /** Re-reads the stored time line every `ms` (several nodes on one database); returns a stop. */
  follow(ms: number): () => void;
  stop(): void;
}

const KIND = 'clock';
const ID = 'clock';
/** A runaway chain (a waiter that waits for `now` again and again) ends here rather than hanging. */
const MAX_STEPS = 10_000;
/** Event-loop turns a released waiter gets to run before time moves on. */
const SETTLE_TURNS = 5;

export interface TimeControlDeps {
  clock: VirtualClock;
  docs: DocumentPort;
  timers: { list(): Promise<{ dueAt: number }[]> };
  wake: { timers: Wakeup; outbox: Wakeup };
}

/** The VirtualClock with persistence and the deterministic `advance` of issue 6. */
export class VirtualTimeControl implements TimeControl {
  private runDue: () => Promise<number> = async () => 0;
  private advancing = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** The stored line's version this node last wrote or adopted: an older read (in flight during a change) is ignored. */
  private seenVersion = 0;
  private changing = 0;

  constructor(private readonly deps: TimeControlDeps) {}

  now(): number {
    return this.deps.clock.now();
  }

  waitUntil(at: number, signal?: AbortSignal): Promise<void> {
    return this.deps.clock.waitUntil(at, signal);
  }

  view(): ClockView {
    const clock = this.deps.clock;
    const now = clock.now();
    return { now, iso: new Date(now).toISOString(), scale: clock.scale, paused: clock.paused };
  }

  state(): ClockState {
    return this.deps.clock.state();
  }

  held(): boolean {
    return this.deps.clock.paused || this.advancing > 0;
  }

  attachTimers(runDue: () => Promise<number>): void {
    this.runDue = runDue;
  }

  pause(): Promise<ClockView> {
    return this.change(() => this.deps.clock.pause());
  }

  resume(): Promise<ClockView> {
    return this.change(() => this.deps.clock.resume());
  }

  setScale(scale: number): Promise<ClockView> {
    return this.change(() => this.deps.clock.setScale(scale));
  }

  continueAt(view: Omit<ClockView, 'iso'>): Promise<ClockView> {
    return this.change(() => this.deps.clock.continueAt(view));
  }

  advance(ms: number): Promise<ClockView> {
    if (!(ms >= 0) || !Number.isFinite(ms)) return Promise.reject(new RangeError(`advance needs a non-negative number of ms, got ${ms}`));
    return this.serialized(async () => {
      this.advancing++;
      const wasPaused = this.deps.clock.paused;
      this.deps.clock.pause();
      try {
        await this.stepTo(this.deps.clock.now() + Math.floor(ms));
      } finally {
        if (!wasPaused) this.deps.clock.resume();
        this.advancing--;
      }
      return this.settled();
    });
  }

  /** Loads the stored time line; flags given at start override its scale and pause state. */
  async load(overrides: { scale?: number; paused?: boolean }): Promise<void> {
    const stored = await this.deps.docs.get<ClockState>(KIND, ID);
    if (stored) this.deps.clock.restore(stored.data);
    if (overrides.scale !== undefined) this.deps.clock.setScale(overrides.scale);
    if (overrides.paused !== undefined) this.deps.clock[overrides.paused ? 'pause' : 'resume']();
    await this.save();
  }

  follow(ms: number): () => void {
    const refresh = (): void => void this.deps.docs.get<ClockState>(KIND, ID).then((stored) => {
      if (!stored || stored.version <= this.seenVersion || this.changing > 0) return;
      this.seenVersion = stored.version;
      this.deps.clock.restore(stored.data);
      // The timer runner sleeps until the next timer at the old scale: it recomputes now.
      this.deps.wake.timers.notify();
    }, () => undefined);
    const interval = setInterval(refresh, ms);
    interval.unref();
    return () => clearInterval(interval);
  }

  stop(): void {
    this.deps.clock.stop();
  }

  private change(apply: () => void): Promise<ClockView> {
    return this.serialized(async () => {
      apply();
      return this.settled();
    });
  }

  /** Stores the line and nudges the workers: timers due under the new line fire on their next round. */
  private async settled(): Promise<ClockView> {
    await this.save();
    this.deps.wake.timers.notify();
    this.deps.wake.outbox.notify();
    return this.view();
  }

  private async save(): Promise<void> {
    this.seenVersion = (await this.deps.docs.put(KIND, ID, this.deps.clock.state())).version;
  }

  /**
   * Visits every instant where something is due (a durable timer or a waiter) up to `target`, in
   * order: at each, fires the due timers (their outbox rows commit with them) and releases the
   * waiters one by one, repeating while that work made more things due at the same instant.
   */
  private async stepTo(target: number): Promise<void> {
    for (let step = 0; step < MAX_STEPS; step++) {
      await this.drainInstant();
      const next = await this.nextInstant(target);
      if (next === undefined) return;
      this.deps.clock.jumpTo(next);
    }
  }

  private async drainInstant(): Promise<void> {
    for (let round = 0; round < MAX_STEPS; round++) {
      const fired = await this.runDue();
      const released = await this.releaseWaiters();
      if (fired === 0 && released === 0) return;
    }
  }

  private async releaseWaiters(): Promise<number> {
    let released = 0;
    while (this.deps.clock.releaseNext()) {
      released++;
      await settle();
    }
    return released;
  }

  private async nextInstant(target: number): Promise<number | undefined> {
    const now = this.deps.clock.now();
    if (now >= target) return undefined;
    const timerAt = (await this.deps.timers.list()).find((timer) => timer.dueAt > now)?.dueAt;
    const candidates = [timerAt, this.deps.clock.nextWaiterAt(), target].filter((at): at is number => at !== undefined && at > now);
    return Math.min(...candidates);
  }

  /** One change at a time; while one runs, the follower adopts nothing (it would read the line from before it). */
  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const guarded = async (): Promise<T> => {
      this.changing++;
      try {
        return await work();
      } finally {
        this.changing--;
      }
    };
    const run = this.queue.then(guarded, guarded);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** A control without a persisted line, for a plain injected clock (buildTestApp's ManualClock). */
export function timeControlFor(clock: Clock, deps: Omit<TimeControlDeps, 'clock'>): VirtualTimeControl {
  const virtual = clock instanceof VirtualClock ? clock : new VirtualClock(clock);
  return new VirtualTimeControl({ ...deps, clock: virtual });
}

async function settle(): Promise<void> {
  for (let turn = 0; turn < SETTLE_TURNS; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}
