import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
const STOP_GRACE_MS = 2000;

/** Forks the baseline with tsx as its loader and waits for its port; killed if not ready in time. */
export async function startBaseline(dir: string, routes: BaselineRoute[], timeoutMs: number): Promise<BaselineServer> {
  const file = join(dir, 'baseline-routes.json');
  await writeFile(file, JSON.stringify(routes));
  const child = fork(CHILD, [file], { execArgv: ['--import', import.meta.resolve('tsx')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.connected) child.send({ type: 'stop' });
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  return { port, pid: child.pid ?? 0, stop };
}
