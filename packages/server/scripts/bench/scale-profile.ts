/**
 * Profiles one configuration of the scale benchmark (docs/perf/scale.md): the same workload as
 * bench-scale, with every node writing a V8 CPU profile and, on PostgreSQL, counting the
 * statements and transaction shapes it sends during the measured window (scale-pg-trace.mjs).
 *
 *   npx tsx scripts/bench/scale-profile.ts <out-dir> [postgres-1|postgres-2|sqlite-1] [seconds]
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runConfiguration, type Started } from './scale-config.js';
import { computeScaleMeasures } from './scale-measures.js';
import { CONFIGURATIONS, parseScaleOptions, type ConfigurationName, type ScaleOptions } from './scale-options.js';

const [outArg, nameArg = 'postgres-1', secondsArg = '15'] = process.argv.slice(2);
if (!outArg || !(CONFIGURATIONS as readonly string[]).includes(nameArg)) {
  process.stderr.write('usage: scale-profile.ts <out-dir> [sqlite-1|postgres-1|postgres-2] [seconds]\n');
  process.exit(2);
}
const out = resolve(outArg);
await mkdir(out, { recursive: true });
const tracePrefix = join(out, 'pg-trace');
// Each node writes its own trace: the file name gets the pid (set before the nodes fork).
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${fileURLToPath(new URL('./scale-pg-trace.mjs', import.meta.url))}`.trim();
process.env.SWITCHBOARD_BENCH_PG_TRACE = tracePrefix;

const parsed = parseScaleOptions(['--duration', secondsArg], new Date()) as ScaleOptions;
const traced: number[] = [];
const options: ScaleOptions = {
  ...parsed,
  cpuProfDir: out,
  onWindow: (edge, pids) => {
    for (const pid of pids) process.kill(pid, edge === 'start' ? 'SIGUSR2' : 'SIGWINCH');
    if (edge === 'end') traced.push(...pids);
  },
};
const live: Started = { servers: [] };
const hardStop = setTimeout(() => {
  for (const server of live.servers) server.kill();
  process.exit(3);
}, (options.duration + 150) * 1000);
const run = await runConfiguration(nameArg as ConfigurationName, options, performance.now() + (options.duration + 140) * 1000, live);
clearTimeout(hardStop);
const report = computeScaleMeasures(run);
const value = (id: string): number | undefined => report.measures.find((m) => m.id === id)?.value;
process.stdout.write(`${nameArg}: ${value('requests.count')} requests, ${value('requests.rate')} req/s, ${value('sessions')} sessions, errors ${report.errors.join('; ') || 'none'}\n`);
for (const pid of traced) {
  const trace = JSON.parse(await readFile(`${tracePrefix}-${pid}.json`, 'utf8').catch(() => '{}')) as { statements?: number };
  process.stdout.write(`node ${pid}: ${trace.statements ?? 0} statements (${((trace.statements ?? 0) / (value('sessions') ?? 1)).toFixed(1)} per session); trace in ${tracePrefix}-${pid}.json\n`);
}
process.stdout.write(`CPU profiles (*.cpuprofile) in ${out}\n`);
