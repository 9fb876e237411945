import { execFile, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { forkBenchChild, stopBenchChild } from '../bench-child.js';

const SERVER_CHILD = fileURLToPath(new URL('../callbacks-child.ts', import.meta.url));
const RECEIVER_CHILD = fileURLToPath(new URL('./callbacks-receiver.ts', import.meta.url));

/** A forked child answering `{type, id, …}` requests with `{type: 'done' | 'error', id}` replies. */
export interface BenchChild<Ready> {
  ready: Ready;
  pid: number;
  /** Sends a request and resolves with its result; rejects on an error reply, exit or timeout. */
  ask<T>(request: { type: string } & Record<string, unknown>, timeoutMs: number): Promise<T>;
  /** Graceful stop, SIGKILL after a few seconds. */
  stop(): Promise<void>;
}

export interface ServerReady {
  port: number;
  caPem: string;
  adminKey: string;
}

export interface ChildOptions {
  timeoutMs: number;
  pinCpu?: number | undefined;
  /** More Node flags (`--perf-basic-prof` for perf runs). */
  nodeFlags?: string[] | undefined;
}

/** The server child, with its SQLite store in `dataDir`. */
export function startCallbacksServer(dataDir: string, options: ChildOptions): Promise<BenchChild<ServerReady>> {
  return startBenchChild<ServerReady>(SERVER_CHILD, [dataDir], options);
}

export function startCallbacksReceiver(options: ChildOptions): Promise<BenchChild<{ baseUrl: string }>> {
  return startBenchChild<{ baseUrl: string }>(RECEIVER_CHILD, [], options);
}

/** CPU 0 for the server, 1 for the receiver when pinning is asked for and there are two CPUs. */
export function pinTarget(pin: boolean, cpu: number): number | undefined {
  return pin && cpus().length >= 2 ? cpu : undefined;
}

/** Forks `script` with tsx, waits for its `ready` message and pins it when asked. */
export async function startBenchChild<Ready>(script: string, args: string[], options: ChildOptions): Promise<BenchChild<Ready>> {
  const child = forkBenchChild(script, args, options.nodeFlags);
  try {
    const ready = await readyOf<Ready>(child, options.timeoutMs);
    // All threads (-a): libuv's pool and V8's helpers would otherwise still run on the other CPU.
    if (options.pinCpu !== undefined) await promisify(execFile)('taskset', ['-a', '-p', '-c', String(options.pinCpu), String(child.pid)]);
    return { ready, pid: child.pid ?? 0, ask: asker(child), stop: () => stopBenchChild(child) };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

function readyOf<Ready>(child: ChildProcess, timeoutMs: number): Promise<Ready> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => settle(new Error(`child not ready within ${timeoutMs} ms`)), timeoutMs);
    const onExit = (code: number | null): void => settle(new Error(`child exited before it was ready (code ${code})`));
    const onMessage = (message: { type: string; error?: string }): void => {
      if (message.type === 'ready') settle(undefined, message as Ready);
      else settle(new Error(`child failed to start: ${message.error ?? message.type}`));
    };
    function settle(error: Error | undefined, ready?: Ready): void {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('message', onMessage);
      if (error) reject(error);
      else resolve(ready as Ready);
    }
    child.on('exit', onExit);
    child.on('message', onMessage);
  });
}

function asker(child: ChildProcess): BenchChild<unknown>['ask'] {
  let nextId = 0;
  return <T>(request: { type: string } & Record<string, unknown>, timeoutMs: number) => {
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => settle(new Error(`no answer to ${request.type} within ${timeoutMs} ms`)), timeoutMs);
      const onExit = (code: number | null): void => settle(new Error(`child exited (code ${code}) during ${request.type}`));
      const onMessage = (message: { type: string; id?: number; result?: unknown; error?: string }): void => {
        if (message.id !== id) return;
        if (message.type === 'done') settle(undefined, message.result as T);
        else settle(new Error(`${request.type} failed in the child: ${message.error ?? message.type}`));
      };
      function settle(error: Error | undefined, result?: T): void {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.off('message', onMessage);
        if (error) reject(error);
        else resolve(result as T);
      }
      child.on('exit', onExit);
      child.on('message', onMessage);
      child.send({ ...request, id });
    });
  };
}
