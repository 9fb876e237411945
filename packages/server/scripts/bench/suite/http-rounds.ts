import { runLoad, type LoadRequest, type LoadResult } from './load-generator.js';

/** One side of a comparison: where to send the load and how to read that server's CPU time. */
export interface Side {
  port: number;
  headers: Record<string, string>;
  streams: LoadRequest[][];
  /** CPU ms of the server process at the start of a run (after any settling the side needs). */
  cpuAtStart(): Promise<number>;
  /** CPU ms once the run's work is done (Switchboard: its outbox drained). */
  cpuAtEnd(): Promise<number>;
  /** A counter of side effects (notifications delivered), read at start and end of each run. */
  events?(): number;
}

export interface RunPlan {
  rounds: number;
  seconds: number;
  warmUpSeconds: number;
  connections: number;
  pin: boolean;
  signal: AbortSignal;
}

/** What one side did in one round. */
export interface SideRun extends LoadResult {
  cpuUsPerRequest: number;
  /** How much `events` grew per request, when the side counts events. */
  eventsPerRequest?: number;
}

export interface Interleaved {
  service: SideRun[];
  baseline: SideRun[];
}

/**
 * Warm both sides (JIT, connection setup), then `rounds` rounds of baseline and Switchboard,
 * alternating which goes first (A B, B A, …) so drift on the shared machine hits both alike.
 */
export async function interleave(service: Side, baseline: Side, plan: RunPlan): Promise<Interleaved> {
  const [baselineRuns, serviceRuns] = await rotate([baseline, service], plan);
  return { service: serviceRuns ?? [], baseline: baselineRuns ?? [] };
}

/**
 * Any number of sides in the same rounds: each warmed up, then round r starts with side r mod n
 * and goes on in order (two sides: A B, B A, …). Answers the runs per side, in the sides' order.
 */
export async function rotate(sides: Side[], plan: RunPlan): Promise<SideRun[][]> {
  if (plan.warmUpSeconds > 0) for (const side of sides) await runSide(side, plan, plan.warmUpSeconds);
  const runs: SideRun[][] = sides.map(() => []);
  for (let round = 0; round < plan.rounds; round++) {
    for (let k = 0; k < sides.length; k++) {
      plan.signal.throwIfAborted();
      const which = (round + k) % sides.length;
      runs[which]!.push(await runSide(sides[which]!, plan, plan.seconds));
    }
  }
  return runs;
}

async function runSide(side: Side, plan: RunPlan, seconds: number): Promise<SideRun> {
  const cpuStart = await side.cpuAtStart();
  const eventsStart = side.events?.() ?? 0;
  const load = await runLoad({ port: side.port, connections: plan.connections, seconds, headers: side.headers, streams: side.streams, pin: plan.pin }, plan.signal);
  const cpuMs = (await side.cpuAtEnd()) - cpuStart;
  const perRequest = (value: number): number => (load.requests > 0 ? value / load.requests : NaN);
  return { ...load, cpuUsPerRequest: perRequest(cpuMs * 1000), ...(side.events ? { eventsPerRequest: perRequest(side.events() - eventsStart) } : {}) };
}

export function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
