import { readFileSync } from 'node:fs';

/** USER_HZ: /proc/<pid>/stat counts in clock ticks, 100 per second on every Linux Node supports. */
const TICKS_PER_SECOND = 100;

/**
 * User + system CPU milliseconds of a process we started (the baseline, which has no IPC sample
 * like Switchboard's child), from /proc; NaN elsewhere so the report shows a dash. 10 ms ticks:
 * fine over a run of seconds.
 */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}
