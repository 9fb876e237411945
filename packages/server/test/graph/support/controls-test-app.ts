import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/load.js';
import { ManualClock } from '../../../src/domain/clock.js';
import { seedWorld } from '../../../src/runtime/seed-world.js';
import { createServices, type AppDeps } from '../../../src/services.js';
import { openStore } from '../../../src/storage/open-store.js';
import { DEMO } from '../../../src/world/demo-world.js';
import { TEST_ADMIN_KEY } from '../../helpers/app.js';
import { FakeControlsApi } from './fake-controls-api.js';

export interface ControlsTestApp {
  app: FastifyInstance;
  controls: FakeControlsApi;
  /** `Authorization` for the demo bot (every calling permission). */
  auth: { authorization: string };
  tokenFor(appId: string): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

/**
 * The real app on an in-memory store with the demo world, its `services.controls` a FakeControlsApi.
 * `logLines` collects the app's log (warnings and worse) as JSON lines.
 */
export async function buildControlsTestApp(controls = new FakeControlsApi(), options: { logLines?: string[] } = {}): Promise<ControlsTestApp> {
  const clock = new ManualClock(Date.parse('2026-11-28T12:00:00Z'));
  const config = loadConfig({ dataDir: '.switchboard-unused', inMemory: true, logLevel: 'silent' }, {});
  const store = await openStore({ inMemory: true, dataDir: config.dataDir, clock });
  // The routes only use the MeetingControlsApi part; the control API's audio matrix is not exercised here.
  const services: AppDeps['services'] = { ...(await createServices(store, clock, config)), controls: controls as unknown as AppDeps['services']['controls'] };
  const deps: AppDeps = { config, store, clock, adminKey: TEST_ADMIN_KEY, services };
  await seedWorld(deps.services.worldService, undefined);
  const lines = options.logLines;
  const app = await buildApp(deps, lines ? { logger: { level: 'warn', stream: { write: (line: string) => lines.push(line) } } } : {});
  const tokenFor = async (appId: string) => ({ authorization: `Bearer ${await services.tokens.issueAppToken(appId, DEMO.tenantId, '1')}` });
  return { app, controls, auth: await tokenFor(DEMO.appId), tokenFor, close: async () => { await app.close(); await store.close(); } };
}
