import { setTimeout as sleep } from 'node:timers/promises';
import { createRandom, type Random } from '../../domain/random.js';

/**
 * SQLSTATEs after which PostgreSQL has rolled the transaction back for a reason that a fresh
 * attempt can avoid: it lost a race, not a rule. serialization_failure (40001) and
 * deadlock_detected (40P01) are the two the PostgreSQL manual names as retryable;
 * lock_not_available (55P03) comes from a lock_timeout or NOWAIT and means the same thing.
 */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01', '55P03']);

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Backoff before attempt n+1 is a random delay in [0, baseDelayMs · 2^(n-1)]: full jitter, so
   *  two nodes that deadlocked each other do not collide again in lockstep. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 10 };

/** What a retry reports: which attempt failed, why, and how long it waits before the next. */
export interface RetryEvent {
  attempt: number;
  code: string;
  message: string;
  delayMs: number;
}

export type RetryListener = (event: RetryEvent) => void;

/** The SQLSTATE of a retryable abort, looked for along the `cause` chain (work may wrap it). */
export function retryableCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_SQLSTATES.has(code)) return code;
    current = current.cause;
  }
  return undefined;
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or the policy's attempts are
 * used up (then the last error propagates). `attempt` must be a whole transaction: everything it
 * did was rolled back before it is run again.
 */
export class TransactionRetrier {
  private readonly random: Random;

  constructor(
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    private readonly onRetry: RetryListener = () => undefined,
    seed: string = `${process.pid}:${performance.timeOrigin}`,
  ) {
    this.random = createRandom(seed);
  }

  async run<T>(attempt: () => Promise<T>): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        const code = retryableCode(error);
        if (code === undefined || n >= this.policy.attempts) throw error;
        await this.backOff(n, code, error as Error);
      }
    }
  }

  private async backOff(n: number, code: string, error: Error): Promise<void> {
    const delayMs = this.random.int(0, this.policy.baseDelayMs * 2 ** (n - 1));
    this.onRetry({ attempt: n, code, message: error.message, delayMs });
    await sleep(delayMs);
  }
}
