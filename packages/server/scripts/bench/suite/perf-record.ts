import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { onPath } from './load-pin.js';
import { OriginCounter, type OriginSplit } from './perf-origins.js';

/** perf's timer-sample rate; CPU µs per request = samples × (1e6 / rate) / requests. */
export const PERF_HZ = 4000;

export interface PerfRecording {
  /** Stops the recording (SIGINT, as perf expects) and waits until perf has written its file. */
  stop(): Promise<void>;
}

/** `perf record` of one process's kernel and user stacks, on the cpu-clock timer (no hardware counters needed: VMs lack them). */
export async function startPerfRecord(pid: number, file: string): Promise<PerfRecording> {
  assertPerfInstalled();
  const perf = spawn('perf', ['record', '-q', '-e', 'cpu-clock', '-F', String(PERF_HZ), '-g', '-p', String(pid), '-o', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const errors = collect(perf);
  // perf attaches within a few ms; without this wait the first samples of the window would be lost.
  await new Promise((resolve) => setTimeout(resolve, 200));
  if (perf.exitCode !== null) throw new Error(`perf record exited at once (${perf.exitCode}): ${errors()}`);
  return {
    stop: async () => {
      const exited = once(perf, 'exit');
      perf.kill('SIGINT');
      await exited;
    },
  };
}

/** Reads a recording back through `perf script`, streamed, and splits its samples by origin (perf-origins.ts). */
export async function originsOfRecording(file: string, detailPrefix?: string): Promise<OriginSplit> {
  const script = spawn('perf', ['script', '-i', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const errors = collect(script);
  const counter = new OriginCounter(detailPrefix);
  for await (const line of createInterface({ input: script.stdout! })) counter.add(line);
  const [code] = (await (script.exitCode === null ? once(script, 'exit') : [script.exitCode])) as [number | null];
  if (code !== 0) throw new Error(`perf script failed (${code}): ${errors()}`);
  return counter.split();
}

/** Without this, spawning a missing perf ends the script with an unhandled ENOENT from the child process. */
export function assertPerfInstalled(): void {
  if (!onPath('perf')) throw new Error('--perf needs Linux perf on the PATH (Debian: apt-get install linux-perf) and the right to trace the process (root, or kernel.perf_event_paranoid ≤ 1)');
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => (text = (text + chunk.toString()).slice(-2000)));
  return () => text.trim();
}

/** CPU µs per unit (request, notification) of a number of samples. */
export function usPerUnit(samples: number, units: number): string {
  return ((samples * 1e6) / PERF_HZ / Math.max(units, 1)).toFixed(1);
}

/** The busiest origins as lines (share of samples, µs per unit, origin), then the detail's frames if asked for. */
export function splitLines(split: OriginSplit, units: number, top = 16): string {
  const line = ([name, samples]: [string, number]): string => `${((100 * samples) / split.samples).toFixed(1).padStart(6)} %  ${usPerUnit(samples, units).padStart(6)} µs  ${name}`;
  const detail = split.detail.length > 0 ? ['  detail:', ...split.detail.slice(0, 2 * top).map(line)] : [];
  return [...split.origins.slice(0, top).map(line), ...detail].join('\n');
}

/** `--detail=<origin prefix>` among a script's arguments (e.g. `--detail=node:`), if given. */
export function detailOption(args: string[]): string | undefined {
  return args.find((arg) => arg.startsWith('--detail='))?.slice('--detail='.length);
}

/** Where V8 writes `perf-<pid>.map` for --perf-basic-prof (fixed by V8, not TMPDIR). */
const V8_PERF_MAP_DIR = '/tmp';

/**
 * Removes what a --perf-basic-prof process wrote: its JIT symbol map (perf script needs it, so
 * only after) and the V8 log files the flag also opens in the working directory, one per isolate
 * (`isolate-<address>-<pid>-v8.log`).
 */
export function removePerfFiles(pid: number): void {
  rmSync(join(V8_PERF_MAP_DIR, `perf-${pid}.map`), { force: true });
  for (const name of readdirSync('.')) if (name.startsWith('isolate-') && name.endsWith(`-${pid}-v8.log`)) rmSync(name, { force: true });
}
