import { fileURLToPath } from 'node:url';
import { childReply, forkBenchChild, stopBenchChild } from './bench-child.js';
import type { ChildReady, ServerSample } from './server-protocol.js';

export interface BenchServer {
  ready: ChildReady;
  pid: number;
  /** Milliseconds from fork to `ready` (includes tsx compiling the server on the fly). */
  startMs: number;
  /** Drains the outbox, forces a GC and reads memory and CPU in the server process; rejects after `timeoutMs`. */
  sample(timeoutMs: number): Promise<ServerSample>;
  /** Graceful stop; kills the child if it has not exited within a few seconds. */
  stop(): Promise<void>;
  /** Last resort (time limit): SIGKILL, synchronously. */
  kill(): void;
}

/** A store kind, or a PostgreSQL database (postgres:// URL) that several bench nodes may share. */
export type BenchStore = 'memory' | 'sqlite' | { database: string };

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

/**
 * Forks the server child with tsx as its loader (resolved from here, not from the working
 * directory) and --expose-gc, and waits for it to listen. `plainHttp`: also a plain-HTTP listener
 * on 127.0.0.1 (its port in `ready.httpPort`).
 */
export async function startBenchServer(dataDir: string, store: BenchStore, timeoutMs: number, cpuProfDir?: string, options: { plainHttp?: boolean; nodeFlags?: string[] } = {}): Promise<BenchServer> {
  const started = performance.now();
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const storeArgs = typeof store === 'string' ? [dataDir, store] : [dataDir, 'postgres', store.database];
  const child = forkBenchChild(CHILD, [...storeArgs, ...(options.plainHttp ? ['--plain-http'] : [])], ['--expose-gc', ...profile, ...(options.nodeFlags ?? [])]);
  const ready = await childReply<ChildReady>(child, (m) => m.type === 'ready' || m.type === 'failed', undefined, timeoutMs).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const startMs = performance.now() - started;
  let nextId = 0;
  const sample = (timeoutMs: number): Promise<ServerSample> => {
    const id = ++nextId;
    return childReply<ServerSample>(child, (m) => m.type === 'sample' && m.id === id, { type: 'sample', id }, timeoutMs);
  };
  return { ready, pid: child.pid ?? 0, startMs, sample, stop: () => stopBenchChild(child), kill: () => void child.kill('SIGKILL') };
}
