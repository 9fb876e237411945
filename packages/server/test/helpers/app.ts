import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load.js';
import { ManualClock } from '../../src/domain/clock.js';
import { createServices, type AppDeps } from '../../src/services.js';
import { openStore } from '../../src/storage/open-store.js';
import { seedWorld } from '../../src/runtime/seed-world.js';

export const TEST_ADMIN_KEY = 'sbk_test-admin-key';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  clock: ManualClock;
  close(): Promise<void>;
}

/** The real app on an in-memory store with the demo world, for `inject()` tests (no sockets). */
export async function buildTestApp(options: { now?: number; bodyLimit?: number } = {}): Promise<TestApp> {
  const clock = new ManualClock(options.now ?? Date.parse('2026-11-28T12:00:00Z'));
  const config = loadConfig({ dataDir: '.switchboard-unused', inMemory: true, logLevel: 'silent', ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}) }, {});
  const store = await openStore({ inMemory: true, dataDir: config.dataDir, clock });
  const deps: AppDeps = { config, store, clock, adminKey: TEST_ADMIN_KEY, services: await createServices(store, clock, config) };
  await seedWorld(deps.services.worldService, undefined);
  const app = await buildApp(deps);
  return { app, deps, clock, close: async () => { await app.close(); await store.close(); } };
}

export const adminHeaders = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
