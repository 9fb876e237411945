import type { CallContext } from '../call-context.js';
import type { LatencyProfile } from '../latency.js';

/**
 * How long the simulated platform takes for the meeting features' asynchronous steps, per
 * latency profile (see latency.ts): the large gallery view joining, an invitee answering (a
 * ringing phone), and each step of a transfer (transferring → transferAccepted → terminated).
 */
export interface FeatureLatency {
  readonly largeGalleryMs: number;
  readonly inviteAnswerMs: number;
  readonly transferStepMs: number;
}

const PROFILES: Readonly<Record<LatencyProfile['name'], FeatureLatency>> = {
  instant: { largeGalleryMs: 0, inviteAnswerMs: 0, transferStepMs: 0 },
  realistic: { largeGalleryMs: 1000, inviteAnswerMs: 3000, transferStepMs: 1000 },
};

export const featureLatency = (ctx: Pick<CallContext, 'latency'>): FeatureLatency => PROFILES[ctx.latency.name];
