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
  /** Real milliseconds a claimed timer stays leased; a failed timer is retried after it (default 30 s). */
  leaseMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface RunDueOptions {
  store: Store;
  clock: Clock;
  service: TimerHandler;
  owner: string;
  /** Clock milliseconds. */
  leaseMs: number;
  log: (message: string, error?: unknown) => void;
}

const BATCH = 50;
/** A chain of timers due at once (instant latency) runs in one go, but never forever. */
const MAX_ROUNDS = 100;

/**
 * Claims the timers due now and fires each; repeats while firing made more timers due (the
 * instant profile chains establish → roster snapshot). A handler that throws is logged and its
 * timer stays leased, so it is retried once the lease runs out. Returns how many fired.
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
    options.log(`timer ${timer.key} failed; it is retried when its lease ends`, error);
  }
  return false;
}

/** A runner's handle: stop it, or run one round now (serialized with the loop's own rounds). */
export interface TimerRunner {
  stop(): Promise<void>;
  runDue(): Promise<number>;
}

/**
 * The background worker of durable timers. Timers that fell due while the process was down fire
 * on the first round. Sleeps on `wake.timers` (nudged after every commit that set a timer) or
 * `pollMs` of real time; a timer set for later is found by a later poll, so it fires at most
 * `pollMs` real milliseconds late (`pollMs × realTimeScale` on the clock). Rounds never overlap,
 * so the virtual clock's advance (which calls runDue) answers only after a round in flight ends.
 */
export function startTimerRunner(options: TimerRunnerOptions): TimerRunner {
  const log = options.log ?? logToStderr;
  const scaleNow = typeof options.realTimeScale === 'function' ? options.realTimeScale : () => (options.realTimeScale as number | undefined) ?? 1;
  // The lease is real time, so its length on the clock follows the scale of the moment of the claim.
  const round = (): Promise<number> => runDueTimers({ ...options, leaseMs: (options.leaseMs ?? 30_000) * scaleNow(), log });
  let queue: Promise<unknown> = Promise.resolve();
  const runDue = (): Promise<number> => {
    const run = queue.then(round, round);
    queue = run.catch(() => undefined);
    return run;
  };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      if (!options.held?.()) await runDue().catch((error: unknown) => log('timer runner: claiming due timers failed', error));
      if (!stopped) await options.wake.timers.wait(options.pollMs ?? 250);
    }
  })();
  return {
    runDue,
    async stop() {
      stopped = true;
      options.wake.timers.notify();
      await loop;
    },
  };
}

function logToStderr(message: string, error?: unknown): void {
  const detail = error instanceof Error ? `: ${error.stack ?? error.message}` : error === undefined ? '' : `: ${String(error)}`;
  process.stderr.write(`[switchboard] ${message}${detail}\n`);
}
