import { distribution, type Distribution } from '../stats.js';
import type { StampsByStream } from './callbacks-protocol.js';

/** What one side of a round came to: delivered notifications, their rate and their latency. */
export interface SideResult {
  count: number;
  perSecond: number;
  latency: Distribution;
  /** Server process CPU per notification, µs (enqueue, delivery and logging; or the raw loop). */
  cpuUsPerNotification: number;
}

/**
 * Pairs each stream's k-th stamp with its k-th arrival (a call's notifications arrive in order,
 * one in flight at a time) and throws when a stream got more or fewer than were sent. The rate
 * runs from the first stamp to the last arrival.
 */
export function sideResult(sent: StampsByStream, arrived: StampsByStream, cpuMs: number): SideResult {
  const latencies: number[] = [];
  let first = Infinity;
  let last = -Infinity;
  sent.forEach((stamps, stream) => {
    const arrivals = arrived[stream] ?? [];
    if (arrivals.length !== stamps.length) throw new Error(`stream ${stream}: ${stamps.length} sent, ${arrivals.length} arrived`);
    stamps.forEach((at, k) => latencies.push((arrivals[k] as number) - at));
    first = Math.min(first, stamps[0] ?? Infinity);
    last = Math.max(last, arrivals[arrivals.length - 1] ?? -Infinity);
  });
  const count = latencies.length;
  return { count, perSecond: count / ((last - first) / 1000), latency: distribution(latencies), cpuUsPerNotification: (cpuMs * 1000) / count };
}

/** The offered rate a paced side achieved: stamps per second from its first to its last. */
export function offeredRate(sent: StampsByStream): number {
  const all = sent.flat();
  const span = (all.reduce((a, b) => Math.max(a, b), -Infinity) - all.reduce((a, b) => Math.min(a, b), Infinity)) / 1000;
  return span > 0 ? (all.length - 1) / span : NaN;
}
