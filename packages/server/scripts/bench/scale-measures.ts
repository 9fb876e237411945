import { availableParallelism } from 'node:os';
import type { Measure } from './report.js';
import type { ConfigRun, CpuReading } from './scale-config.js';
import { distribution, micro, ratePerSecond, type Distribution } from './stats.js';

/** One configuration's numbers, plus the tables it left behind (PostgreSQL only). */
export interface ConfigReport {
  name: string;
  nodes: number;
  store: 'sqlite' | 'postgres';
  ok: boolean;
  errors: string[];
  measures: Measure[];
  requestsByOp: Record<string, ReturnType<typeof distribution> & { errors: number }>;
  tables?: ConfigRun['tables'];
  documents?: ConfigRun['documents'];
}

/** Measure ids in table order; the Markdown table has one row per id and one column per configuration. */
export function computeScaleMeasures(run: ConfigRun): ConfigReport {
  const measures: Measure[] = [];
  const add = (measure: Measure): void => void measures.push(measure.value === undefined ? measure : { ...measure, value: micro(measure.value) });
  const { requests, changes } = run;
  const failed = requests.filter((sample) => sample.status >= 400).length;
  add({ id: 'sessions', label: 'bot sessions completed', unit: 'count', value: run.sessions });
  add({ id: 'requests.count', label: 'requests', unit: 'count', value: requests.length });
  if (requests.length > 0) add({ id: 'requests.rate', label: 'requests per second', unit: '1/s', value: ratePerSecond(requests.length, run.windowStart, Math.max(...requests.map((r) => r.at))) });
  add({ id: 'requests.latency', label: 'request latency (all requests)', unit: 'ms', dist: distribution(requests.map((r) => r.ms)) });
  add({ id: 'requests.latency.createCall', label: 'POST /communications/calls → 201', unit: 'ms', dist: distribution(requests.filter((r) => r.op === 'createCall').map((r) => r.ms)) });
  add({ id: 'notifications.count', label: 'notifications delivered', unit: 'count', value: run.notifications.delivered });
  if (run.notifications.lastAt > run.windowStart) add({ id: 'notifications.rate', label: 'notifications delivered per second', unit: '1/s', value: ratePerSecond(run.notifications.delivered, run.windowStart, run.notifications.lastAt) });
  add({ id: 'notify.latency', label: 'change acknowledged → callback received (all)', unit: 'ms', dist: distribution(changes.map((c) => c.arrivedAt - c.ackAt)) });
  add({ id: 'notify.latency.roster', label: 'person joined (201) → roster callback', unit: 'ms', dist: distribution(changes.filter((c) => c.kind === 'roster').map((c) => c.arrivedAt - c.ackAt)) });
  add({ id: 'notify.latency.established', label: 'call created (201) → `established` callback', unit: 'ms', dist: distribution(changes.filter((c) => c.kind === 'established').map((c) => c.arrivedAt - c.ackAt)) });
  add({ id: 'errors', label: 'errors (failed requests and sessions)', unit: 'count', value: failed + run.errors.length });
  if (run.cpu.from && run.cpu.to) for (const measure of cpuShares(run.cpu.from, run.cpu.to, run.sessions)) add(measure);
  add({ id: 'startup', label: 'node start-up (fork → listening), slowest node', unit: 'ms', value: Math.max(...run.startMs, 0) });
  return { name: run.name, nodes: run.nodes, store: run.store, ok: run.errors.length === 0 && failed === 0, errors: run.errors, measures, requestsByOp: byOp(run), tables: run.tables, documents: run.documents };
}

/**
 * Who used the 2 cores during the window (100 % = one core busy the whole time), and what one bot
 * session cost the server side (nodes + PostgreSQL), whatever share of the machine it got.
 */
function cpuShares(from: CpuReading, to: CpuReading, sessions: number): Measure[] {
  const wall = to.at - from.at;
  const share = (ms: number): number => (ms / wall) * 100;
  const machine = ((to.machineBusyMs - from.machineBusyMs) / (to.machineTotalMs - from.machineTotalMs)) * 100 * availableParallelism();
  const ours = share(to.nodesMs - from.nodesMs + (to.postgresMs - from.postgresMs) + (to.loadMs - from.loadMs));
  return [
    { id: 'cpu.per.session', label: 'server-side CPU per bot session (nodes + PostgreSQL)', unit: 'ms', value: (to.nodesMs - from.nodesMs + (to.postgresMs - from.postgresMs)) / sessions },
    { id: 'cpu.nodes', label: 'CPU: Switchboard node(s)', unit: '% of a core', value: share(to.nodesMs - from.nodesMs) },
    { id: 'cpu.postgres', label: 'CPU: PostgreSQL (all its processes)', unit: '% of a core', value: share(to.postgresMs - from.postgresMs) },
    { id: 'cpu.load', label: 'CPU: load generator + receiver', unit: '% of a core', value: share(to.loadMs - from.loadMs) },
    { id: 'cpu.other', label: 'CPU: everything else on the machine', unit: '% of a core', value: Math.max(machine - ours, 0) },
    { id: 'cpu.machine', label: 'CPU: whole machine busy', unit: '% of a core', value: machine },
    { id: 'load.average', label: 'load average (1 min) at the end of the window', unit: '', value: to.loadAverage },
  ];
}

function byOp(run: ConfigRun): ConfigReport['requestsByOp'] {
  const ops = [...new Set(run.requests.map((r) => r.op))].sort();
  return Object.fromEntries(
    ops.map((op) => {
      const samples = run.requests.filter((r) => r.op === op);
      return [op, { ...distribution(samples.map((r) => r.ms)), errors: samples.filter((r) => r.status >= 400).length }];
    }),
  );
}

/**
 * One configuration over several rounds: each single value and each percentile is the median of
 * the rounds' (min and max the extremes, n the total), errors are all the rounds' errors.
 */
export function medianOverRounds(rounds: ConfigReport[]): ConfigReport {
  const last = rounds[rounds.length - 1] as ConfigReport;
  if (rounds.length === 1) return last;
  const measures = last.measures.map((measure) => {
    const same = rounds.flatMap((round) => round.measures.filter((m) => m.id === measure.id));
    if (!measure.dist) return { ...measure, value: micro(median(same.map((m) => m.value ?? NaN))) };
    const dists = same.flatMap((m) => (m.dist ? [m.dist] : []));
    const pick = (key: keyof Distribution): number[] => dists.map((d) => d[key]);
    const dist: Distribution = { n: pick('n').reduce((a, b) => a + b, 0), min: Math.min(...pick('min')), p50: median(pick('p50')), p99: median(pick('p99')), max: Math.max(...pick('max')), mean: median(pick('mean')) };
    return { ...measure, dist };
  });
  return { ...last, ok: rounds.every((round) => round.ok), errors: rounds.flatMap((round) => round.errors), measures };
}

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
