import { z } from 'zod';

/**
 * Graph's published limit for cloud communications (throttling-limits, "Cloud communication
 * service limits", current revision): calls, 50,000 requests in a 15-second period per
 * application per tenant. Older revisions listed 10,000 calls a month and 100 concurrent calls.
 */
export const GRAPH_CALLS_LIMIT = { requests: 50_000, perSeconds: 15 } as const;

/** The Retry-After a penalised client can be pushed to at most (seconds). */
export const DEFAULT_MAX_RETRY_AFTER_SECONDS = 60;

export const throttlingProfileSchema = z.strictObject({
  profile: z.enum(['off', 'graph-calls']).describe('off (default), or graph-calls: a limiter per app and tenant with the calls limit.'),
  limitScale: z.number().positive().max(1).optional().describe('Multiplies the published request count (0.001 = 50 requests per 15 s), so tests reach it quickly.'),
  requests: z.number().int().min(1).optional().describe('Explicit request count per window; overrides the profile and limitScale.'),
  perSeconds: z.number().positive().max(3600).optional().describe('Explicit window in seconds (default 15).'),
  maxRetryAfterSeconds: z.number().int().min(1).max(3600).optional().describe('Cap of the doubling penalty for early retries (default 60).'),
});

export type ThrottlingProfile = z.infer<typeof throttlingProfileSchema>;

export const THROTTLING_OFF: ThrottlingProfile = { profile: 'off' };

/** What the limiter enforces: a bucket of `requests` refilled evenly over `perSeconds`. */
export interface ThrottleLimit {
  requests: number;
  perSeconds: number;
  maxRetryAfterSeconds: number;
}

export function limitOf(profile: ThrottlingProfile): ThrottleLimit | undefined {
  if (profile.profile === 'off') return undefined;
  const scaled = Math.max(1, Math.floor(GRAPH_CALLS_LIMIT.requests * (profile.limitScale ?? 1)));
  return {
    requests: profile.requests ?? scaled,
    perSeconds: profile.perSeconds ?? GRAPH_CALLS_LIMIT.perSeconds,
    maxRetryAfterSeconds: profile.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS,
  };
}
