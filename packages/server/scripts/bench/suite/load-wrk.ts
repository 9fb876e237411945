import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadResult, LoadSpec } from './load-generator.js';
import { GENERATOR_CPU, pinnedCommand } from './load-pin.js';
import { runChild } from './load-process.js';

/** Two threads, as PERF-BASELINES.md ran wrk (one thread cannot saturate a Node server's core). */
const WRK_THREADS = 2;
/** wrk counts an answer slower than its timeout (default 2 s) as an error; a saturated server under a noisy neighbour can take that long. */
const WRK_TIMEOUT = '10s';
const RESULT_LINE = /^WRKJSON (\{.*\})$/m;

/**
 * wrk with a generated Lua script: thread t owns streams t, t+threads, … and takes them in turn;
 * `done` prints one JSON line (the summary's error counters include non-2xx/3xx answers).
 */
export async function runWrk(spec: LoadSpec, signal: AbortSignal): Promise<LoadResult> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-wrk-'));
  try {
    const script = join(dir, 'load.lua');
    const threads = Math.min(WRK_THREADS, spec.connections);
    await writeFile(script, luaScript(spec));
    const args = [`-t${threads}`, `-c${spec.connections}`, `-d${wrkSeconds(spec.seconds)}s`, '--timeout', WRK_TIMEOUT, '-s', script, `http://127.0.0.1:${spec.port}`, '--', String(threads)];
    const [command, argv] = pinnedCommand(spec.pin, GENERATOR_CPU, 'wrk', args);
    const output = await runChild(command, argv, (spec.seconds + 10) * 1000, signal);
    return parse(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function parse(output: string): LoadResult {
  const line = RESULT_LINE.exec(output)?.[1];
  if (!line) throw new Error(`wrk printed no result: ${output.slice(0, 500)}`);
  const raw = JSON.parse(line) as { requests: number; durationUs: number; p50Us: number; p99Us: number; errors: number; detail: string };
  return { generator: 'wrk', requests: raw.requests, perSecond: raw.requests / (raw.durationUs / 1e6), p50Ms: raw.p50Us / 1000, p99Ms: raw.p99Us / 1000, failures: raw.errors, failureDetail: raw.detail };
}

/** wrk takes whole seconds only. */
export const wrkSeconds = (seconds: number): number => Math.max(1, Math.round(seconds));

const lua = (text: string): string => JSON.stringify(text);

function luaScript(spec: LoadSpec): string {
  const headers = Object.entries({ ...spec.headers, 'content-type': 'application/json' }).map(([name, value]) => `[${lua(name)}] = ${lua(value)}`);
  const streams = spec.streams.map((stream) => `{ ${stream.map((r) => `{ ${lua(r.method)}, ${lua(r.path)}, ${r.body === undefined ? 'nil' : lua(r.body)} }`).join(', ')} }`);
  return `local streams = { ${streams.join(',\n')} }
local headers = { ${headers.join(', ')} }
local created = 0
function setup(thread)
  thread:set("thread_index", created)
  created = created + 1
end
function init(args)
  local threads = tonumber(args[1])
  mine = {}
  for s = 1, #streams do
    if (s - 1) % threads == thread_index or #streams < threads then
      local formatted = {}
      for i, r in ipairs(streams[s]) do
        local h = {}
        for k, v in pairs(headers) do h[k] = v end
        if r[3] == nil then h["content-type"] = nil end
        formatted[i] = wrk.format(r[1], r[2], h, r[3])
      end
      table.insert(mine, { requests = formatted, position = 0 })
    end
  end
  turn = 0
end
function request()
  turn = turn % #mine + 1
  local stream = mine[turn]
  stream.position = stream.position % #stream.requests + 1
  return stream.requests[stream.position]
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"errors":%d,"detail":"connect %d, read %d, write %d, status %d, timeout %d"}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout,
    e.connect, e.read, e.write, e.status, e.timeout))
end
`;
}
