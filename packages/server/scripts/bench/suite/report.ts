import { cpus, totalmem, release, type } from 'node:os';
import type { RowSummary, Spread } from './summary.js';

export interface MeasureFailure {
  measure: string;
  error: string;
}

export interface SuiteReport {
  startedAt: string;
  seconds: number;
  mode: 'full' | 'quick';
  rounds: number;
  pinned: boolean;
  machine: { cpus: number; model: string; memoryGiB: number; os: string; node: string };
  rows: RowSummary[];
  failures: MeasureFailure[];
}

export function machine(): SuiteReport['machine'] {
  const list = cpus();
  return { cpus: list.length, model: list[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), os: `${type()} ${release()}`, node: process.version };
}

/** Three significant figures: 24,812 → 24,800 is noise we do not pretend to know. */
export function figure(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function range(spread: Spread): string {
  return `${figure(spread.median)} [${figure(spread.min)}–${figure(spread.max)}]`;
}

function targetCell(row: RowSummary): string {
  const target = row.target;
  if (!target) return '';
  const sign = target.kind === 'ratio-min' || target.kind === 'min' ? '≥' : '≤';
  const what = target.kind.startsWith('ratio') ? `${sign} ${target.value}×` : `${sign} ${figure(target.value)} ${row.unit}`;
  const verdict = target.met ? 'met' : target.withinQuickMargin ? 'missed (within margin)' : '**missed**';
  const guard = target.quickFloor === undefined ? `quick guard ±${Math.round(target.quickMargin * 100)} %` : `quick guard ${sign} ${target.quickFloor}${target.kind.startsWith('ratio') ? '×' : ''}${target.quickRatioMax === undefined ? '' : ` or ≤ ${target.quickRatioMax}× the baseline`}`;
  return `${what}: ${verdict} (${guard})`;
}

function extraCell(row: RowSummary): string {
  return Object.entries(row.extra ?? {}).map(([key, value]) => `${key} ${typeof value === 'number' ? figure(value) : value}`).join('; ');
}

export function markdown(report: SuiteReport): string {
  const head = [
    `Run ${report.startedAt} (${report.mode}, ${report.rounds} interleaved rounds, ${report.pinned ? 'servers on CPU 0, load on CPU 1' : 'not pinned'}, ${Math.round(report.seconds)} s).`,
    `Machine: ${report.machine.cpus} × ${report.machine.model}, ${report.machine.memoryGiB} GiB, ${report.machine.os}, Node ${report.machine.node}.`,
    '',
    '| measure | unit | Switchboard median [min–max] | baseline median [min–max] | ratio median [min–max] | target | details |',
    '|---|---|---|---|---|---|---|',
  ];
  const rows = report.rows.map((row) => `| ${row.title} | ${row.unit} | ${range(row.service)} | ${row.baseline ? `${row.baseline.name}: ${range(row.baseline)}` : ''} | ${row.ratio ? range(row.ratio) : ''} | ${targetCell(row)} | ${extraCell(row)} |`);
  const failures = report.failures.map((failure) => `- **${failure.measure} failed**: ${failure.error.split('\n')[0]}`);
  const notes = report.rows.filter((row) => row.note).map((row) => `- ${row.title}: ${row.note}`);
  return [...head, ...rows, '', ...failures, ...(notes.length ? ['Notes:', ...notes] : []), ''].join('\n');
}

/** Rows that make the quick guard fail: a target missed by more than its margin. */
export function regressions(report: SuiteReport): RowSummary[] {
  return report.rows.filter((row) => row.target && !row.target.withinQuickMargin);
}
