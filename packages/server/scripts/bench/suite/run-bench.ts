/**
 * `npm run bench`: every measure of issue 9, each against its in-run baseline, alternated round by
 * round; writes bench.json + bench.md and prints the table. Loopback only; every child process is
 * stopped by the measure that started it, and a hard timer ends the run whatever hangs.
 *
 * Exit codes: 0 done (full mode reports missed targets without failing), 1 a measure failed or —
 * with --quick — a ratio missed its target by more than its margin, 2 bad options, 3 hard limit.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Measure, MeasureRow } from './measure.js';
import { selectMeasures } from './measures.js';
import { machine, markdown, regressions, type MeasureFailure, type SuiteReport } from './report.js';
import { summarise } from './summary.js';
import { parseSuiteOptions, UsageError, USAGE, type SuiteOptions } from './suite-options.js';

const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

async function runMeasure(measure: Measure, options: SuiteOptions, signal: AbortSignal): Promise<MeasureRow[]> {
  const tmpDir = mkdtempSync(join(tmpdir(), `switchboard-bench-${measure.id}-`));
  const started = performance.now();
  log(`${measure.id}: ${measure.title}`);
  try {
    return await measure.run({ options, signal, tmpDir, log: (line) => log(`${measure.id}: ${line}`) });
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
    log(`${measure.id}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

async function runSuite(options: SuiteOptions, signal: AbortSignal): Promise<SuiteReport> {
  const started = performance.now();
  const report: SuiteReport = { startedAt: new Date().toISOString(), seconds: 0, mode: options.quick ? 'quick' : 'full', rounds: options.rounds, pinned: options.pin, machine: machine(), rows: [], failures: [] };
  for (const measure of selectMeasures(options.quick, options.only)) {
    if (signal.aborted) break;
    try {
      report.rows.push(...(await runMeasure(measure, options, signal)).map(summarise));
    } catch (error) {
      report.failures.push(failure(measure.id, error));
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

function failure(measure: string, error: unknown): MeasureFailure {
  log(`${measure} FAILED: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  return { measure, error: error instanceof Error ? error.message : String(error) };
}

function write(report: SuiteReport, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const table = markdown(report);
  writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outDir, 'bench.md'), table);
  return table;
}

function exitCode(report: SuiteReport, quick: boolean): number {
  if (report.failures.length > 0) return 1;
  const missed = regressions(report);
  for (const row of missed) log(`${quick ? 'REGRESSION' : 'target missed'}: ${row.title} (ratio ${row.ratio?.median ?? row.service.median}, target ${row.target?.kind} ${row.target?.value}, margin ${row.target?.quickMargin})`);
  return quick && missed.length > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const options = parseSuiteOptions(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const controller = new AbortController();
  const stop = (): void => controller.abort(new Error('interrupted'));
  process.once('SIGINT', stop).once('SIGTERM', stop);
  // Measures get the deadline as an abort, 5 s before the hard exit, to stop their children cleanly.
  setTimeout(() => controller.abort(new Error('time limit')), (options.maxSeconds - 5) * 1000).unref();
  setTimeout(() => {
    log(`hard limit of ${options.maxSeconds} s reached`);
    process.exit(3);
  }, options.maxSeconds * 1000).unref();
  const report = await runSuite(options, controller.signal);
  console.log(write(report, options.outDir));
  log(`written to ${options.outDir}/bench.json and bench.md`);
  return exitCode(report, options.quick);
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
