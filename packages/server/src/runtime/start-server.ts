import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/schema.js';
import type { Clock } from '../domain/clock.js';
import { buildApp } from '../app.js';
import { createServices, type AppDeps } from '../services.js';
import { openStore } from '../storage/open-store.js';
import { ensureTls, type TlsMaterial } from '../tls/ensure-tls.js';
import { ensureAdminKey } from './admin-key.js';
import { systemClock } from './system-clock.js';
import { ScaledClock } from './scaled-clock.js';
import { seedWorld } from './seed-world.js';
import { startWorkers, type Workers } from './workers.js';
import type { ServerInfo } from '../cli/control-client.js';

export interface RunningServer {
  httpsUrl: string;
  httpUrl?: string;
  dataDir: string;
  tls: TlsMaterial;
  deps: AppDeps;
  workers: Workers;
  close(): Promise<void>;
}

/** The wall clock, sped up by --time-scale (the 45-minute keepAlive rule in 45 s at 60×). */
export function clockFor(config: Config, base: Clock = systemClock): Clock {
  return config.timeScale === 1 ? base : new ScaledClock(base, config.timeScale);
}

/** The composition root: config → TLS → admin key → store → services → world → workers → listeners. */
export async function startServer(config: Config, clock: Clock = clockFor(config)): Promise<RunningServer> {
  const dataDir = resolve(config.dataDir);
  const tls = await ensureTls(dataDir, config.tlsNames, new Date(clock.now()));
  const adminKey = await ensureAdminKey(dataDir);
  const store = await openStore({ inMemory: config.inMemory, dataDir, clock, ...(config.database ? { databaseUrl: config.database } : {}) });
  const deps: AppDeps = { config, store, clock, adminKey, services: await createServices(store, clock, config) };
  await seedWorld(deps.services.worldService, config.worldFile);
  const logger = config.logLevel === 'silent' ? false : { level: config.logLevel, stream: process.stderr };
  const https = await listen(await buildApp(deps, { https: { key: tls.keyPem, cert: tls.certPem }, logger }), config.port, config.host);
  const http = config.httpPort === undefined ? undefined : await listen(await buildApp(deps, { logger }), config.httpPort, '127.0.0.1');
  const workers = startWorkers(deps, { owner: `node-${randomUUID()}`, log: https.log });
  const info = describe(https, 'https', config.host, http);
  await writeFile(join(dataDir, 'server.json'), `${JSON.stringify({ ...info, pid: process.pid } satisfies ServerInfo, null, 2)}\n`);
  const close = async (): Promise<void> => {
    await Promise.all([https.close(), http?.close()]);
    await workers.stop();
    await store.close();
    await rm(join(dataDir, 'server.json'), { force: true });
  };
  return { ...info, dataDir, tls, deps, workers, close };
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
