/** How the client retries throttled (429) and unavailable (503) answers. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 disables retrying). */
  maxRetries?: number;
  /** Wait when the answer has no usable Retry-After, doubled per retry (default 1000 ms). */
  baseDelayMs?: number;
  /** Upper bound for any single wait, Retry-After included (default 30 000 ms). */
  maxDelayMs?: number;
  /** Statuses to retry (default 429, 503 — the ones Graph's throttling guidance names). */
  statuses?: readonly number[];
}

/** {@link RetryOptions} with every default filled in. */
export type RetryPolicy = Required<RetryOptions>;

/** Fills in the defaults. */
export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, statuses: [429, 503], ...options };
}

/**
 * Retry-After in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when
 * absent or unparsable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retry number `retry` (0-based): the server's Retry-After when given, else backoff. */
export function retryDelay(policy: RetryPolicy, retry: number, retryAfterMs: number | undefined): number {
  const wanted = retryAfterMs ?? policy.baseDelayMs * 2 ** retry;
  return Math.min(wanted, policy.maxDelayMs);
}
