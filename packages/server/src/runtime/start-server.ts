import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../config/schema.js';
import type { Clock } from '../domain/clock.js';
import { buildApp } from '../app.js';
import { createServices, type AppDeps } from '../services.js';
import { openStore } from '../storage/open-store.js';
import type { RetryListener } from '../storage/postgres/retry.js';
import { ensureTls, type TlsMaterial } from '../tls/ensure-tls.js';
import { ensureAdminKey } from './admin-key.js';
import { systemClock } from './system-clock.js';
import { VirtualClock } from './virtual-clock.js';
import { seedWorld } from './seed-world.js';
import { exportStateFile, importStateFile } from '../state/state-file.js';
import { applyFaultsFile } from '../faults/apply-faults-file.js';
import { startWorkers, type Workers } from './workers.js';
import { loadScenarioFile, startLoadedScenario } from '../simulation/start-scenario-file.js';
import { consoleUrlOf, startConsoleListener } from './console-listener.js';
import { serverFile } from './server-file.js';

export interface RunningServer {
  httpsUrl: string;
  httpUrl?: string;
  /** The web console (plain HTTP on loopback), unless --console off. */
  consoleUrl?: string;
  dataDir: string;
  tls: TlsMaterial;
  deps: AppDeps;
  workers: Workers;
  close(): Promise<void>;
}

/** The virtual clock over the wall clock, sped up by --time-scale (the 45-minute keepAlive rule in 45 s at 60×); docs/time.md. */
export function clockFor(config: Config, base: Clock = systemClock): Clock {
  return new VirtualClock(base, { scale: config.timeScale, paused: config.clock === 'paused' });
}

/** The composition root: config → TLS → admin key → store → services → world → workers → listeners. */
export async function startServer(config: Config, clock: Clock = clockFor(config)): Promise<RunningServer> {
  const dataDir = resolve(config.dataDir);
  const tls = await ensureTls(dataDir, config.tlsNames, new Date(clock.now()));
  const adminKey = await ensureAdminKey(dataDir);
  // Retries are logged once the listener's logger exists (the store opens before it).
  const retryLog: { to?: FastifyBaseLogger } = {};
  const onRetry: RetryListener = (event) => retryLog.to?.warn(event, 'storage: transaction aborted by PostgreSQL, retrying');
  const store = await openStore({ inMemory: config.inMemory, dataDir, clock, onRetry, storeChecks: config.storeChecks, ...(config.database ? { databaseUrl: config.database } : {}) });
  const services = await createServices(store, clock, config);
  // The services' store reports committed writes to the change feed (live console views).
  const deps: AppDeps = { config, store: services.store, clock, adminKey, services };
  await seedWorld(deps.services.worldService, config.worldFile);
  if (config.import) await importStateFile(deps.services.state, config.import);
  await applyFaultsFile(deps.services.faultRules, config);
  const scenario = config.scenarioFile ? await loadScenarioFile(config.scenarioFile) : undefined;
  const logger = config.logLevel === 'silent' ? false : { level: config.logLevel, stream: process.stderr };
  const https = await listen(await buildApp(deps, { https: { key: tls.keyPem, cert: tls.certPem }, logger }), config.port, config.host);
  retryLog.to = https.log;
  const http = config.httpPort === undefined ? undefined : await listen(await buildApp(deps, { logger }), config.httpPort, '127.0.0.1');
  const consoleApp = await startConsoleListener(deps, config.console, logger);
  const workers = startWorkers(deps, { owner: `node-${randomUUID()}`, log: https.log });
  if (scenario) startLoadedScenario(services.scenarios, scenario, (message) => https.log.info(message));
  const info = describe(https, 'https', config.host, http);
  const published = serverFile(dataDir, { ...info, pid: process.pid });
  await published.publish();
  const close = async (): Promise<void> => {
    await services.scenarios.stopAll();
    await Promise.all([https.close(), http?.close(), consoleApp?.close()]);
    await workers.stop();
    try {
      if (config.exportOnExit) await exportStateFile(deps.services.state, config.exportOnExit);
    } finally {
      await store.close();
    }
    await published.withdraw();
  };
  const consoleUrl = consoleUrlOf(consoleApp);
  return { ...info, ...(consoleUrl ? { consoleUrl } : {}), dataDir, tls, deps, workers, close };
}

async function listen(app: FastifyInstance, port: number, host: string): Promise<FastifyInstance> {
  await app.listen({ port, host });
  return app;
}

function describe(https: FastifyInstance, scheme: string, host: string, http?: FastifyInstance): { httpsUrl: string; httpUrl?: string } {
  const urlOf = (app: FastifyInstance, s: string, h: string): string => `${s}://${displayHost(h)}:${portOf(app)}`;
  return { httpsUrl: urlOf(https, scheme, host), ...(http ? { httpUrl: urlOf(http, 'http', '127.0.0.1') } : {}) };
}

/** Clients should dial `localhost` (a SAN of the certificate) when we listen on loopback or everywhere. */
function displayHost(host: string): string {
  return ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host) ? 'localhost' : host;
}

function portOf(app: FastifyInstance): number {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}
