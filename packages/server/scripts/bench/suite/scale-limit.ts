import { availableParallelism } from 'node:os';
import type { ConfigRun } from '../scale-config.js';
import { computeScaleMeasures } from '../scale-measures.js';

/**
 * What one request of a configuration cost the machine, by party, over the measured window
 * (window CPU ÷ requests answered in it): the nodes, PostgreSQL's processes, and the load
 * generator + callback receiver (this process). `other` is the rest of the machine, per second.
 */
export interface RequestCost {
  requests: number;
  nodesUs: number;
  postgresUs: number;
  loadUs: number;
  /** nodes + PostgreSQL + load generator: the CPU the workload needs per request, whoever runs it. */
  totalUs: number;
  /** CPU milliseconds per second the rest of the machine (other users) took during the window. */
  otherMsPerSecond: number;
}

export function requestCost(run: ConfigRun): RequestCost | undefined {
  const { from, to } = run.cpu;
  const requests = run.requests.length;
  if (!from || !to || requests === 0) return undefined;
  const wallMs = to.at - from.at;
  const perRequest = (ms: number): number => (ms * 1000) / requests;
  const nodes = to.nodesMs - from.nodesMs;
  const postgres = run.store === 'postgres' ? to.postgresMs - from.postgresMs : 0;
  const load = to.loadMs - from.loadMs;
  const busy = to.machineBusyMs - from.machineBusyMs;
  return {
    requests,
    nodesUs: perRequest(nodes),
    postgresUs: perRequest(postgres),
    loadUs: perRequest(load),
    totalUs: perRequest(nodes + postgres + load),
    otherMsPerSecond: (Math.max(busy - nodes - postgres - load, 0) * 1000) / wallMs,
  };
}

/**
 * The most requests per second this machine can serve at a given CPU cost per request: every
 * core busy with nothing but the workload (nodes, PostgreSQL, load generator all share them).
 * `withOthers` leaves the cores other users took during the window to them.
 */
export function cpuCeiling(cost: RequestCost, cores = availableParallelism()): { idle: number; withOthers: number } {
  const budgetMs = cores * 1000;
  return {
    idle: (budgetMs * 1000) / cost.totalUs,
    withOthers: (Math.max(budgetMs - cost.otherMsPerSecond, 0) * 1000) / cost.totalUs,
  };
}

/** Requests per second as bench-scale reports them: window start → last response read. */
export function rate(run: ConfigRun): number {
  return computeScaleMeasures(run).measures.find((measure) => measure.id === 'requests.rate')?.value ?? NaN;
}
