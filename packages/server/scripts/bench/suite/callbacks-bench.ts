import { setMaxListeners } from 'node:events';
import { BenchClient } from '../client.js';
import { createMeetings, joinBots } from '../phases.js';
import { pinTarget, startCallbacksReceiver, startCallbacksServer, type BenchChild, type ServerReady } from './callbacks-processes.js';
import type { StampsByStream } from './callbacks-protocol.js';
import { sideResult, type SideResult } from './callbacks-rounds.js';
import { startLimit } from './limit-process.js';

export interface CallbacksBenchOptions {
  tmpDir: string;
  streams: number;
  concurrency: number;
  pin: boolean;
  signal: AbortSignal;
  /** More Node flags for the server child (`--perf-basic-prof` for perf runs). */
  nodeFlags?: string[];
}

/** The two children with `streams` real calls up, ready for rounds. */
export interface CallbacksBench {
  setupMs: number;
  bodyBytes: number;
  /** The server child's process id (Switchboard and the raw loop run there). */
  serverPid: number;
  /** The stamps of the last side, for its offered rate. */
  lastStamps: StampsByStream;
  /** `count` notifications through the outbox and the dispatcher, `perTransaction` per call transaction, paced at `perSecond` (0: a burst). */
  switchboard(count: number, perSecond: number, perTransaction: number): Promise<SideResult>;
  /** The same POSTs from the raw undici loop. */
  raw(count: number, perSecond: number): Promise<SideResult>;
  /** The machine's limit (limit-server.ts): the same appends, durable outbox, undici POSTs and deletes, no domain. */
  limit(count: number, perSecond: number, perTransaction: number): Promise<SideResult>;
  /** Starts the server's CPU profiler, or (with `file`) stops it and writes the profile there. */
  profile(file?: string): Promise<void>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;
/** Generous: a side lasts seconds; only a hang should reach this. */
const SIDE_TIMEOUT_MS = 120_000;
const SETUP_CONNECTIONS = 16;

export async function startCallbacksBench(options: CallbacksBenchOptions): Promise<CallbacksBench> {
  const children: BenchChild<unknown>[] = [];
  const stop = async (): Promise<void> => void (await Promise.all(children.map((child) => child.stop())));
  const onAbort = (): void => void stop();
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const receiver = await startCallbacksReceiver({ timeoutMs: START_TIMEOUT_MS, pinCpu: pinTarget(options.pin, 1) });
    children.push(receiver);
    const server = await startCallbacksServer(options.tmpDir, { timeoutMs: START_TIMEOUT_MS, pinCpu: pinTarget(options.pin, 0), nodeFlags: options.nodeFlags });
    children.push(server);
    const started = performance.now();
    const callIds = await joinCalls(server.ready, `${receiver.ready.baseUrl}`, options);
    await server.ask({ type: 'drained' }, SIDE_TIMEOUT_MS);
    const { bodyBytes } = await server.ask<{ bodyBytes: number }>({ type: 'legs', callIds }, SIDE_TIMEOUT_MS);
    const setupMs = performance.now() - started;
    const limit = await startLimit({ dataDir: options.tmpDir, receiverBase: receiver.ready.baseUrl, concurrency: options.concurrency, bodyBytes, timeoutMs: START_TIMEOUT_MS, pinCpu: pinTarget(options.pin, 0) });
    children.push(limit);
    return rounds(server, receiver, limit, options.streams, { setupMs, bodyBytes, concurrency: options.concurrency, stop: async () => {
      options.signal.removeEventListener('abort', onAbort);
      await stop();
    } });
  } catch (error) {
    options.signal.removeEventListener('abort', onAbort);
    await stop();
    throw error;
  }
}

/** Bot i joins meeting i over Graph like a production bot, with callbackUri …/bots/i on the receiver. */
async function joinCalls(ready: ServerReady, baseUrl: string, options: CallbacksBenchOptions): Promise<string[]> {
  // Each request in flight listens to the signal: a private one keeps the runner's below Node's listener warning.
  const setup = new AbortController();
  setMaxListeners(SETUP_CONNECTIONS * 2, setup.signal);
  const abort = (): void => setup.abort();
  options.signal.addEventListener('abort', abort, { once: true });
  const client = new BenchClient(ready.port, ready.caPem, ready.adminKey, SETUP_CONNECTIONS, setup.signal);
  try {
    await client.acquireToken();
    const meetings = await createMeetings(client, options.streams, SETUP_CONNECTIONS, 'callbacks bench');
    const calls = await joinBots(client, meetings, (bot) => `${baseUrl}${bot}`, SETUP_CONNECTIONS);
    return calls.sort((a, b) => a.bot - b.bot).map((call) => call.callId);
  } finally {
    options.signal.removeEventListener('abort', abort);
    await client.close();
  }
}

function rounds(
  server: BenchChild<ServerReady>,
  receiver: BenchChild<{ baseUrl: string }>,
  limit: BenchChild<{ port: number }>,
  streams: number,
  setup: { setupMs: number; bodyBytes: number; concurrency: number; stop: () => Promise<void> },
): CallbacksBench {
  const bench: CallbacksBench = {
    setupMs: setup.setupMs,
    bodyBytes: setup.bodyBytes,
    serverPid: server.pid,
    lastStamps: [],
    switchboard: (count, perSecond, perTransaction) =>
      side(async () => {
        const stamps = await server.ask<StampsByStream>({ type: 'enqueue', count, perSecond, perTransaction }, SIDE_TIMEOUT_MS);
        await server.ask({ type: 'drained' }, SIDE_TIMEOUT_MS);
        return stamps;
      }),
    raw: (count, perSecond) => side(() => server.ask<StampsByStream>({ type: 'raw', count, perSecond, concurrency: setup.concurrency }, SIDE_TIMEOUT_MS)),
    limit: (count, perSecond, perTransaction) =>
      side(async () => {
        const stamps = await limit.ask<StampsByStream>({ type: 'enqueue', count, perSecond, perTransaction, streams }, SIDE_TIMEOUT_MS);
        await limit.ask({ type: 'drained' }, SIDE_TIMEOUT_MS);
        return stamps;
      }, limit),
    profile: (file) => server.ask({ type: 'profile', ...(file ? { file } : {}) }, SIDE_TIMEOUT_MS),
    stop: setup.stop,
  };
  /** `process` is the one whose CPU counts: the server (Switchboard and the raw loop) or the limit. */
  const side = async (send: () => Promise<StampsByStream>, process: BenchChild<unknown> = server): Promise<SideResult> => {
    await receiver.ask({ type: 'reset' }, SIDE_TIMEOUT_MS);
    const cpuBefore = await process.ask<number>({ type: 'cpu' }, SIDE_TIMEOUT_MS);
    bench.lastStamps = await send();
    const cpuMs = (await process.ask<number>({ type: 'cpu' }, SIDE_TIMEOUT_MS)) - cpuBefore;
    return sideResult(bench.lastStamps, await receiver.ask<StampsByStream>({ type: 'collect' }, SIDE_TIMEOUT_MS), cpuMs);
  };
  return bench;
}
