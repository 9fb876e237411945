import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The three set-ups of issue 5's benchmark, run one after another in this order. */
export const CONFIGURATIONS = ['sqlite-1', 'postgres-1', 'postgres-2'] as const;
export type ConfigurationName = (typeof CONFIGURATIONS)[number];

export interface ScaleOptions {
  /** Seconds of measured workload per configuration. */
  duration: number;
  /** Closed-loop bot sessions at once (one meeting each), spread over the nodes request by request. */
  concurrency: number;
  /** Guests who join and leave in each session. */
  people: number;
  /** Seconds of unmeasured workload before measuring (JIT, pools, caches). */
  warmup: number;
  /** An administrative URL of the PostgreSQL server: the run creates and drops its own databases there. */
  pg: string;
  configurations: ConfigurationName[];
  /** Times the whole sequence of configurations runs; the table shows each measure's median over rounds. */
  rounds: number;
  /** Where the JSON report goes. */
  json: string;
  /** Write a V8 CPU profile of every node here (`--cpu-prof`; docs/perf/scale.md). */
  cpuProfDir?: string;
  /** Told when the measured window opens and closes, with the nodes' pids (tracing, profiling). */
  onWindow?: (edge: 'start' | 'end', pids: number[]) => void;
}

export const SCALE_LIMITS = { duration: 300, concurrency: 64, people: 20, warmup: 60, rounds: 10 } as const;

export const SCALE_USAGE = `Usage: npx tsx scripts/bench-scale.ts [options]   (from packages/server)

  --duration <s>       measured seconds per configuration (default 20, max ${SCALE_LIMITS.duration})
  --concurrency <c>    bot sessions at once, one meeting each (default 8, max ${SCALE_LIMITS.concurrency})
  --people <m>         guests joining and leaving per session (default 2, max ${SCALE_LIMITS.people})
  --warmup <s>         unmeasured seconds first, per configuration (default 3)
  --quick              a smoke run: --duration 4 --concurrency 4 --warmup 1
  --rounds <n>         run the configurations n times, interleaved (A B C A B C …); the table
                       shows medians over rounds, the JSON every round (default 1, max ${SCALE_LIMITS.rounds})
  --only <list>        comma-separated subset of ${CONFIGURATIONS.join(', ')}
  --pg <url>           PostgreSQL admin URL (default postgres://postgres@127.0.0.1:5432/postgres);
                       the run creates and drops one database per PostgreSQL configuration
  --json <file>        JSON report (default .bench/scale-<time>.json under packages/server)
  -h, --help`;

export class ScaleUsageError extends Error {}

export function parseScaleOptions(argv: string[], now: Date): ScaleOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      duration: { type: 'string' },
      concurrency: { type: 'string' },
      people: { type: 'string' },
      warmup: { type: 'string' },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      rounds: { type: 'string' },
      pg: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick;
  return {
    duration: bounded('duration', values.duration, quick ? 4 : 20, 1, SCALE_LIMITS.duration),
    concurrency: bounded('concurrency', values.concurrency, quick ? 4 : 8, 1, SCALE_LIMITS.concurrency),
    people: bounded('people', values.people, 2, 1, SCALE_LIMITS.people),
    warmup: bounded('warmup', values.warmup, quick ? 1 : 3, 0, SCALE_LIMITS.warmup),
    pg: pgUrl(values.pg ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
    configurations: configurations(values.only),
    rounds: bounded('rounds', values.rounds, 1, 1, SCALE_LIMITS.rounds),
    json: values.json === undefined ? fileURLToPath(new URL(`../../.bench/scale-${now.toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url)) : resolve(process.env.INIT_CWD ?? process.cwd(), values.json),
  };
}

function bounded(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ScaleUsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function configurations(raw: string | undefined): ConfigurationName[] {
  if (raw === undefined) return [...CONFIGURATIONS];
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(CONFIGURATIONS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) throw new ScaleUsageError(`--only takes ${CONFIGURATIONS.join(', ')}; got "${raw}"`);
  return CONFIGURATIONS.filter((name) => names.includes(name));
}

function pgUrl(raw: string): string {
  if (!/^postgres(ql)?:\/\//i.test(raw)) throw new ScaleUsageError(`--pg must be a postgres:// URL, got "${raw}"`);
  return raw;
}
