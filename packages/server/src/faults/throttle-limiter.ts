import type { ThrottleLimit } from './throttling-profile.js';

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms). */
  at: number;
  /** A request before this instant retried too early (ms). */
  blockedUntil: number;
  /** The Retry-After of the last 429, in seconds; 0 once a request went through. */
  lastRetryAfter: number;
}

/**
 * Graph throttling for one node: a token bucket per app and tenant (Graph's limits are "per
 * application per tenant"). Over the limit, a request gets the seconds until a token is back as
 * Retry-After. Graph's throttling guidance warns against immediate retries (every request accrues
 * against the limits), so a retry before Retry-After has passed gets a doubled Retry-After
 * (capped), and only a request after it resets the penalty. Real time: clients wait real seconds.
 */
export class ThrottleLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private limit: ThrottleLimit | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  configure(limit: ThrottleLimit | undefined): void {
    this.limit = limit;
    this.buckets.clear();
  }

  /** undefined: go ahead; a number: answer 429 with this Retry-After, in seconds. */
  take(key: string): number | undefined {
    const limit = this.limit;
    if (!limit) return undefined;
    const now = this.now();
    const bucket = this.refill(this.bucketOf(key, limit, now), limit, now);
    if (now < bucket.blockedUntil) return this.block(bucket, now, Math.min(limit.maxRetryAfterSeconds, bucket.lastRetryAfter * 2));
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.lastRetryAfter = 0;
      return undefined;
    }
    const seconds = Math.ceil(((1 - bucket.tokens) * limit.perSeconds) / limit.requests);
    return this.block(bucket, now, Math.min(limit.maxRetryAfterSeconds, Math.max(1, seconds)));
  }

  private bucketOf(key: string, limit: ThrottleLimit, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = { tokens: limit.requests, at: now, blockedUntil: 0, lastRetryAfter: 0 }));
    return bucket;
  }

  private refill(bucket: Bucket, limit: ThrottleLimit, now: number): Bucket {
    const earned = ((now - bucket.at) / 1000) * (limit.requests / limit.perSeconds);
    bucket.tokens = Math.min(limit.requests, bucket.tokens + earned);
    bucket.at = now;
    return bucket;
  }

  private block(bucket: Bucket, now: number, seconds: number): number {
    bucket.blockedUntil = now + seconds * 1000;
    bucket.lastRetryAfter = seconds;
    return seconds;
  }
}
