/**
 * Runs one of the join-scale, calls or cold-start measures on its own, outside `npm run bench`,
 * and prints its rows as JSON; with --cpu-prof <dir> the join-scale server child also writes a V8
 * CPU profile there (how docs/perf/join.md was made):
 *
 *   npx tsx scripts/bench/join-profile.ts join-scale [--quick] [--rounds 3] [--cpu-prof /tmp/prof] [--sizes 10,10000] [--joins 50]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CALLS_PLAN, measureCalls } from './suite/calls-measure.js';
import { coldStartMeasure } from './suite/cold-start-measure.js';
import { JOIN_SCALE, measureJoinScale } from './suite/join-scale-measure.js';
import type { BenchContext, MeasureRow } from './suite/measure.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { quick: { type: 'boolean', default: false }, rounds: { type: 'string' }, 'cpu-prof': { type: 'string' }, 'max-seconds': { type: 'string', default: '300' }, sizes: { type: 'string' }, joins: { type: 'string' } },
});
const which = positionals[0] ?? 'join-scale';
const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('interrupted')));
setTimeout(() => controller.abort(new Error('time limit')), Number(values['max-seconds']) * 1000).unref();
const tmpDir = mkdtempSync(join(tmpdir(), `switchboard-${which}-`));
const quick = values.quick;
const context: BenchContext = {
  options: { quick, rounds: Number(values.rounds ?? (quick ? 3 : 5)), seconds: quick ? 1.5 : 5, pin: false },
  log: (line) => process.stderr.write(`[${which}] ${line}\n`),
  signal: controller.signal,
  tmpDir,
};
const started = performance.now();
try {
  const rows = await run(which);
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  context.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  rmSync(tmpDir, { recursive: true, force: true });
}

function run(id: string): Promise<MeasureRow[]> {
  if (id === 'join-scale') return measureJoinScale(context, values['cpu-prof'], joinPlan());
  if (id === 'calls') return measureCalls(context, quick ? CALLS_PLAN.quick : CALLS_PLAN.full, values['cpu-prof']);
  if (id === 'cold-start') return coldStartMeasure.run(context);
  throw new Error(`unknown measure ${id} (join-scale, calls or cold-start)`);
}

function joinPlan(): typeof JOIN_SCALE.full {
  const plan = quick ? JOIN_SCALE.quick : JOIN_SCALE.full;
  return { ...plan, ...(values.sizes ? { sizes: values.sizes.split(',').map(Number) } : {}), ...(values.joins ? { joins: Number(values.joins) } : {}) };
}
