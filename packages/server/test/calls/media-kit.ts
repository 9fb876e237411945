import { afterEach, beforeEach } from 'node:test';
import { LATENCY_PROFILES, type LatencyProfile } from '../../src/calls/latency.js';
import { MediaService } from '../../src/calls/media-service.js';
import { WorldReader } from '../../src/world/world-reader.js';
import { callKit, checkCallbackUri, type CallKit, type CallKitOptions } from './call-kit.js';

/** The call kit plus the media service on the same store, clock and recorded notifications. */
export interface MediaKit extends CallKit {
  media: MediaService;
}

export async function mediaKit(options: CallKitOptions = {}): Promise<MediaKit> {
  const kit = await callKit(options);
  const latency: LatencyProfile = options.latency ?? LATENCY_PROFILES.instant;
  let n = 0;
  const deps = { store: kit.store, clock: kit.clock, world: new WorldReader(kit.store), notifications: kit.notifications, latency, wake: kit.wake, checkCallbackUri, newId: () => `m-${++n}` };
  return { ...kit, media: new MediaService(deps) };
}

/** A fresh kit per test. */
export function useMediaKit(options: CallKitOptions = {}): () => MediaKit {
  let kit: MediaKit | undefined;
  beforeEach(async () => {
    kit = await mediaKit(options);
  });
  afterEach(async () => {
    await kit?.close();
  });
  return () => {
    if (!kit) throw new Error('useMediaKit: no kit outside a test');
    return kit;
  };
}
