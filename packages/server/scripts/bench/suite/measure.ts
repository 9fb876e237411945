/**
 * The contract between `npm run bench` (run-bench.ts) and each measure module. A measure runs its
 * own processes (always on loopback, always stopped by itself), alternates Switchboard with its
 * in-run baseline round by round (A B A B …) and returns one row per number it reports. The runner
 * computes medians, min–max and per-round ratios, checks targets and renders JSON + Markdown.
 */

/** Options shared by every measure, parsed once by run-bench.ts. */
export interface BenchOptions {
  /** `--quick`: the regression guard CI runs; the whole suite must finish in under 60 s. */
  quick: boolean;
  /** Interleaved rounds per measure (full: 5, quick: 3 unless --rounds). */
  rounds: number;
  /** Seconds each side of a round is loaded for HTTP throughput measures (full: 5, quick: 1.5). */
  seconds: number;
  /** `--only id,id`: run only these measure ids. */
  only?: string[];
  /** Pin servers to CPU 0 and load generators to CPU 1 with taskset when there are ≥ 2 CPUs. */
  pin: boolean;
}

export interface BenchContext {
  options: BenchOptions;
  /** Progress line on stderr (the report goes to stdout). */
  log(line: string): void;
  /** Aborted at the suite's hard deadline or on Ctrl+C: stop load, kill children, return. */
  signal: AbortSignal;
  /** A private temporary directory for this measure, deleted by the runner afterwards. */
  tmpDir: string;
}

/**
 * What a target compares. `ratio-min`/`ratio-max`: the median of the per-round ratios
 * service[i] / baseline[i]; `max`/`min`: the median of the service values themselves.
 */
export interface Target {
  kind: 'ratio-min' | 'ratio-max' | 'max' | 'min';
  value: number;
  /**
   * Quick mode only fails when the median misses the target by more than this fraction (0.3 =
   * 30 %): short quick runs on a shared 2-core machine are noisy (PERF-BASELINES.md: ±30 % per
   * round even interleaved). Documented per row in docs/performance.md.
   */
  quickMargin: number;
  /**
   * Where a target is not met yet (its gap explained with a profile in docs/performance.md), the
   * quick guard holds today's measured level instead: it fails below this value (a ratio for
   * ratio targets), so a regression still turns CI red while the target stays visible as missed.
   */
  quickFloor?: number;
  /**
   * For an absolute `max` target whose level follows the machine's speed (a latency): the quick
   * guard also passes while the median per-round ratio to the in-run baseline stays at or below
   * this. A slower machine stretches both sides alike; a regression in Switchboard moves the ratio.
   */
  quickRatioMax?: number;
}

/** One reported number. `service` and `baseline.values` hold one value per round, same order. */
export interface MeasureRow {
  id: string;
  title: string;
  unit: string;
  service: number[];
  baseline?: { name: string; values: number[] };
  target?: Target;
  /** Secondary numbers shown next to the row (p50/p99, CPU µs per request, n …). */
  extra?: Record<string, number | string>;
  /** Why the number is what it is, or what the row leaves out. */
  note?: string;
}

export interface Measure {
  /** Short id used by --only and in the JSON (e.g. 'http', 'callbacks', 'join-scale'). */
  id: string;
  title: string;
  /** Included in --quick. A quick measure must finish in ≤ 15 s there. */
  quick: boolean;
  run(context: BenchContext): Promise<MeasureRow[]>;
}
