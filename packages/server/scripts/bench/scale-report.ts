import type { Machine, Measure } from './report.js';
import type { ConfigReport } from './scale-measures.js';
import type { ScaleOptions } from './scale-options.js';
import { round } from './stats.js';

export interface ScaleReport {
  suite: 'scale';
  /** Bumped when a field changes meaning. */
  schema: 1;
  startedAt: string;
  ok: boolean;
  machine: Machine;
  params: Omit<ScaleOptions, 'json' | 'pg'>;
  /** Per configuration, each measure's median over the rounds (the round itself when there is one). */
  configurations: ConfigReport[];
  /** Every round's own numbers, configurations in run order. */
  rounds: ConfigReport[][];
  totalSeconds: number;
}

/** One row per measure, one column per configuration, side by side; latencies as p50 / p99. */
export function renderScaleMarkdown(report: ScaleReport): string {
  const { params: p, machine: m, configurations: configs } = report;
  const ids = [...new Set(configs.flatMap((config) => config.measures.map((measure) => measure.id)))];
  const lines = [
    `### Scale-out benchmark: ${configs.map(title).join(' vs ')}`,
    '',
    `${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; nodes, PostgreSQL and the load generator share the CPUs, nothing pinned; ` +
      `${p.concurrency} bot sessions at once, ${p.people} guests each, ${p.duration} s measured after ${p.warmup} s of warm-up per configuration; requests round-robin across nodes; ` +
      (p.rounds > 1 ? `${p.rounds} interleaved rounds, each cell the median over rounds.` : 'one round.'),
    '',
    `| measure | unit | ${configs.map(title).join(' | ')} |`,
    `|---|---|${configs.map(() => '---:').join('|')}|`,
    ...ids.map((id) => row(id, configs)),
  ];
  for (const config of configs.filter((c) => c.tables)) lines.push('', tablesLine(config));
  for (const config of configs.filter((c) => !c.ok)) lines.push('', `**${title(config)} FAILED**: ${config.errors.slice(0, 5).join('; ')}`);
  return lines.join('\n');
}

function title(config: ConfigReport): string {
  return `${config.nodes} node${config.nodes > 1 ? 's' : ''}, ${config.store === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`;
}

function row(id: string, configs: ConfigReport[]): string {
  const measures = configs.map((config) => config.measures.find((measure) => measure.id === id));
  const first = measures.find((measure) => measure !== undefined) as Measure;
  const unit = first.dist ? `${first.unit}, p50 / p99` : first.unit;
  return `| ${first.label} | ${unit} | ${measures.map(cell).join(' | ')} |`;
}

function cell(measure: Measure | undefined): string {
  if (!measure) return '–';
  if (measure.dist) return `${fmt(measure.dist.p50)} / ${fmt(measure.dist.p99)}`;
  return fmt(measure.value);
}

function tablesLine(config: ConfigReport): string {
  const tables = (config.tables ?? []).map((t) => `${t.table} ${t.rows.toLocaleString('en-US')} rows ${fmt(t.bytes / 1024)} KiB`).join(', ');
  return `${title(config)} — tables after the run (pg_total_relation_size): ${tables}.`;
}

function fmt(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return round(value).toLocaleString('en-US', { maximumFractionDigits: 3 });
}
