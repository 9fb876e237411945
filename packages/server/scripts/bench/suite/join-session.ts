import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import { BenchClient } from '../client.js';
import { startJoinServer, type JoinBenchServer } from '../join-server-process.js';
import { startReceiver, type BenchReceiver } from '../receiver.js';
import type { ServerSample } from '../server-protocol.js';
import type { BenchContext } from './measure.js';

/**
 * What the calls and join-scale measures share: a server child (join-server-child.ts: memory
 * store, instant latency, `seed`), a bot webhook receiver and a client holding a real app token,
 * all on 127.0.0.1, all stopped by close(). Every wait ends at `deadline` or on the suite's abort.
 */
export interface JoinSession {
  server: JoinBenchServer;
  client: BenchClient;
  receiver: BenchReceiver;
  /** performance.now() by which the measure must be done. */
  deadline: number;
  /** A server sample (drain, GC, memory, CPU) within the time left. */
  sample(): Promise<ServerSample>;
  /** Waits until `done()` holds after a callback arrives; fails at the deadline or on abort. */
  waitFor(done: () => boolean, what: () => string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The server's start-up (tsx compiling it, several seconds on a loaded machine) has its own time
 * limit; `budgetMs` starts once it listens, so a slow start does not eat the measuring time.
 */
const START_TIMEOUT_MS = 60_000;

export async function openJoinSession(context: BenchContext, budgetMs: number, connections: number, cpuProfDir?: string, store: 'memory' | 'sqlite' = 'memory'): Promise<JoinSession> {
  const server = await startJoinServer({ dataDir: join(context.tmpDir, `server-${store}`), store, timeoutMs: START_TIMEOUT_MS, signal: context.signal, ...(cpuProfDir ? { cpuProfDir } : {}) });
  const deadline = performance.now() + budgetMs;
  const left = (): number => Math.max(deadline - performance.now(), 1);
  const signal = AbortSignal.any([context.signal, AbortSignal.timeout(budgetMs)]);
  setMaxListeners(connections * 2 + 16, signal);
  const parts: { client?: BenchClient; receiver?: BenchReceiver } = {};
  const close = async (): Promise<void> => {
    await parts.client?.close(signal.aborted);
    await parts.receiver?.close();
    await server.stop();
  };
  try {
    parts.client = new BenchClient(server.ready.port, server.ready.caPem, server.ready.adminKey, connections, signal);
    parts.receiver = await startReceiver();
    await parts.client.acquireToken();
  } catch (error) {
    await close();
    throw error;
  }
  const { client, receiver } = parts as Required<typeof parts>;
  const waitFor = (done: () => boolean, what: () => string): Promise<void> => abortable(receiver.waitUntil(done, deadline, what), signal);
  return { server, client, receiver, deadline, sample: () => abortable(server.sample(left()), signal), waitFor, close };
}

/** Rejects as soon as `signal` aborts, whatever `work` is waiting for. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Round `done` + 1 fits when the time left exceeds the mean round so far, with a 20 % margin. */
export function roundFits(deadline: number, started: number, done: number): boolean {
  if (done === 0) return true;
  return deadline - performance.now() > ((performance.now() - started) / done) * 1.2;
}
