import type { Clock } from '../domain/clock.js';
import type { Wakeup } from '../runtime/wakeup.js';
import type { Store, TimerEntry } from '../storage/ports.js';

/** Runs a due timer in its own transaction, completing it there; false when it is not its kind. */
export interface TimerHandler {
  fireTimer(timer: TimerEntry<unknown>, owner: string): Promise<boolean>;
}

export interface TimerRunnerOptions {
  store: Store;
  clock: Clock;
  service: TimerHandler;
  wake: { timers: Wakeup };
  /** This process's worker id: the lease owner of claimed timers. */
  owner: string;
  /** Real milliseconds between polls when nobody nudges the runner (default 250). */
  pollMs?: number;
  /** How many clock milliseconds pass per real millisecond now (config timeScale, or the virtual clock's live scale; default 1). */
  realTimeScale?: number | (() => number);
  /** True while the virtual clock is paused or advancing: the loop skips its rounds (advance fires them itself). */
  held?: () => boolean;
  /** Real milliseconds a claimed timer stays leased, the takeover bound when a node dies (default 30 s). */
  leaseMs?: number;
  /** Real milliseconds before a timer whose handler failed is tried again (default 1 s). */
  retryMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface RunDueOptions {
  store: Store;
  clock: Clock;
  service: TimerHandler;
  owner: string;
  /** Clock milliseconds. */
  leaseMs: number;
  /**
   * Clock milliseconds: a timer whose handler failed is released and due again this much later,
   * rather than sitting out its lease. Without it the timer stays leased until the lease ends.
   */
  retryMs?: number;
  log: (message: string, error?: unknown) => void;
}

const BATCH = 50;
/** A chain of timers due at once (instant latency) runs in one go, but never forever. */
const MAX_ROUNDS = 100;

/**
 * Claims the timers due now and fires each; repeats while firing made more timers due (the
 * instant profile chains establish → roster snapshot). A handler that throws is logged and its
 * timer is released to be retried `retryMs` later (or, without retryMs, once the lease runs out).
 * Returns how many fired.
 */
export async function runDueTimers(options: RunDueOptions): Promise<number> {
  let fired = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const due = await options.store.timers.claimDue<unknown>({ now: options.clock.now(), leaseMs: options.leaseMs, limit: BATCH, owner: options.owner });
    if (due.length === 0) break;
    for (const timer of due) fired += (await fireOne(options, timer)) ? 1 : 0;
  }
  return fired;
}

async function fireOne(options: RunDueOptions, timer: TimerEntry<unknown>): Promise<boolean> {
  try {
    if (await options.service.fireTimer(timer, options.owner)) return true;
    options.log(`timer ${timer.key}: no handler for this payload; left for its owner`);
  } catch (error) {
    const retry = options.retryMs === undefined ? 'when its lease ends' : `in ${options.retryMs} ms`;
    options.log(`timer ${timer.key} failed; it is retried ${retry}`, error);
    if (options.retryMs !== undefined) await release(options, timer, options.retryMs);
  }
  return false;
}

/**
 * Re-sets the failed timer (which drops its lease) to be due again shortly: its transaction rolled
 * back, so nothing of it happened. A timer re-set or cancelled meanwhile is left as it is now.
 */
async function release(options: RunDueOptions, timer: TimerEntry<unknown>, retryMs: number): Promise<void> {
  try {
    await options.store.transaction(async (tx) => {
      const current = await tx.timers.get(timer.key);
      if (!current || current.dueAt !== timer.dueAt || JSON.stringify(current.payload) !== JSON.stringify(timer.payload)) return;
      await tx.timers.set(timer.key, Math.max(timer.dueAt, options.clock.now() + retryMs), timer.payload);
    });
  } catch (error) {
    options.log(`timer ${timer.key}: releasing it failed; it is retried when its lease ends`, error);
  }
}

/** A runner's handle: stop it, or run one round now (serialized with the loop's own rounds). */
export interface TimerRunner {
  stop(): Promise<void>;
  runDue(): Promise<number>;
  /** Runs `work` between two rounds: a round in flight ends first, and none starts until `work` ends. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * The background worker of durable timers. Timers that fell due while the process was down fire
 * on the first round. Sleeps on `wake.timers` (nudged after every commit that set a timer, and by
 * every change of the clock's scale or pause state) or `pollMs` of real time. At scale 1 a timer
 * set for later is found by a later poll, so it fires at most `pollMs` late. Under a faster
 * clock that would be `pollMs × scale` on the clock (15 s at 60×), so the runner instead sleeps
 * exactly the real time left until the next timer is due at the current scale. Rounds never
 * overlap, so the virtual clock's advance (which calls runDue) answers only after a round ends.
 */
export function startTimerRunner(options: TimerRunnerOptions): TimerRunner {
  const log = options.log ?? logToStderr;
  const scaleNow = typeof options.realTimeScale === 'function' ? options.realTimeScale : () => (options.realTimeScale as number | undefined) ?? 1;
  // Lease and retry are real time, so their length on the clock follows the scale of the moment.
  const round = (): Promise<number> => runDueTimers({ ...options, leaseMs: (options.leaseMs ?? 30_000) * scaleNow(), retryMs: (options.retryMs ?? 1000) * scaleNow(), log });
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const runDue = (): Promise<number> => exclusive(round);
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      if (!options.held?.()) await runDue().catch((error: unknown) => log('timer runner: claiming due timers failed', error));
      if (!stopped) await options.wake.timers.wait(await sleepMs(options, scaleNow()).catch(() => options.pollMs ?? 250));
    }
  })();
  return {
    runDue,
    exclusive,
    async stop() {
      stopped = true;
      options.wake.timers.notify();
      await loop;
    },
  };
}

/** Real ms to sleep: until the next timer is due at this scale, when that is sooner than the poll. */
async function sleepMs(options: TimerRunnerOptions, scale: number): Promise<number> {
  const pollMs = options.pollMs ?? 250;
  // At scale ≤ 1 the poll bounds the lateness to pollMs; listing the timers would only cost.
  if (scale <= 1 || options.held?.()) return pollMs;
  const timers = await options.store.timers.list();
  const now = options.clock.now();
  const next = timers.find((timer) => timer.dueAt > now)?.dueAt;
  return next === undefined ? pollMs : Math.min(pollMs, Math.ceil((next - now) / scale));
}

function logToStderr(message: string, error?: unknown): void {
  const detail = error instanceof Error ? `: ${error.stack ?? error.message}` : error === undefined ? '' : `: ${String(error)}`;
  process.stderr.write(`[switchboard] ${message}${detail}\n`);
}
