import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { delimiter, join } from 'node:path';

/** Servers run on CPU 0, load generators on CPU 1 (PERF-BASELINES.md: pinned runs vary less). */
export const SERVER_CPU = 0;
export const GENERATOR_CPU = 1;

/** Pinning needs taskset and a second CPU; otherwise everything shares the machine. */
export function canPin(wanted: boolean): boolean {
  return wanted && cpus().length >= 2 && onPath('taskset');
}

/** Pins every thread of a running process (the forked servers; fork cannot be prefixed). */
export function pinProcess(pid: number, cpu: number): void {
  execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
}

/** The command line that runs `command` on `cpu`, or unchanged when not pinning. */
export function pinnedCommand(pin: boolean, cpu: number, command: string, args: string[]): [string, string[]] {
  return pin ? ['taskset', ['-c', String(cpu), command, ...args]] : [command, args];
}

export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}
