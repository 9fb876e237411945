import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { forkBenchChild, stopBenchChild } from './bench-child.js';
import type { ChildMessage, ChildReady, ParentMessage, ServerSample } from './server-protocol.js';

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
export async function startBenchServer(dataDir: string, store: BenchStore, timeoutMs: number, cpuProfDir?: string, options: { plainHttp?: boolean } = {}): Promise<BenchServer> {
  const started = performance.now();
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const storeArgs = typeof store === 'string' ? [dataDir, store] : [dataDir, 'postgres', store.database];
  const child = forkBenchChild(CHILD, [...storeArgs, ...(options.plainHttp ? ['--plain-http'] : [])], ['--expose-gc', ...profile]);
  const ready = await firstMessage(child, timeoutMs);
  const startMs = performance.now() - started;
  let nextId = 0;
  const sample = (timeoutMs: number): Promise<ServerSample> => {
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (message: ChildMessage): void => {
        if (message.type !== 'sample' || message.id !== id) return;
        settle();
        resolve(message);
      };
      const onExit = (code: number | null): void => {
        settle();
        reject(new Error(`server exited (code ${code}) during a sample`));
      };
      const timer = setTimeout(() => {
        settle();
        reject(new Error('timed out waiting for a server sample (outbox not drained?)'));
      }, Math.max(timeoutMs, 0));
      child.on('message', onMessage);
      child.on('exit', onExit);
      post(child, { type: 'sample', id });
    });
  };
  return { ready, pid: child.pid ?? 0, startMs, sample, stop: () => stopBenchChild(child), kill: () => void child.kill('SIGKILL') };
}

function firstMessage(child: ChildProcess, timeoutMs: number): Promise<ChildReady> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`server not ready within ${timeoutMs} ms`)), timeoutMs);
    const onExit = (code: number | null): void => fail(new Error(`server exited before it was ready (code ${code})`));
    const onMessage = (message: ChildMessage): void => {
      settle();
      if (message.type === 'ready') resolve(message);
      else fail(new Error(`server failed to start: ${message.type === 'failed' ? message.error : message.type}`));
    };
    const settle = (): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('message', onMessage);
    };
    const fail = (error: Error): void => {
      settle();
      child.kill('SIGKILL');
      reject(error);
    };
    child.on('exit', onExit);
    child.on('message', onMessage);
  });
}

function post(child: ChildProcess, message: ParentMessage): void {
  if (child.connected) child.send(message);
}
