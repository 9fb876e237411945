import { setMaxListeners } from 'node:events';
import { runConfiguration, type ConfigRun, type Started } from '../scale-config.js';
import { CONFIGURATIONS, parseScaleOptions, type ConfigurationName, type ScaleOptions } from '../scale-options.js';
import type { BenchContext, Measure, MeasureRow } from './measure.js';
import { runBareRound, type BareRound } from './scale-bare.js';
import { rate } from './scale-limit.js';
import { scaleRows, type ScaleRound } from './scale-rows.js';

/**
 * Issue 9: SQLite vs PostgreSQL, and 1 vs 2 nodes on PostgreSQL, with bench-scale's bot workload
 * (scale-workload.ts): per round each configuration in turn (order rotated round by round), each
 * with fresh nodes and a fresh database, then the bare-pg yardstick (scale-bare.ts). Too long for
 * --quick: a meaningful round starts four nodes (tsx compiles each) and needs ~10 s of load each.
 */
export const scaleMeasure: Measure = {
  id: 'scale',
  title: 'Storage and scale-out: SQLite vs PostgreSQL, 1 vs 2 nodes on PostgreSQL',
  quick: false,
  run: measureScale,
};

/** Per configuration: node start-up under load (tsx), meetings, drain and tear-down, on top of warm-up and window. */
const CONFIG_OVERHEAD_SECONDS = 90;

export async function measureScale(context: BenchContext): Promise<MeasureRow[]> {
  const options = scaleOptions(context);
  const live: Started = { servers: [] };
  // Aborted (suite deadline, Ctrl+C): kill the nodes now; runConfiguration's tear-down drops the database.
  const onAbort = (): void => live.servers.forEach((server) => server.kill());
  setMaxListeners(64, context.signal);
  context.signal.addEventListener('abort', onAbort, { once: true });
  const rounds: ScaleRound[] = [];
  try {
    for (let round = 0; round < options.rounds && !context.signal.aborted; round += 1) {
      rounds.push(await scaleRound(context, options, live, round));
    }
  } catch (error) {
    // Cut short at the suite's deadline: the rounds already measured are still a result.
    if (!context.signal.aborted || rounds.length === 0) throw error;
    context.log(`stopped after ${rounds.length} round(s): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    context.signal.removeEventListener('abort', onAbort);
  }
  return scaleRows(rounds, options);
}

async function scaleRound(context: BenchContext, options: ScaleOptions, live: Started, round: number): Promise<ScaleRound> {
  const runs = new Map<ConfigurationName, ConfigRun>();
  for (const name of rotate(CONFIGURATIONS, round)) {
    const deadline = performance.now() + (options.duration + options.warmup + CONFIG_OVERHEAD_SECONDS) * 1000;
    const run = await runConfiguration(name, options, deadline, live);
    if (run.errors.length > 0) throw new Error(`${name}, round ${round + 1}: ${run.errors.slice(0, 3).join('; ')}`);
    runs.set(name, run);
    context.log(`round ${round + 1}: ${name} ${rate(run).toFixed(1)} req/s`);
  }
  const bare: BareRound = await runBareRound(options.pg, Math.max(options.duration / 2, 3), round, context.signal);
  context.log(`round ${round + 1}: bare pg ${bare.one.toFixed(0)} vs ${bare.two.toFixed(0)} tx/s (1 vs 2 processes)`);
  return { runs, bare };
}

/**
 * A round takes 2–4 minutes (four nodes started, three windows, the yardstick): at most this many
 * fit the suite's time limit next to the other measures. bench-scale runs more (--rounds).
 */
const MAX_ROUNDS = 3;

/** bench-scale's defaults (8 sessions, 2 guests, 3 s warm-up), with a window of twice the suite's --seconds (≥ 10 s). */
function scaleOptions(context: BenchContext): ScaleOptions {
  const duration = Math.max(10, Math.round(context.options.seconds * 2));
  const parsed = parseScaleOptions(['--duration', String(duration), '--rounds', String(Math.min(context.options.rounds, MAX_ROUNDS))], new Date());
  if (parsed === 'help') throw new Error('unreachable: --help was not passed');
  return parsed;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
