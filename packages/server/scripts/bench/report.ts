import { availableParallelism, cpus, release, totalmem } from 'node:os';
import type { BenchOptions } from './options.js';
import { round, type Distribution } from './stats.js';

/**
 * One measured quantity. `id` is a stable key (for JSON consumers and, later, the issue-9 suite
 * that adds an in-run baseline and a ratio per measure); `value` for a single number, `dist` for
 * a latency sample.
 */
export interface Measure {
  id: string;
  label: string;
  unit: string;
  value?: number;
  dist?: Distribution;
  note?: string;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export interface BenchReport {
  suite: 'calls';
  /** Bumped when a field changes meaning. */
  schema: 1;
  startedAt: string;
  ok: boolean;
  errors: string[];
  machine: Machine;
  params: Omit<BenchOptions, 'json'> & { early: number; gcForced: boolean };
  measures: Measure[];
}

export function describeMachine(): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${release()} ${process.arch}`,
  };
}

export function renderMarkdown(report: BenchReport): string {
  const { params: p, machine: m } = report;
  const lines = [
    `### calls benchmark: ${p.bots} bots x ${p.people} people (${p.early} before the bot, ${p.late} after), ${p.store} store`,
    '',
    `${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load generator and server share the CPUs; ` +
      `concurrency ${p.concurrency}; late joins ${p.joinRate > 0 ? `paced at ${p.joinRate}/s` : 'unpaced (closed loop)'}; warm-up ${p.warmup ? 'on' : 'off'}; callback JWTs ${p.validateTokens ? 'validated' : 'not validated'}; ` +
      `memory after a forced GC: ${p.gcForced ? 'yes' : 'no (--expose-gc unavailable)'}.`,
    '',
    '| measure | unit | value or p50 | p99 | min–max | n |',
    '|---|---|---:|---:|---|---:|',
    ...report.measures.map(row),
  ];
  const notes = report.measures.filter((measure) => measure.note).map((measure) => `- ${measure.label}: ${measure.note}`);
  if (notes.length > 0) lines.push('', ...notes);
  if (!report.ok) lines.push('', `**FAILED**: ${report.errors.join('; ')}`);
  return lines.join('\n');
}

function row({ label, unit, value, dist }: Measure): string {
  if (!dist) return `| ${label} | ${unit} | ${fmt(value)} | | | |`;
  return `| ${label} | ${unit} | ${fmt(dist.p50)} | ${fmt(dist.p99)} | ${fmt(dist.min)}–${fmt(dist.max)} | ${dist.n} |`;
}

function fmt(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return round(value).toLocaleString('en-US', { maximumFractionDigits: 3 });
}
