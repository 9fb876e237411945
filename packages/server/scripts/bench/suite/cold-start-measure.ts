import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { round } from '../stats.js';
import { getStatus, timeStart } from './cold-start-spawn.js';
import type { BenchContext, Measure, MeasureRow } from './measure.js';

const SERVER_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(SERVER_DIR, 'bin', 'switchboard.js');
const BUILT = join(SERVER_DIR, 'dist', 'cli', 'main.js');
/** Switchboard's banner ends with this line, printed once every listener is up. */
const BANNER_END = 'Press Ctrl+C to stop.';
const READY_IN = /ready in (\d+) ms/;

/**
 * The baseline: a bare Fastify process, spawn → first HTTP 200 (PERF-BASELINES.md measured
 * ≈ 400 ms for it with hyperfine). It prints its port once listening; the GET follows at once.
 */
const FASTIFY_SERVER = (fastifyPath: string): string => `
const app = require(${JSON.stringify(fastifyPath)})();
app.get('/', async () => ({ hello: 'world' }));
app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log('port ' + app.server.address().port));
`;

export const coldStartMeasure: Measure = {
  id: 'cold-start',
  title: 'Cold start: `switchboard start` spawn → ready banner',
  quick: true,
  run: measureColdStart,
};

async function measureColdStart(context: BenchContext): Promise<MeasureRow[]> {
  if (!existsSync(BUILT)) throw new Error(`cold start needs the built server: ${BUILT} is missing; run \`npm run build\` first`);
  const fastify = createRequire(join(SERVER_DIR, 'package.json')).resolve('fastify');
  const dataDir = join(context.tmpDir, 'data');
  const startSwitchboard = async (): Promise<{ ms: number; readyMs: number }> => {
    const { ms, output } = await timeStart([BIN, 'start', '--port', '0', '--data', dataDir, '--log-level', 'silent', '--console', 'off'], (text) => text.includes(BANNER_END), context.signal);
    return { ms, readyMs: Number(READY_IN.exec(output)?.[1] ?? NaN) };
  };
  const startFastify = async (): Promise<number> =>
    (await timeStart(['-e', FASTIFY_SERVER(fastify)], async (text) => (await getStatus(Number(/port (\d+)/.exec(text)?.[1] ?? 0))) === 200, context.signal)).ms;
  // The first start creates the CA, the admin key and the database; later ones reuse them.
  const first = await startSwitchboard();
  context.log(`first start ${Math.round(first.ms)} ms`);
  const service: number[] = [];
  const internal: number[] = [];
  const baseline: number[] = [];
  // Quick mode: two rounds are enough for a target with a wide margin and keep the guard under 60 s.
  const rounds = context.options.quick ? Math.min(context.options.rounds, 2) : context.options.rounds;
  for (let r = 0; r < rounds; r++) {
    // A B, then B A: neither side always runs right after the other.
    const order = r % 2 === 0 ? ['switchboard', 'fastify'] : ['fastify', 'switchboard'];
    for (const side of order) {
      if (side === 'fastify') baseline.push(await startFastify());
      else {
        const restart = await startSwitchboard();
        service.push(restart.ms);
        internal.push(restart.readyMs);
      }
    }
    context.log(`round ${r + 1}: restart ${Math.round(service[r] ?? NaN)} ms, fastify ${Math.round(baseline[r] ?? NaN)} ms`);
  }
  return [row(service, baseline, internal, first)];
}

function row(service: number[], baseline: number[], internal: number[], first: { ms: number; readyMs: number }): MeasureRow {
  const sorted = [...internal].sort((a, b) => a - b);
  return {
    id: 'cold-start',
    title: 'Cold start (restart with an existing data directory): spawn → ready banner',
    unit: 'ms',
    service: service.map(round),
    baseline: { name: 'bare Fastify: spawn → first 200', values: baseline.map(round) },
    target: { kind: 'max', value: 1500, quickMargin: 0.3 },
    extra: { 'first start ms (creates CA + database)': round(first.ms), 'server-reported ready ms (median)': round(sorted[Math.floor(sorted.length / 2)] ?? NaN) },
    note: '`node bin/switchboard.js start --port 0 --data <tmp> --log-level silent --console off` (built dist/, SQLite store) until its banner is printed; the server process is stopped after each start.',
  };
}
