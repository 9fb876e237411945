/** Summary of a latency sample: nearest-rank percentiles, so p99 of 50 samples is the maximum. */
export interface Distribution {
  n: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function distribution(samples: number[]): Distribution {
  if (samples.length === 0) return { n: 0, min: NaN, p50: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(Math.ceil((p / 100) * sorted.length), sorted.length) - 1] ?? NaN;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return { n: sorted.length, min: micro(sorted[0] ?? NaN), p50: micro(at(50)), p99: micro(at(99)), max: micro(sorted[sorted.length - 1] ?? NaN), mean: micro(sum / sorted.length) };
}

/** Three decimals: for milliseconds that is a microsecond, below the timer noise anyway. */
export function micro(value: number): number {
  return Number.isFinite(value) ? Number(value.toFixed(3)) : value;
}

/** Events per second over the span from the first start to the last finish. */
export function ratePerSecond(count: number, firstStart: number, lastEnd: number): number {
  const seconds = (lastEnd - firstStart) / 1000;
  return seconds > 0 ? count / seconds : NaN;
}

/** Fixed decimals that shrink as numbers grow: 0.412, 4.12, 41.2, 412. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  return Number(value.toFixed(digits));
}
