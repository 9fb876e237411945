import type { CallContext } from '../call-context.js';
import type { LatencyProfile } from '../latency.js';

/**
 * How long simulated media takes, per latency profile (see latency.ts). Switchboard never fetches
 * or decodes prompt files, so each prompt "plays" for a fixed time; a recording lasts its
 * maxRecordDurationInSeconds (it ends with 8515, max record duration reached, as the call-record
 * example does); a DTMF tone takes its delayBetweenTonesMs. `instant` runs everything at once.
 */
export interface MediaLatency {
  readonly perPromptMs: number;
  /** Scales maxRecordDurationInSeconds (1000 = real time). */
  readonly recordMsPerSecond: number;
  /** Per tone, when the request gives no delayBetweenTonesMs. */
  readonly defaultToneMs: number;
  /** 0 ignores delayBetweenTonesMs. */
  readonly toneDelayScale: number;
}

const PROFILES: Readonly<Record<LatencyProfile['name'], MediaLatency>> = {
  instant: { perPromptMs: 0, recordMsPerSecond: 0, defaultToneMs: 0, toneDelayScale: 0 },
  realistic: { perPromptMs: 1000, recordMsPerSecond: 1000, defaultToneMs: 250, toneDelayScale: 1 },
};

export const mediaLatency = (ctx: Pick<CallContext, 'latency'>): MediaLatency => PROFILES[ctx.latency.name];
