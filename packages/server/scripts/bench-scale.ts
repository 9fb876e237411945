/**
 * Scale-out benchmark (issue 5, item 7): the same bounded bot workload against 1 node on SQLite,
 * 1 node on PostgreSQL and 2 nodes on one PostgreSQL database, one after another in one run, side
 * by side: requests/s, request latency p50/p99, notifications delivered/s, change → callback
 * latency p50/p99, errors, and who used the CPUs. Not a test: loopback only, bounded, stops by
 * itself; each PostgreSQL configuration gets a fresh database that the run creates and drops.
 *
 *   npx tsx scripts/bench-scale.ts [--duration 20] [--concurrency 8] [--quick]   (from packages/server)
 *
 * See docs/performance.md ("Scale-out") for what each number means and the results.
 */
import { rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describeMachine } from './bench/report.js';
import { runConfiguration, type Started } from './bench/scale-config.js';
import { computeScaleMeasures, medianOverRounds, type ConfigReport } from './bench/scale-measures.js';
import { parseScaleOptions, SCALE_USAGE, ScaleUsageError, type ScaleOptions } from './bench/scale-options.js';
import { renderScaleMarkdown, type ScaleReport } from './bench/scale-report.js';

/** Per configuration: start-up (tsx compiling the server took up to 23 s per node on a loaded machine), meetings, draining and tear-down, on top of warm-up and the window. */
const OVERHEAD_SECONDS = 120;

const started = performance.now();
const startedAt = new Date();
const options = parseOrExit(process.argv.slice(2));
const live: Started = { servers: [] };

/** The backstop: kill the nodes and remove the data directory synchronously, try to drop the database briefly, exit. */
const abandon = (why: string, code: number): void => {
  process.stderr.write(`bench-scale: ${why}; killing the nodes\n`);
  for (const server of live.servers) server.kill();
  if (live.dataDir) rmSync(live.dataDir, { recursive: true, force: true });
  const exit = (): never => process.exit(code);
  setTimeout(exit, 3000).unref();
  void (live.database?.drop() ?? Promise.resolve()).catch(() => undefined).finally(exit);
};
const budgetSeconds = options.rounds * options.configurations.length * (options.duration + options.warmup + OVERHEAD_SECONDS);
const hardStop = setTimeout(() => abandon(`hard time limit of ${budgetSeconds} s reached`, 3), budgetSeconds * 1000);
process.once('SIGINT', () => abandon('interrupted', 130));
process.once('SIGTERM', () => abandon('terminated', 143));

// Interleaved (A B C A B C …), so a slow stretch of a noisy machine does not land on one configuration only.
const rounds: ConfigReport[][] = [];
for (let round = 1; round <= options.rounds; round += 1) {
  const reports: ConfigReport[] = [];
  for (const name of options.configurations) {
    process.stderr.write(`bench-scale: round ${round}/${options.rounds}: ${name} …\n`);
    // Each configuration gets its share of the budget, so one hanging set-up cannot starve the rest of their report.
    const deadline = performance.now() + (options.duration + options.warmup + OVERHEAD_SECONDS - 5) * 1000;
    reports.push(computeScaleMeasures(await runConfiguration(name, options, deadline, live)));
  }
  rounds.push(reports);
}
clearTimeout(hardStop);
const reports = options.configurations.map((_, index) => medianOverRounds(rounds.map((round) => round[index] as ConfigReport)));

const report: ScaleReport = {
  suite: 'scale',
  schema: 1,
  startedAt: startedAt.toISOString(),
  ok: reports.every((r) => r.ok),
  machine: describeMachine(),
  params: { duration: options.duration, concurrency: options.concurrency, people: options.people, warmup: options.warmup, configurations: options.configurations, rounds: options.rounds },
  configurations: reports,
  rounds,
  totalSeconds: Math.round((performance.now() - started) / 1000),
};
process.stdout.write(`${renderScaleMarkdown(report)}\n`);
await mkdir(dirname(options.json), { recursive: true });
await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
process.stderr.write(`bench-scale: JSON report in ${options.json}\n`);
process.exitCode = report.ok ? 0 : 1;
// Everything is closed by now; should a stray handle keep the loop alive, do not hang the shell.
setTimeout(() => process.exit(), 2000).unref();

function parseOrExit(argv: string[]): ScaleOptions {
  try {
    const parsed = parseScaleOptions(argv, new Date());
    if (parsed !== 'help') return parsed;
    process.stdout.write(`${SCALE_USAGE}\n`);
    process.exit(0);
  } catch (error) {
    if (!(error instanceof ScaleUsageError) && !(error instanceof TypeError)) throw error;
    process.stderr.write(`bench-scale: ${error.message}\n\n${SCALE_USAGE}\n`);
    process.exit(2);
  }
}
