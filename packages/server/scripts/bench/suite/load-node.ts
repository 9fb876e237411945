import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadSpec } from './load-generator.js';
import { GENERATOR_CPU, pinnedCommand } from './load-pin.js';
import { runChild } from './load-process.js';

const CHILD = fileURLToPath(new URL('./load-node-child.ts', import.meta.url));

/**
 * The fallback when wrk is not installed: an undici Pool in its own process (pinned like wrk), so
 * the generator's CPU is never the measuring process's. Costs more CPU per request than wrk
 * (PERF-BASELINES.md), which only matters once the generator's core is the bottleneck.
 */
export async function runNodeLoad(spec: LoadSpec, signal: AbortSignal): Promise<LoadResult> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-load-'));
  try {
    const file = join(dir, 'spec.json');
    await writeFile(file, JSON.stringify(spec));
    const [command, args] = pinnedCommand(spec.pin, GENERATOR_CPU, process.execPath, ['--import', import.meta.resolve('tsx'), CHILD, file]);
    const output = await runChild(command, args, (spec.seconds + 15) * 1000, signal);
    return JSON.parse(output.trim().split('\n').pop() ?? '') as LoadResult;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
