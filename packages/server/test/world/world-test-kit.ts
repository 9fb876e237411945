import { readFileSync } from 'node:fs';
import { afterEach, beforeEach } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import type { IdGenerator } from '../../src/domain/world/ids.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/ports.js';
import { WorldService } from '../../src/world/world-service.js';

export const T0 = Date.parse('2026-01-15T10:00:00Z');

/** A self-signed client certificate (CN=switchboard-test-client) and its thumbprints, computed with openssl. */
export const TEST_CERT_PEM = readFileSync(new URL('./fixtures/client-cert.pem', import.meta.url), 'utf8');
export const TEST_CERT_X5T = 'MEt1O9KLFmzIQ89CD3XZq6QlFdY';
export const TEST_CERT_X5T_S256 = 'SycgNJU1stlq4eqbpvZNpBSeEMxTSTMsONUP5Z69X7U';

/** Predictable ids: 00000000-0000-4000-8000-000000000001, …002, … */
export function sequentialIds(): IdGenerator {
  let n = 0;
  return { newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
}

export interface WorldKit {
  store: Store;
  clock: ManualClock;
  service: WorldService;
  close(): Promise<void>;
}

export async function worldKit(options: { seed?: boolean } = {}): Promise<WorldKit> {
  const clock = new ManualClock(T0);
  const store = await openStore({ inMemory: true, dataDir: '.switchboard-unused', clock });
  const service = new WorldService(store, clock, { ids: sequentialIds() });
  if (options.seed ?? true) await service.seed();
  return { store, clock, service, close: () => store.close() };
}

/** A fresh seeded kit per test of the calling describe block. */
export function useWorldKit(): () => WorldKit {
  let kit: WorldKit | undefined;
  beforeEach(async () => {
    kit = await worldKit();
  });
  afterEach(async () => {
    await kit?.close();
  });
  return () => {
    if (!kit) throw new Error('useWorldKit: no kit outside a test');
    return kit;
  };
}
