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

/** What a server child may send: its own messages, or `failed` when it could not start. */
type ChildReplyMessage = { type: string; id?: number; error?: string };

/**
 * Sends `request` (if any) and resolves with the first message `matches` accepts; rejects on a
 * `failed` message it accepts, on the child's exit, or after `timeoutMs`.
 */
export function childReply<T>(child: ChildProcess, matches: (message: ChildReplyMessage) => boolean, request: ({ type: string } & Record<string, unknown>) | undefined, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: ChildReplyMessage): void => {
      if (!matches(message)) return;
      settle();
      if (message.type === 'failed') reject(new Error(`server failed to start: ${message.error}`));
      else resolve(message as T);
    };
    const onExit = (code: number | null): void => {
      settle();
      reject(new Error(`server exited (code ${code}) while waiting for ${request?.type ?? 'start-up'}`));
    };
    const timer = setTimeout(() => {
      settle();
      reject(new Error(`timed out after ${Math.round(timeoutMs)} ms waiting for the server (${request?.type ?? 'start-up'})`));
    }, Math.max(timeoutMs, 0));
    child.on('message', onMessage);
    child.on('exit', onExit);
    if (request && child.connected) child.send(request);
  });
}
