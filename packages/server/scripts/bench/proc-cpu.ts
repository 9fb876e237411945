import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time from Linux /proc, for the parties the benchmark does not own: PostgreSQL's processes
 * (a server started outside the run) and the machine as a whole. Elsewhere (no /proc) every
 * reading is NaN and the report shows a dash.
 */

/** USER_HZ: /proc/<pid>/stat counts in clock ticks, 100 per second on every Linux Node supports. */
const TICKS_PER_SECOND = 100;

/** PostgreSQL's shared background processes, by the title they set (`postgres: 15/main: walwriter`). */
const AUXILIARY = /^postgres: (?:\S+: )?(?:checkpointer|background writer|walwriter|logical replication launcher|autovacuum launcher|stats collector|archiver)\s*$/;

/**
 * User + system CPU milliseconds of PostgreSQL working for this run: the postmaster, its shared
 * background processes, and the backends (connections, autovacuum workers) of `database` — found
 * by the process title PostgreSQL sets, which names the database. Backends of other databases
 * (other users of the same server) are left out. A backend that exits during the window takes its
 * CPU time with it, which only happens to connections a node's pool closed after idling.
 */
export function postgresCpuMs(database: string | undefined): number {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) ticks += postgresTicks(pid, database);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

function postgresTicks(pid: string, database: string | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields are counted after it.
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (name !== 'postgres' || !ours(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim(), database)) return 0;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // the process ended between listing and reading
  }
}

function ours(title: string, database: string | undefined): boolean {
  const postmaster = !title.startsWith('postgres:');
  return postmaster || AUXILIARY.test(title) || (database !== undefined && title.split(' ').includes(database));
}

/** Busy and total CPU milliseconds of the whole machine, all cores (from the `cpu` line of /proc/stat). */
export function machineCpuMs(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busy: ((total - idle) * 1000) / TICKS_PER_SECOND, total: (total * 1000) / TICKS_PER_SECOND };
  } catch {
    return { busy: NaN, total: NaN };
  }
}
