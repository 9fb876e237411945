import { distribution, round } from '../stats.js';
import type { BenchContext, Measure, MeasureRow } from './measure.js';
import { callsRound, type CallsPlan, type CallsRoundResult } from './calls-round.js';
import { openJoinSession, roundFits } from './join-session.js';

/**
 * Issue 9: bots joining meetings (create call → `established` at the bot's webhook) per second,
 * and the server's heap per active call and per participant. No in-issue target: reported.
 */
export const CALLS_PLAN: { full: CallsPlan; quick: CallsPlan } = {
  full: { calls: 100, participants: 5000, concurrency: 16, budgetMs: 150_000 },
  quick: { calls: 50, participants: 2000, concurrency: 16, budgetMs: 15_000 },
};

export const callsMeasure: Measure = {
  id: 'calls',
  title: 'Bots joining meetings per second; server memory per call and per participant',
  // No target to guard, and the quick suite's 60 s are better spent on the ratios.
  quick: false,
  run: (context) => measureCalls(context, context.options.quick ? CALLS_PLAN.quick : CALLS_PLAN.full),
};

/** `cpuProfDir`: also write a V8 CPU profile of the server there. */
export async function measureCalls(context: BenchContext, plan: CallsPlan, cpuProfDir?: string): Promise<MeasureRow[]> {
  const session = await openJoinSession(context, plan.budgetMs, plan.concurrency, cpuProfDir);
  const results: CallsRoundResult[] = [];
  try {
    // Warm-up (not reported): JIT, lazy imports, the receiver's connections.
    await callsRound(session, { ...plan, calls: Math.min(plan.calls, 10), participants: 100 });
    const started = performance.now();
    for (let r = 0; r < context.options.rounds; r++) {
      if (!roundFits(session.deadline, started, r)) {
        context.log(`stopping after ${r} rounds: another would not fit in the ${plan.budgetMs / 1000} s budget`);
        break;
      }
      results.push(await callsRound(session, plan));
      const last = results[results.length - 1] as CallsRoundResult;
      context.log(`round ${r + 1}: ${Math.round(last.callsPerSecond)} calls/s, ${round(last.heapPerCallKiB)} KiB/call, ${round(last.heapPerParticipantKiB)} KiB/participant`);
    }
  } finally {
    await session.close();
  }
  if (results.length === 0) throw new Error(`not one round fitted in the ${plan.budgetMs / 1000} s budget`);
  return rows(plan, results);
}

function rows(plan: CallsPlan, results: CallsRoundResult[]): MeasureRow[] {
  const established = distribution(results.flatMap((r) => r.establishedMs));
  const heapNote = 'Server heap used after a forced GC (outbox drained), growth divided by the count; memory store, so it holds the documents, the delivery log and everything else the server keeps.';
  return [
    {
      id: 'calls-per-second',
      title: 'Bots joining meetings (POST /communications/calls → `established` at the bot)',
      unit: 'calls/s',
      service: results.map((r) => round(r.callsPerSecond)),
      extra: { 'POST→established p50 ms': round(established.p50), 'POST→established p99 ms': round(established.p99), calls: plan.calls, concurrency: plan.concurrency },
      note: `${plan.calls} bots per round, one empty meeting each, ${plan.concurrency} requests in flight; from the first POST sent to the last \`established\` received. Memory store, instant latency profile.`,
    },
    {
      id: 'memory-per-call',
      title: 'Server memory per active call (bot in a meeting)',
      unit: 'KiB',
      service: results.map((r) => round(r.heapPerCallKiB)),
      extra: { calls: plan.calls },
      note: `${heapNote} A call here is the leg, its conference and the app's roster entry, and its callbacks' delivery-log entries.`,
    },
    {
      id: 'memory-per-participant',
      title: 'Server memory per meeting participant (simulated person)',
      unit: 'KiB',
      service: results.map((r) => round(r.heapPerParticipantKiB)),
      extra: { participants: plan.participants, meetings: plan.calls },
      note: `${heapNote} People are seeded as one crowd per meeting (one roster version), so this is the roster entry itself, not per-join notifications.`,
    },
  ];
}
