/**
 * Profiles the callback path for docs/perf/callbacks.md: sets up the callback measure's processes,
 * warms both sides up, then records one V8 CPU profile of the server process during a Switchboard
 * burst and one during a raw undici burst, and prints where each spent its time.
 *
 *   node --import tsx scripts/bench/suite/callbacks-profile.ts [count=3000] [outDir=/tmp] [perSecond=0]
 *
 * With `perSecond` (e.g. 1000) both sides are paced like the latency row, one notification per
 * call transaction on the Switchboard side; 0 is the throughput row's burst.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCallbacksBench } from './callbacks-bench.js';
import { CONCURRENCY, STREAMS } from './callbacks-measure.js';

const count = Number(process.argv[2] ?? 3000);
const outDir = process.argv[3] ?? tmpdir();
const perSecond = Number(process.argv[4] ?? 0);
const tmpDir = mkdtempSync(join(tmpdir(), 'switchboard-callbacks-profile-'));
const bench = await startCallbacksBench({ tmpDir, streams: STREAMS, concurrency: CONCURRENCY, pin: true, signal: AbortSignal.timeout(300_000) });
try {
  await bench.switchboard(1000, 0, STREAMS);
  await bench.raw(1000, 0);
  for (const side of ['switchboard', 'raw'] as const) {
    const file = join(outDir, `callbacks-${side}.cpuprofile`);
    await bench.profile();
    const result = side === 'raw' ? await bench.raw(count, perSecond) : await bench.switchboard(count, perSecond, perSecond > 0 ? 1 : STREAMS);
    await bench.profile(file);
    console.log(`\n${side}: ${Math.round(result.perSecond)}/s, ${Math.round(result.cpuUsPerNotification)} µs CPU per notification, p99 ${result.latency.p99} ms → ${file}`);
    console.log(topFunctions(file, 15));
  }
} finally {
  await bench.stop();
  rmSync(tmpDir, { recursive: true, force: true });
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
