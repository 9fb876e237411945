/**
 * When a failed callback is tried again (docs/callbacks.md, "Retries"). Graph does not document
 * its own schedule; this is the usual webhook shape: exponential backoff with jitter, bounded by
 * a number of attempts and by the age of the notification. Times are clock milliseconds.
 */
export const RETRY_BASE_MS = 1000;
export const RETRY_CAP_MS = 60_000;
/** ±20 %: retries of many calls that failed together (a bot restarting) spread out. */
export const RETRY_JITTER = 0.2;

export interface RetryLimits {
  callbackMaxAttempts: number;
  /** Real milliseconds. */
  callbackMaxAgeMs: number;
  /**
   * How much faster the clock runs than real time (--time-scale). Delivery happens in real time —
   * a bot needs real seconds to restart — so waits and the max age are stretched into clock time.
   */
  timeScale?: number;
}

/**
 * The limits with `timeScale` read from the clock on every use, so a scale set at run time (the
 * control API's PUT /_switchboard/clock) paces the next retry, not only the --time-scale of the
 * start. The max age follows the scale of the moment too.
 */
export function liveRetryLimits<T extends RetryLimits>(limits: T, clock: { view(): { scale: number } }): T {
  return {
    ...limits,
    get timeScale() {
      return clock.view().scale;
    },
  };
}

/**
 * The wait after failed attempt `attempt` (1-based): 1 s, 2 s, 4 s … capped at 60 s, each ±20 %
 * and never over 60 s (so waits at the cap spread over 48–60 s).
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(RETRY_BASE_MS * 2 ** Math.min(Math.max(attempt - 1, 0), 30), RETRY_CAP_MS);
  const jittered = exponential * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random());
  return Math.round(Math.min(jittered, RETRY_CAP_MS));
}

/**
 * When to try a message again after failed attempt number `attempts`, or undefined to abandon it:
 * after the last allowed attempt, or once it is older than the max age. A retry due after the
 * max age is moved up to it, so the last chance is taken rather than skipped.
 */
export function nextAttemptAt(
  message: { attempts: number; createdAt: number },
  now: number,
  limits: RetryLimits,
  random?: () => number,
): number | undefined {
  const scale = limits.timeScale ?? 1;
  const deadline = message.createdAt + limits.callbackMaxAgeMs * scale;
  if (message.attempts >= limits.callbackMaxAttempts || now >= deadline) return undefined;
  return Math.min(now + retryDelayMs(message.attempts, random) * scale, deadline);
}
