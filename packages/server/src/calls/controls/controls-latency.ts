import type { CallContext } from '../call-context.js';
import type { LatencyProfile } from '../latency.js';

/**
 * How long the simulated platform takes to start or stop hold music, per latency profile (see
 * latency.ts): both answer 202 with a running operation that completes later (participant-startholdmusic),
 * and the completion always goes through a durable timer, so it arrives after the HTTP answer.
 */
export interface ControlsLatency {
  readonly holdMusicMs: number;
}

const PROFILES: Readonly<Record<LatencyProfile['name'], ControlsLatency>> = {
  instant: { holdMusicMs: 0 },
  realistic: { holdMusicMs: 800 },
};

export const controlsLatency = (ctx: Pick<CallContext, 'latency'>): ControlsLatency => PROFILES[ctx.latency.name];
