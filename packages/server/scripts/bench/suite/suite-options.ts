import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { BenchOptions } from './measure.js';

/** What `npm run bench` was asked to do, beyond what each measure sees. */
export interface SuiteOptions extends BenchOptions {
  /** Where the JSON and the Markdown table go (default: bench-results/ under the cwd npm ran in). */
  outDir: string;
  /** The whole suite is killed after this many seconds, whatever hangs (full 1800, quick 90). */
  maxSeconds: number;
}

export const USAGE = `Usage: npm run bench -- [options]

  --quick              the regression guard: a short run of the quick measures (< 60 s); exits 1
                       when a ratio misses its target by more than the row's documented margin
  --rounds <n>         interleaved rounds per measure (default 5, quick 3; 1-20)
  --seconds <s>        load time per side per round for HTTP measures (default 5, quick 1.5)
  --only <ids>         comma-separated measure ids (http, callbacks, calls, join-scale,
                       cold-start, scale)
  --no-pin             do not pin servers to CPU 0 and load generators to CPU 1 with taskset
  --out <dir>          where bench.json and bench.md are written (default ./bench-results)
  --max-seconds <s>    hard limit for the whole run (default 1800, quick 90: the quick run takes
                       < 60 s on an idle 2-core machine; the limit leaves room for a busy one)
  --help`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseSuiteOptions(argv: string[], cwd: string): SuiteOptions | 'help' {
  const { values } = parseArgs({ args: argv, strict: true, options: {
    quick: { type: 'boolean', default: false }, rounds: { type: 'string' }, seconds: { type: 'string' },
    only: { type: 'string' }, 'no-pin': { type: 'boolean', default: false }, out: { type: 'string' },
    'max-seconds': { type: 'string' }, help: { type: 'boolean', default: false },
  } });
  if (values.help) return 'help';
  const quick = values.quick;
  return {
    quick,
    rounds: bounded('--rounds', values.rounds, quick ? 3 : 5, 1, 20),
    seconds: bounded('--seconds', values.seconds, quick ? 1.5 : 5, 0.5, 60),
    only: values.only?.split(',').map((id) => id.trim()).filter(Boolean),
    pin: !values['no-pin'],
    outDir: resolve(cwd, values.out ?? 'bench-results'),
    maxSeconds: bounded('--max-seconds', values['max-seconds'], quick ? 90 : 1800, 10, 3600),
  };
}

function bounded(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return value;
}
