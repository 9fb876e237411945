import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';

/** How long one start may take before the measure gives up on it. */
const START_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 3000;

export interface Started {
  /** Process spawn → the moment that counts as ready (ms). */
  ms: number;
  /** What the process printed by then. */
  output: string;
}

/**
 * Spawns `node <args>` and resolves once `ready(output)` returns true for what it printed on
 * stdout (the moment of that chunk's arrival is the measurement); the process is stopped
 * (SIGTERM, SIGKILL after a grace period) before this resolves, whatever happened.
 */
export async function timeStart(args: string[], ready: (output: string) => Promise<boolean> | boolean, signal: AbortSignal): Promise<Started> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    return await untilReady(child, started, ready, signal);
  } finally {
    await stop(child);
  }
}

function untilReady(child: ChildProcess, started: number, ready: (output: string) => Promise<boolean> | boolean, signal: AbortSignal): Promise<Started> {
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = (): void => settle(() => reject(signal.reason));
    const timer = setTimeout(() => settle(() => reject(new Error(`not ready within ${START_TIMEOUT_MS} ms: ${errors.slice(-300)}`))), START_TIMEOUT_MS);
    signal.addEventListener('abort', onAbort, { once: true });
    child.stderr?.on('data', (chunk: Buffer) => void (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      void Promise.resolve(ready(output)).then((done) => done && settle(() => resolve({ ms: performance.now() - started, output })), (error: unknown) => settle(() => reject(error)));
    });
    child.once('exit', (code) => settle(() => reject(new Error(`exited with code ${code} before it was ready: ${errors.slice(-300)}`))));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** One GET on loopback; resolves with the status code (0 when the connection failed). */
export function getStatus(port: number, path = '/'): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    req.once('error', () => resolve(0));
    req.end();
  });
}
