import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkBenchChild, stopBenchChild } from '../bench-child.js';

/** A baseline route: GET answers `body` (JSON text); POST echoes what it is sent. */
export interface BaselineRoute {
  method: 'GET' | 'POST';
  url: string;
  body?: string;
}

export interface BaselineServer {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./baseline-server.ts', import.meta.url));

/** Forks the baseline with tsx as its loader and waits for its port; killed if not ready in time. */
export async function startBaseline(dir: string, routes: BaselineRoute[], timeoutMs: number, nodeFlags: string[] = []): Promise<BaselineServer> {
  const file = join(dir, 'baseline-routes.json');
  await writeFile(file, JSON.stringify(routes));
  const child = forkBenchChild(CHILD, [file], nodeFlags);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`baseline not ready within ${timeoutMs} ms`)), timeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('exit', (code) => fail(new Error(`baseline exited before it was ready (code ${code})`)));
    child.once('message', (message: { port: number }) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(message.port);
    });
  });
  return { port, pid: child.pid ?? 0, stop: () => stopBenchChild(child, 2000) };
}
