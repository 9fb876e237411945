import { fileURLToPath } from 'node:url';
import { childReply, forkBenchChild, stopBenchChild } from './bench-child.js';
import type { Seeded } from './join-server-protocol.js';
import type { ChildReady, ServerSample } from './server-protocol.js';

export interface JoinBenchServer {
  ready: ChildReady;
  pid: number;
  /** Drains the outbox, forces a GC and reads memory and CPU in the server process. */
  sample(timeoutMs: number): Promise<ServerSample>;
  /** `count` guests join the meeting in one roster version; resolves with its conference id. */
  seed(meetingId: string, count: number, timeoutMs: number): Promise<string>;
  /** Graceful stop; SIGKILL if the child has not exited within a few seconds. */
  stop(): Promise<void>;
}

export interface JoinServerOptions {
  dataDir: string;
  store?: 'memory' | 'sqlite';
  timeoutMs: number;
  /** Write a V8 CPU profile of the server (node --cpu-prof) into this directory on exit. */
  cpuProfDir?: string;
  /** Killed at once when this aborts (the suite's hard deadline, Ctrl+C). */
  signal?: AbortSignal;
}

const CHILD = fileURLToPath(new URL('./join-server-child.ts', import.meta.url));

/** Forks join-server-child.ts (tsx loader, --expose-gc) and waits for it to listen. */
export async function startJoinServer(options: JoinServerOptions): Promise<JoinBenchServer> {
  const profile = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const child = forkBenchChild(CHILD, [options.dataDir, options.store ?? 'memory'], ['--expose-gc', ...profile]);
  const kill = (): void => void child.kill('SIGKILL');
  options.signal?.addEventListener('abort', kill, { once: true });
  child.once('exit', () => options.signal?.removeEventListener('abort', kill));
  const ready = await childReply<ChildReady>(child, (m) => m.type === 'ready' || m.type === 'failed', undefined, options.timeoutMs).catch((error: unknown) => {
    kill();
    throw error;
  });
  let nextId = 0;
  return {
    ready,
    pid: child.pid ?? 0,
    sample: (timeoutMs) => {
      const id = ++nextId;
      return childReply<ServerSample>(child, (m) => m.type === 'sample' && m.id === id, { type: 'sample', id }, timeoutMs);
    },
    seed: async (meetingId, count, timeoutMs) => {
      const id = ++nextId;
      const seeded = await childReply<Seeded>(child, (m) => m.type === 'seeded' && m.id === id, { type: 'seed', id, meetingId, count }, timeoutMs);
      if (seeded.error) throw new Error(`seeding ${count} people: ${seeded.error}`);
      return seeded.conferenceId;
    },
    stop: () => stopBenchChild(child),
  };
}
