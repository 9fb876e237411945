import { setMaxListeners } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { machineCpuMs, postgresCpuMs } from './proc-cpu.js';
import { startReceiver, type BenchReceiver } from './receiver.js';
import { ScaleClient, type RequestSample } from './scale-client.js';
import { createBenchDatabase, type BenchDatabase, type DocumentKind, type TableSize } from './scale-database.js';
import type { ConfigurationName, ScaleOptions } from './scale-options.js';
import { createWorkloadMeetings, runWorkload, type NotifiedChange } from './scale-workload.js';
import { startBenchServer, type BenchServer } from './server-process.js';
import type { ServerSample } from './server-protocol.js';

/** CPU milliseconds used so far by each party, read at the edges of the measured window. */
export interface CpuReading {
  at: number;
  nodesMs: number;
  postgresMs: number;
  loadMs: number;
  machineBusyMs: number;
  machineTotalMs: number;
  /** The 1-minute load average: other work on the machine shows up here. */
  loadAverage: number;
}

/** What one configuration's run observed; scale-measures.ts turns it into numbers. */
export interface ConfigRun {
  name: ConfigurationName;
  nodes: number;
  store: 'sqlite' | 'postgres';
  phase: string;
  errors: string[];
  startMs: number[];
  sessions: number;
  windowStart: number;
  requests: RequestSample[];
  changes: NotifiedChange[];
  notifications: { delivered: number; lastAt: number };
  cpu: { from?: CpuReading; to?: CpuReading };
  tables?: TableSize[];
  documents?: DocumentKind[];
}

/** Everything a configuration started, so the hard time limit can kill it synchronously. */
export interface Started {
  servers: BenchServer[];
  database?: BenchDatabase;
  dataDir?: string;
}

/**
 * One configuration: fresh data directory (shared by its nodes: one CA, one admin key) and, for
 * PostgreSQL, a fresh database; nodes started one after another (the first creates the CA and
 * migrates); meetings; warm-up; the measured window; drained outbox; then everything torn down.
 */
export async function runConfiguration(name: ConfigurationName, options: ScaleOptions, deadline: number, started: Started): Promise<ConfigRun> {
  const nodes = name === 'postgres-2' ? 2 : 1;
  const run: ConfigRun = { name, nodes, store: name === 'sqlite-1' ? 'sqlite' : 'postgres', phase: 'start-up', errors: [], startMs: [], sessions: 0, windowStart: 0, requests: [], changes: [], notifications: { delivered: 0, lastAt: 0 }, cpu: {} };
  let client: ScaleClient | undefined;
  let receiver: BenchReceiver | undefined;
  try {
    started.dataDir = await mkdtemp(join(tmpdir(), `switchboard-scale-${name}-`));
    if (run.store === 'postgres') started.database = await createBenchDatabase(options.pg);
    const store = started.database ? { database: started.database.url } : ('sqlite' as const);
    for (let node = 0; node < nodes; node += 1) started.servers.push(await startBenchServer(started.dataDir, store, Math.max(deadline - performance.now(), 1000), options.cpuProfDir));
    run.startMs = started.servers.map((server) => server.startMs);
    const signal = AbortSignal.timeout(Math.max(Math.round(deadline - performance.now()), 1));
    setMaxListeners(options.concurrency * nodes * 2 + 16, signal);
    const first = (started.servers[0] as BenchServer).ready;
    client = new ScaleClient(started.servers.map((server) => server.ready), first.adminKey, options.concurrency, signal);
    receiver = await startReceiver();
    await measure(run, options, deadline, { client, receiver, servers: started.servers, ...(started.database ? { database: started.database.name } : {}) });
    if (started.database) [run.tables, run.documents] = [await started.database.tableSizes(), await started.database.documentKinds()];
    run.phase = 'done';
  } catch (error) {
    run.errors.push(`${run.phase}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await tearDown(run, started, client, receiver);
  }
  return run;
}

interface Live {
  /** The PostgreSQL database of this configuration, whose backends' CPU is counted. */
  database?: string;
  client: ScaleClient;
  receiver: BenchReceiver;
  servers: BenchServer[];
}

async function measure(run: ConfigRun, options: ScaleOptions, deadline: number, live: Live): Promise<void> {
  const { client, receiver } = live;
  run.phase = 'meetings';
  const meetings = await createWorkloadMeetings(client, options.concurrency, `scale ${run.name}`);
  run.phase = 'warm-up';
  const warm = await runWorkload({ client, receiver, meetings, people: options.people, until: performance.now() + options.warmup * 1000, deadline, firstBot: 0 });
  if (warm.errors.length > 0) throw new Error(`warm-up: ${warm.errors[0]}`);
  run.cpu.from = await readCpu(live, deadline, 'from');
  const before = receiver.counts.notifications;
  run.phase = 'measured workload';
  client.recording = true;
  options.onWindow?.('start', live.servers.map((server) => server.pid));
  run.windowStart = performance.now();
  const result = await runWorkload({ client, receiver, meetings, people: options.people, until: run.windowStart + options.duration * 1000, deadline, firstBot: 0 });
  client.recording = false;
  options.onWindow?.('end', live.servers.map((server) => server.pid));
  run.sessions = result.sessions;
  run.requests = client.samples;
  run.changes = result.changes;
  run.errors.push(...result.errors);
  run.phase = 'draining the outbox';
  run.cpu.to = await readCpu(live, deadline, 'to');
  run.notifications = { delivered: receiver.counts.notifications - before, lastAt: receiver.counts.lastAt };
  if (receiver.counts.rejected > 0) run.errors.push(`${receiver.counts.rejected} callbacks rejected by the receiver`);
}

/**
 * Drains the (shared) outbox through every node, then reads every party's CPU time. A node's
 * reading is taken after the sample's forced GC at the window's start and before it at the end,
 * so the benchmark's own GCs are not billed to the workload.
 */
async function readCpu(live: Live, deadline: number, edge: 'from' | 'to'): Promise<CpuReading> {
  const samples: ServerSample[] = [];
  for (const server of live.servers) samples.push(await server.sample(deadline - performance.now()));
  const { user, system } = process.cpuUsage();
  const machine = machineCpuMs();
  return {
    at: performance.now(),
    nodesMs: samples.reduce((sum, sample) => sum + (edge === 'from' ? sample.cpuAfterGcMs : sample.cpuBeforeGcMs), 0),
    postgresMs: postgresCpuMs(live.database),
    loadMs: (user + system) / 1000,
    machineBusyMs: machine.busy,
    machineTotalMs: machine.total,
    loadAverage: loadavg()[0] ?? NaN,
  };
}

/** Client, receiver, nodes, database, data directory: each step runs even when an earlier one failed. */
async function tearDown(run: ConfigRun, started: Started, client?: ScaleClient, receiver?: BenchReceiver): Promise<void> {
  const failed = run.errors.length > 0;
  const steps: [string, () => Promise<unknown> | undefined][] = [
    ['client', () => client?.close(failed)],
    ['receiver', () => receiver?.close()],
    ['nodes', () => Promise.all(started.servers.map((server) => server.stop()))],
    ['database', () => started.database?.drop()],
    ['data directory', () => (started.dataDir ? rm(started.dataDir, { recursive: true, force: true }) : undefined)],
  ];
  for (const [what, step] of steps) {
    try {
      await step();
    } catch (error) {
      run.errors.push(`closing the ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  started.servers.length = 0;
  delete started.database;
  delete started.dataDir;
}
