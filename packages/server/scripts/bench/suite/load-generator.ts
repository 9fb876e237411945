import { runNodeLoad } from './load-node.js';
import { onPath } from './load-pin.js';
import { runWrk } from './load-wrk.js';

/** One request a generator sends; `body` is sent as application/json. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/**
 * A closed-loop load: `connections` keep-alive connections to http://127.0.0.1:<port>, each
 * sending its next request as soon as the previous answer is read. `streams` are cyclic request
 * sequences taken in turn; a stream is never split across generator threads, so a stream that
 * alternates mute/unmute on one call stays in that order (wrk threads each own whole streams).
 */
export interface LoadSpec {
  port: number;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  streams: LoadRequest[][];
  /** Run the generator on CPU 1 (servers are pinned to CPU 0). */
  pin: boolean;
}

export interface LoadResult {
  generator: 'wrk' | 'node-undici';
  requests: number;
  perSecond: number;
  /** Latency percentiles of the answered requests, milliseconds. */
  p50Ms: number;
  p99Ms: number;
  /** Answers outside 2xx/3xx plus socket errors and timeouts: a run with any is not a result. */
  failures: number;
  /** What the failures were, when the generator says (wrk: connect/read/write/status/timeout). */
  failureDetail?: string;
}

/** wrk when installed (CI installs Debian's `wrk`), else the Node fallback (undici Pool in a child). */
export function generatorName(): LoadResult['generator'] {
  return onPath('wrk') ? 'wrk' : 'node-undici';
}

export async function runLoad(spec: LoadSpec, signal: AbortSignal): Promise<LoadResult> {
  const result = generatorName() === 'wrk' ? await runWrk(spec, signal) : await runNodeLoad(spec, signal);
  if (result.failures > 0) throw new Error(`${result.generator}: ${result.failures} of ${result.requests} requests failed (${spec.streams[0]?.[0]?.method} ${spec.streams[0]?.[0]?.path}; ${result.failureDetail ?? 'no detail'})`);
  return result;
}
