import { fileURLToPath } from 'node:url';
import { startBenchChild, type BenchChild } from './callbacks-processes.js';

const LIMIT_CHILD = fileURLToPath(new URL('./limit-server.ts', import.meta.url));

export interface LimitOptions {
  dataDir: string;
  /** Where rows go: `${receiverBase}${stream}`, e.g. http://127.0.0.1:p/bots/. */
  receiverBase: string;
  concurrency: number;
  bodyBytes: number;
  timeoutMs: number;
  pinCpu?: number;
}

/** Forks the limit baseline (limit-server.ts) and waits for its port. */
export function startLimit(options: LimitOptions): Promise<BenchChild<{ port: number }>> {
  const args = [options.dataDir, options.receiverBase, String(options.concurrency), String(options.bodyBytes)];
  return startBenchChild<{ port: number }>(LIMIT_CHILD, args, options);
}
