import type { MeasureRow, Target } from './measure.js';

/** A row reduced to what the report shows: medians, ranges, ratio and the verdict. */
export interface RowSummary {
  id: string;
  title: string;
  unit: string;
  rounds: number;
  service: Spread;
  baseline?: Spread & { name: string };
  /** Per-round service ÷ baseline. */
  ratio?: Spread;
  target?: Target & { met: boolean; withinQuickMargin: boolean };
  extra?: Record<string, number | string>;
  note?: string;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return { median: NaN, min: NaN, max: NaN };
  const middle = Math.floor(finite.length / 2);
  const median = finite.length % 2 === 1 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
  return { median, min: finite[0]!, max: finite[finite.length - 1]! };
}

/** Ratios are taken round by round (same round, same machine weather), then their median. */
export function roundRatios(service: number[], baseline: number[]): number[] {
  return service.map((value, index) => value / (baseline[index] ?? NaN));
}

export function summarise(row: MeasureRow): RowSummary {
  const service = spread(row.service);
  const baseline = row.baseline ? { name: row.baseline.name, ...spread(row.baseline.values) } : undefined;
  const ratio = row.baseline ? spread(roundRatios(row.service, row.baseline.values)) : undefined;
  const target = row.target ? { ...row.target, ...verdict(row.target, service, ratio) } : undefined;
  return { id: row.id, title: row.title, unit: row.unit, rounds: row.service.length, service, baseline, ratio, target, extra: row.extra, note: row.note };
}

/** `met` judges the full target; `withinQuickMargin` the relaxed one the quick guard fails on. */
export function verdict(target: Target, service: Spread, ratio: Spread | undefined): { met: boolean; withinQuickMargin: boolean } {
  const value = target.kind.startsWith('ratio') ? ratio?.median ?? NaN : service.median;
  if (!Number.isFinite(value)) return { met: false, withinQuickMargin: false };
  const atLeast = target.kind === 'ratio-min' || target.kind === 'min';
  if (atLeast) return { met: value >= target.value, withinQuickMargin: value >= (target.quickFloor ?? target.value * (1 - target.quickMargin)) };
  const withinFloor = value <= (target.quickFloor ?? target.value * (1 + target.quickMargin));
  const withinRatio = target.quickRatioMax !== undefined && (ratio?.median ?? Infinity) <= target.quickRatioMax;
  return { met: value <= target.value, withinQuickMargin: withinFloor || withinRatio };
}
