import { distribution, round } from '../stats.js';
import type { BenchContext, Measure, MeasureRow } from './measure.js';
import { joinRound, type JoinRoundResult } from './join-round.js';
import { openJoinSession, roundFits } from './join-session.js';

/**
 * Issue 9: one person joining a meeting of 10, 1,000 and 10,000 people. The target is that the
 * work is proportional to the change, not to the roster: joining a 10,000-person meeting costs at
 * most twice what joining a 10-person one does, per round (sizes alternate within each round).
 */
export interface JoinScalePlan {
  sizes: readonly number[];
  joins: number;
  budgetMs: number;
}

export const JOIN_SCALE: { full: JoinScalePlan; quick: JoinScalePlan } = {
  full: { sizes: [10, 1000, 10_000], joins: 50, budgetMs: 240_000 },
  // Quick mode: 1,000 people instead of 10,000, and fewer joins, to keep the guard under 60 s.
  quick: { sizes: [10, 1000], joins: 15, budgetMs: 10_000 },
};

/**
 * The same question on SQLite, the default store (full runs only: the quick guard's 60 s has no
 * room for it). A durable store writes whole documents, so this row checks that a join writes the
 * conference header and the one new roster entry, not the roster (docs/perf/join.md, round 2).
 */
export const JOIN_SCALE_SQLITE: JoinScalePlan = { sizes: [10, 10_000], joins: 20, budgetMs: 240_000 };

type JoinStore = 'memory' | 'sqlite';

export const joinScaleMeasure: Measure = {
  id: 'join-scale',
  title: 'Joining a meeting of 10 … 10,000 people: server CPU per join and roster latency',
  quick: true,
  run: async (context) => {
    const memory = await measureJoinScale(context);
    if (context.options.quick) return memory;
    return [...memory, ...(await measureJoinScale(context, undefined, JOIN_SCALE_SQLITE, 'sqlite'))];
  },
};

/** `cpuProfDir`: also write a V8 CPU profile of the server; `plan`: other sizes (docs/perf/join.md). */
export async function measureJoinScale(context: BenchContext, cpuProfDir?: string, plan = context.options.quick ? JOIN_SCALE.quick : JOIN_SCALE.full, store: JoinStore = 'memory'): Promise<MeasureRow[]> {
  const session = await openJoinSession(context, plan.budgetMs, 2, cpuProfDir, store);
  const results: JoinRoundResult[][] = [];
  try {
    // Warm-up (not reported): JIT, lazy imports and the receiver's first connection.
    await joinRound(session, plan.sizes[0] ?? 10, 5);
    const started = performance.now();
    for (let r = 0; r < context.options.rounds; r++) {
      if (!roundFits(session.deadline, started, r)) {
        context.log(`stopping after ${r} rounds: another would not fit in the ${plan.budgetMs / 1000} s budget`);
        break;
      }
      const order = rotate(plan.sizes, r);
      const done: JoinRoundResult[] = [];
      for (const size of order) done.push(await joinRound(session, size, plan.joins));
      results.push(plan.sizes.map((size) => done.find((d) => d.size === size) as JoinRoundResult));
      context.log(`round ${r + 1}: ${done.map((d) => `${d.size} people ${Math.round(d.cpuUsPerJoin)} µs/join`).join(', ')}`);
    }
  } finally {
    await session.close();
  }
  if (results.length === 0) throw new Error(`not one round fitted in the ${plan.budgetMs / 1000} s budget`);
  return rows(plan.sizes, results, context.options.quick, store);
}

function rows(sizes: readonly number[], results: JoinRoundResult[][], quick: boolean, store: JoinStore): MeasureRow[] {
  const suffix = store === 'memory' ? '' : `-${store}`;
  const onStore = store === 'memory' ? ' (memory store)' : ' (SQLite store)';
  const costOf = (index: number): number[] => results.map((round) => round[index]?.cpuUsPerJoin ?? NaN);
  const perSize = sizes.map((size, index): MeasureRow => {
    const latency = distribution(results.flatMap((round) => round[index]?.latenciesMs ?? []));
    return {
      id: `join-cost-${size}${suffix}`,
      title: `One person joins a meeting of ${size.toLocaleString('en-US')}${onStore}: server CPU per join`,
      unit: 'µs',
      service: costOf(index).map(round),
      extra: { 'join→roster p50 ms': round(latency.p50), 'join→roster p99 ms': round(latency.p99), joins: latency.n },
      note: 'Server CPU (user + system) from before the first join to after the last, divided by the joins: HTTP, transaction, roster notification and its delivery. Latency: control-API join sent → the bot received the roster `updated` naming the new participant.',
    };
  });
  const largest = sizes.length - 1;
  const scale: MeasureRow = {
    id: `join-scale${suffix}`,
    title: `Join cost, ${sizes[largest]?.toLocaleString('en-US')}-person vs 10-person meeting${onStore}`,
    unit: 'µs',
    service: costOf(largest).map(round),
    baseline: { name: '10-person meeting', values: costOf(0).map(round) },
    target: { kind: 'ratio-max', value: 2, quickMargin: 0.5 },
    note: store === 'sqlite' ? 'A join writes the conference header and its own roster entry; rosters are assembled through a cache keyed by the header stamp (docs/perf/join.md, round 2).' : quick ? 'Quick mode: 1,000 people instead of 10,000; the full run measures 10,000.' : 'Work proportional to the change, not to the roster.',
  };
  return [...perSize, scale];
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
