/**
 * Profiles the callback path for docs/perf/callbacks.md: sets up the callback measure's processes,
 * warms both sides up, then records one V8 CPU profile of the server process during a Switchboard
 * burst and one during a raw undici burst, and prints where each spent its time.
 *
 *   node --import tsx scripts/bench/suite/callbacks-profile.ts [count=3000] [outDir=/tmp] [perSecond=0] [--perf [--detail=<origin prefix>]]
 *
 * With `perSecond` (e.g. 1000) both sides are paced like the latency row, one notification per
 * call transaction on the Switchboard side; 0 is the throughput row's burst. `--perf`: Linux perf
 * instead of the V8 profiler, and the split by origin (perf-origins.ts), with CPU µs per
 * notification.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCallbacksBench } from './callbacks-bench.js';
import { CONCURRENCY, STREAMS } from './callbacks-measure.js';
import type { SideResult } from './callbacks-rounds.js';
import { assertPerfInstalled, detailOption, originsOfRecording, splitLines, removePerfFiles, startPerfRecord, usPerUnit } from './perf-record.js';

const args = process.argv.slice(2);
const usePerf = args.includes('--perf');
const detail = detailOption(args);
// Before any set-up: a missing perf should not cost a fixture first.
if (usePerf) assertPerfInstalled();
const positional = args.filter((arg) => !arg.startsWith('--'));
const count = Number(positional[0] ?? 3000);
const outDir = positional[1] ?? tmpdir();
const perSecond = Number(positional[2] ?? 0);
const tmpDir = mkdtempSync(join(tmpdir(), 'switchboard-callbacks-profile-'));
const bench = await startCallbacksBench({ tmpDir, streams: STREAMS, concurrency: CONCURRENCY, pin: true, signal: AbortSignal.timeout(300_000), ...(usePerf ? { nodeFlags: ['--perf-basic-prof'] } : {}) });
try {
  await bench.switchboard(1000, 0, STREAMS);
  await bench.raw(1000, 0);
  for (const side of ['switchboard', 'raw'] as const) {
    if (usePerf) await perfSide(side);
    else await v8Side(side);
  }
} finally {
  await bench.stop();
  rmSync(tmpDir, { recursive: true, force: true });
  if (usePerf) removePerfFiles(bench.serverPid);
}

function runSide(side: 'switchboard' | 'raw'): Promise<SideResult> {
  return side === 'raw' ? bench.raw(count, perSecond) : bench.switchboard(count, perSecond, perSecond > 0 ? 1 : STREAMS);
}

function headline(side: string, result: SideResult): string {
  return `${side}: ${Math.round(result.perSecond)}/s, ${Math.round(result.cpuUsPerNotification)} µs CPU per notification, p99 ${result.latency.p99} ms`;
}

async function v8Side(side: 'switchboard' | 'raw'): Promise<void> {
  const file = join(outDir, `callbacks-${side}.cpuprofile`);
  await bench.profile();
  const result = await runSide(side);
  await bench.profile(file);
  console.log(`\n${headline(side, result)} → ${file}`);
  console.log(topFunctions(file, 15));
}

async function perfSide(side: 'switchboard' | 'raw'): Promise<void> {
  const file = join(outDir, `callbacks-${side}.perf.data`);
  const recording = await startPerfRecord(bench.serverPid, file);
  const result = await runSide(side).finally(() => recording.stop());
  const split = await originsOfRecording(file, detail);
  console.log(`\n${headline(side, result)}; perf: ${usPerUnit(split.samples, count)} µs per notification (${file})`);
  console.log(splitLines(split, count));
}

/** Self time by function, busiest first, as a share of the samples that were not idle. */
function topFunctions(file: string, limit: number): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    const name = frame ? `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|src|scripts)\//, '$1/')}:${frame.lineNumber + 1}` : '?';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const busy = [...self].filter(([name]) => !name.startsWith('(idle)')).reduce((total, [, time]) => total + time, 0);
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, time]) => `${(time / 1000).toFixed(0).padStart(6)} ms ${((100 * time) / busy).toFixed(1).padStart(5)} %  ${name}`).join('\n');
}
