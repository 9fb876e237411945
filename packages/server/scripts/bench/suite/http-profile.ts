/**
 * Profiles one HTTP row of the suite for docs/perf/http.md: sets up the HTTP fixture, warms up,
 * loads only the chosen row for `seconds` and reports where the CPU went.
 *
 *   node --import tsx scripts/bench/suite/http-profile.ts <get-participant|post-mute> [seconds=5] [outDir=/tmp] [--perf [--detail=<origin prefix>]]
 *
 * Default: the Switchboard child runs under --cpu-prof; stopping it writes the profile, whose
 * path is printed. `--perf`: Linux perf instead (needs `perf` and the right to trace the
 * process), on the Switchboard child and on the row's bare-Fastify baseline in turn, both pinned
 * like the suite's servers; prints each side's req/s, CPU µs per request and its split by origin
 * (perf-origins.ts says why perf rather than --cpu-prof on the reference VM).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUpFixture, type HttpFixture } from './http-setup.js';
import { getParticipantRow, muteRow, type HttpRowSpec } from './http-rows.js';
import { runLoad } from './load-generator.js';
import { startBaseline } from './baseline-process.js';
import { canPin, pinProcess, SERVER_CPU } from './load-pin.js';
import { assertPerfInstalled, detailOption, originsOfRecording, splitLines, removePerfFiles, startPerfRecord, usPerUnit } from './perf-record.js';

const args = process.argv.slice(2);
const usePerf = args.includes('--perf');
const detail = detailOption(args);
// Before any set-up: a missing perf should not cost a fixture first.
if (usePerf) assertPerfInstalled();
const [row = 'post-mute', seconds = '5', outDir = tmpdir()] = args.filter((arg) => !arg.startsWith('--'));
const signal = AbortSignal.timeout(120_000);
const tmpDir = mkdtempSync(join(tmpdir(), 'switchboard-http-profile-'));
const profDir = mkdtempSync(join(outDir, 'http-profile-'));
const PERF_FLAGS = ['--perf-basic-prof'];
const fixture = await setUpFixture({ tmpDir, muteCalls: 50, crowd: 0, signal, ...(usePerf ? { nodeFlags: PERF_FLAGS } : { cpuProfDir: profDir }) });
try {
  const spec: HttpRowSpec = row === 'get-participant' ? await getParticipantRow(fixture) : muteRow(fixture);
  if (usePerf) await perfBothSides(fixture, spec);
  else console.log((await loadRow(fixture.port, fixture, spec)).line);
} finally {
  await fixture.close();
  rmSync(tmpDir, { recursive: true, force: true });
}
if (!usePerf) console.log(`profile: ${join(profDir, readdirSync(profDir)[0] ?? '?')}`);

interface RowRun {
  line: string;
  requests: number;
}

/** A 1 s warm-up, then the measured load; `record` starts around the measured part only and returns its stop. */
async function loadRow(port: number, fx: HttpFixture, spec: HttpRowSpec, record?: () => Promise<() => Promise<void>>): Promise<RowRun> {
  const load = (secs: number) => runLoad({ port, connections: 50, seconds: secs, headers: { authorization: `Bearer ${fx.token}` }, streams: spec.streams, pin: true }, signal);
  await load(1);
  const stop = await record?.();
  const result = await load(Number(seconds)).finally(() => stop?.());
  return { line: `${spec.id}: ${Math.round(result.perSecond)} req/s, p99 ${result.p99Ms} ms, failures ${result.failures}`, requests: result.requests };
}

async function perfBothSides(fx: HttpFixture, spec: HttpRowSpec): Promise<void> {
  const baseline = await startBaseline(tmpDir, spec.routes, 30_000, PERF_FLAGS);
  try {
    await perfSide('Switchboard', fx.server.pid, fx.port, fx, spec);
    await perfSide(`baseline (${spec.baselineName})`, baseline.pid, baseline.port, fx, spec);
  } finally {
    await baseline.stop();
  }
}

async function perfSide(name: string, pid: number, port: number, fx: HttpFixture, spec: HttpRowSpec): Promise<void> {
  if (canPin(true)) pinProcess(pid, SERVER_CPU);
  const file = join(profDir, `perf-${pid}.data`);
  const run = await loadRow(port, fx, spec, async () => (await startPerfRecord(pid, file)).stop);
  const split = await originsOfRecording(file, detail);
  removePerfFiles(pid);
  console.log(`\n${name}: ${run.line}; perf: ${split.samples} samples, ${usPerUnit(split.samples, run.requests)} µs CPU per request (${file})`);
  console.log(splitLines(split, run.requests));
}
