import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/load.js';
import { ManualClock } from '../../../src/domain/clock.js';
import { seedWorld } from '../../../src/runtime/seed-world.js';
import { createServices, type AppDeps } from '../../../src/services.js';
import { openStore } from '../../../src/storage/open-store.js';
import { DEMO } from '../../../src/world/demo-world.js';
import { TEST_ADMIN_KEY } from '../../helpers/app.js';
import { FakeCallsApi } from './fake-calls-api.js';

export interface CallsTestApp {
  app: FastifyInstance;
  deps: AppDeps;
  calls: FakeCallsApi;
  /** `Authorization` for the demo bot (every calling permission). */
  auth: { authorization: string };
  tokenFor(appId: string): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

/**
 * The real app on an in-memory store with the demo world, its `services.calls` a FakeCallsApi
 * (like test/helpers/app.ts's buildTestApp, which has no calling service to replace yet).
 */
export async function buildCallsTestApp(calls = new FakeCallsApi()): Promise<CallsTestApp> {
  const clock = new ManualClock(Date.parse('2026-11-28T12:00:00Z'));
  const config = loadConfig({ dataDir: '.switchboard-unused', inMemory: true, logLevel: 'silent' }, {});
  const store = await openStore({ inMemory: true, dataDir: config.dataDir, clock });
  // The routes only use the CallsApi part; the timer half of CallService is not exercised here.
  const services: AppDeps['services'] = { ...(await createServices(store, clock, config)), calls: calls as unknown as AppDeps['services']['calls'] };
  const deps: AppDeps = { config, store, clock, adminKey: TEST_ADMIN_KEY, services };
  await seedWorld(deps.services.worldService, undefined);
  const app = await buildApp(deps);
  const tokenFor = async (appId: string) => ({ authorization: `Bearer ${await services.tokens.issueAppToken(appId, DEMO.tenantId, '1')}` });
  return { app, deps, calls, auth: await tokenFor(DEMO.appId), tokenFor, close: async () => { await app.close(); await store.close(); } };
}
