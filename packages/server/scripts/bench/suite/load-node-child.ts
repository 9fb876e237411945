/**
 * The Node load generator (wrk's stand-in): `connections` closed loops over one keep-alive undici
 * Pool for `seconds`, taking the streams in turn like wrk's threads do; prints one LoadResult.
 */
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import type { LoadRequest, LoadResult, LoadSpec } from './load-generator.js';

const spec = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as LoadSpec;
const pool = new Pool(`http://127.0.0.1:${spec.port}`, { connections: spec.connections, pipelining: 1 });
const positions = spec.streams.map(() => 0);
let turn = 0;

function next(): LoadRequest {
  const stream = turn++ % spec.streams.length;
  const requests = spec.streams[stream]!;
  return requests[positions[stream]!++ % requests.length]!;
}

async function send(request: LoadRequest): Promise<boolean> {
  const headers = request.body === undefined ? spec.headers : { ...spec.headers, 'content-type': 'application/json' };
  try {
    const response = await pool.request({ method: request.method, path: request.path, headers, body: request.body });
    await response.body.dump();
    return response.statusCode < 400;
  } catch {
    return false;
  }
}

const latencies: number[] = [];
let failures = 0;
const started = performance.now();
const end = started + spec.seconds * 1000;
await Promise.all(Array.from({ length: spec.connections }, async () => {
  while (performance.now() < end) {
    const sentAt = performance.now();
    if (await send(next())) latencies.push(performance.now() - sentAt);
    else failures += 1;
  }
}));
const elapsed = (performance.now() - started) / 1000;
await pool.destroy();
latencies.sort((a, b) => a - b);
const at = (p: number): number => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
const requests = latencies.length + failures;
const result: LoadResult = { generator: 'node-undici', requests, perSecond: requests / elapsed, p50Ms: at(50), p99Ms: at(99), failures };
process.stdout.write(`${JSON.stringify(result)}\n`);
