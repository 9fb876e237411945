import { fork, type ChildProcess } from 'node:child_process';

/** How long a child gets to exit after `{type: 'stop'}` before it is killed. */
export const STOP_GRACE_MS = 3000;

/**
 * Forks a bench child script with tsx as its loader, resolved from here (not from the working
 * directory), plus any extra Node flags (--expose-gc, --cpu-prof), with an IPC channel and the
 * child's output on ours.
 */
export function forkBenchChild(script: string, args: string[], nodeFlags: string[] = []): ChildProcess {
  return fork(script, args, { execArgv: [...nodeFlags, '--import', import.meta.resolve('tsx')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Asks the child to stop (`{type: 'stop'}`) and kills it if it has not exited within `graceMs`. */
export async function stopBenchChild(child: ChildProcess, graceMs = STOP_GRACE_MS): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
