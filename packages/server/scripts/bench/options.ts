import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** What one run of the calls benchmark does; every field is bounded (see LIMITS). */
export interface BenchOptions {
  /** Bots, one meeting each. */
  bots: number;
  /** Simulated people per meeting. */
  people: number;
  /** Of those, how many join after the bot is in (their roster notifications are timed). */
  late: number;
  /** Requests in flight at once from the load generator (closed loop). */
  concurrency: number;
  /**
   * Late joins per second across all meetings (open loop, still at most `concurrency` in flight);
   * 0 = as fast as the closed loop goes, which measures backlog at saturation rather than delivery.
   */
  joinRate: number;
  store: 'memory' | 'sqlite';
  /** Hard limit on the whole run, start-up and shut-down included. */
  maxSeconds: number;
  /** One throw-away meeting + call first, so JIT and lazy loading are not billed to the first calls. */
  warmup: boolean;
  /** Validate every callback JWT in the receiver (adds load-generator CPU to the latencies). */
  validateTokens: boolean;
  json?: string;
  /** Write a V8 CPU profile of the server process into this directory (node --cpu-prof). */
  serverCpuProf?: string;
}

/** Caps keep a typo from turning a loopback benchmark into a machine-filling one. */
export const LIMITS = { bots: 500, people: 200, participants: 20_000, concurrency: 64, joinRate: 10_000, maxSeconds: 600 } as const;

export const USAGE = `Usage: npm run bench:calls -w @switchboard/server -- [options]

  --bots <n>            bots, one meeting each (default 10, max ${LIMITS.bots})
  --people <m>          simulated people per meeting (default 10, max ${LIMITS.people})
  --late <k>            of those, how many join after the bot is established
                        (default: half, rounded up; their roster notifications are timed)
  --concurrency <c>     requests in flight from the load generator (default 8, max ${LIMITS.concurrency})
  --join-rate <r>       late joins per second, all meetings together (default 100; 0 = unpaced,
                        i.e. saturate the server and time the backlog)
  --store <s>           memory (default) or sqlite (WAL file in a temporary data directory)
  --max-seconds <s>     hard time limit for the whole run (default 60, max ${LIMITS.maxSeconds})
  --no-warmup           skip the throw-away warm-up call
  --validate-tokens     validate each callback JWT against the server's OpenID metadata
  --json <file>         also write the results as JSON
  --server-cpu-prof <dir>  write a V8 CPU profile of the server process there (node --cpu-prof)
  --help

Bots x people is capped at ${LIMITS.participants}. Everything runs on 127.0.0.1; the server runs in a
child process (with --expose-gc) so its memory is measured apart from the load generator.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      bots: { type: 'string', default: '10' },
      people: { type: 'string', default: '10' },
      late: { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      'join-rate': { type: 'string', default: '100' },
      store: { type: 'string', default: 'memory' },
      'max-seconds': { type: 'string', default: '60' },
      'no-warmup': { type: 'boolean', default: false },
      'validate-tokens': { type: 'boolean', default: false },
      json: { type: 'string' },
      'server-cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const bots = int('--bots', values.bots, 1, LIMITS.bots);
  const people = int('--people', values.people, 1, LIMITS.people);
  if (bots * people > LIMITS.participants) throw new UsageError(`--bots x --people is ${bots * people}; the cap is ${LIMITS.participants}`);
  const late = values.late === undefined ? Math.ceil(people / 2) : int('--late', values.late, 1, people);
  if (values.store !== 'memory' && values.store !== 'sqlite') throw new UsageError('--store must be memory or sqlite');
  const joinRate = int('--join-rate', values['join-rate'], 0, LIMITS.joinRate);
  const maxSeconds = int('--max-seconds', values['max-seconds'], 5, LIMITS.maxSeconds);
  // Pacing alone must leave room for everything else, or the run could only end in a timeout.
  if (joinRate > 0 && (bots * late) / joinRate > maxSeconds / 2) {
    throw new UsageError(`${bots * late} late joins at --join-rate ${joinRate} take ${Math.ceil((bots * late) / joinRate)} s, more than half of --max-seconds ${maxSeconds}`);
  }
  return {
    bots,
    people,
    late,
    concurrency: int('--concurrency', values.concurrency, 1, LIMITS.concurrency),
    joinRate,
    store: values.store,
    maxSeconds,
    warmup: !values['no-warmup'],
    validateTokens: values['validate-tokens'],
    ...(values.json ? { json: fromCallerDir(values.json) } : {}),
    ...(values['server-cpu-prof'] ? { serverCpuProf: fromCallerDir(values['server-cpu-prof']) } : {}),
  };
}

/** `npm run -w` runs in packages/server; a relative path means the directory npm was started in (INIT_CWD). */
function fromCallerDir(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function int(flag: string, raw: string | undefined, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${flag} must be an integer from ${min} to ${max} (got ${raw})`);
  return value;
}
