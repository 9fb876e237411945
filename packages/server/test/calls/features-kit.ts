import { afterEach, beforeEach } from 'node:test';
import { LATENCY_PROFILES, type LatencyProfile } from '../../src/calls/latency.js';
import { MeetingFeaturesService } from '../../src/calls/meeting-features-service.js';
import type { Call } from '../../src/domain/calls/types.js';
import { DomainError, type ErrorId } from '../../src/domain/errors/index.js';
import { WorldReader } from '../../src/world/world-reader.js';
import { WorldService } from '../../src/world/world-service.js';
import { callKit, checkCallbackUri, demoBot, joinCommand, STANDUP, type CallKit, type CallKitOptions } from './call-kit.js';

/** The call kit plus the meeting-features service on the same store, clock and recorded notifications. */
export interface FeaturesKit extends CallKit {
  features: MeetingFeaturesService;
  world: WorldService;
}

/** Ids of the features service (`f-1`, …), distinct from the call kit's `id-n`. */
function featureIds(): () => string {
  let n = 0;
  return () => `f-${++n}`;
}

export async function featuresKit(options: CallKitOptions = {}): Promise<FeaturesKit> {
  const kit = await callKit(options);
  const latency: LatencyProfile = options.latency ?? LATENCY_PROFILES.instant;
  const deps = { store: kit.store, clock: kit.clock, world: new WorldReader(kit.store), notifications: kit.notifications, latency, wake: kit.wake, checkCallbackUri, newId: featureIds() };
  return { ...kit, features: new MeetingFeaturesService(deps), world: new WorldService(kit.store, kit.clock) };
}

/** A fresh kit per test. */
export function useFeaturesKit(options: CallKitOptions = {}): () => FeaturesKit {
  let kit: FeaturesKit | undefined;
  beforeEach(async () => {
    kit = await featuresKit(options);
  });
  afterEach(async () => {
    await kit?.close();
  });
  return () => {
    if (!kit) throw new Error('useFeaturesKit: no kit outside a test');
    return kit;
  };
}

export const fails = (id: ErrorId) => (error: unknown): boolean => error instanceof DomainError && error.id === id;

/** The demo bot in the stand-up, established, its notifications so far cleared. */
export async function botInStandup(kit: FeaturesKit, overrides: Parameters<typeof joinCommand>[1] = {}): Promise<Call> {
  const call = await kit.calls.createCall(demoBot, joinCommand(STANDUP, overrides));
  await kit.runTimers();
  kit.notifications.clear();
  return kit.calls.getCall(demoBot, call.id);
}
