import type { PersonJoin } from './phases.js';
import type { BenchReceiver } from './receiver.js';
import type { Measure } from './report.js';
import type { Observations, Sample } from './scenario.js';
import { distribution, micro, ratePerSecond } from './stats.js';

const KiB = 1024;

/** The numbers of a run, from whatever it observed (a failed run yields the measures it got to). */
export function computeMeasures(seen: Observations, receiver: BenchReceiver | undefined, totalSeconds: number): Measure[] {
  const measures: Measure[] = [];
  const add = (...added: Measure[]): void => void measures.push(...added.map((m) => (m.value === undefined ? m : { ...m, value: micro(m.value) })));
  const { meetings, calls, late, samples } = seen;
  if (seen.serverStartMs !== undefined) add({ id: 'server.start', label: 'server start-up (fork → listening, tsx compiling)', unit: 'ms', value: seen.serverStartMs });
  if (meetings.count > 0) {
    add({ id: 'meetings.create.rate', label: 'meetings created (control API)', unit: '1/s', value: ratePerSecond(meetings.count, meetings.firstSentAt, meetings.lastAckAt) });
  }
  if (calls.length > 0) {
    add({ id: 'calls.create.rate', label: 'calls created (201s per second)', unit: '1/s', value: ratePerSecond(calls.length, Math.min(...calls.map((c) => c.sentAt)), Math.max(...calls.map((c) => c.ackAt))) });
    add({ id: 'calls.create.latency', label: 'POST /communications/calls → 201', unit: 'ms', dist: distribution(calls.map((c) => c.ackAt - c.sentAt)) });
  }
  if (receiver && calls.length > 0) {
    const after = (arrivals: Map<string, number>): number[] => calls.flatMap((c) => (arrivals.has(c.callId) ? [(arrivals.get(c.callId) as number) - c.sentAt] : []));
    add({ id: 'calls.established.latency', label: 'POST → `established` at the bot', unit: 'ms', dist: distribution(after(receiver.established)) });
    add({ id: 'calls.firstRoster.latency', label: 'POST → first roster at the bot', unit: 'ms', dist: distribution(after(receiver.firstRoster)) });
  }
  if (late.length > 0) {
    add({ id: 'people.join.latency', label: 'person join (control API) → 201', unit: 'ms', dist: distribution(late.map((p) => p.ackAt - p.sentAt)) });
    add({ id: 'people.join.rate', label: 'late joins per second (achieved)', unit: '1/s', value: ratePerSecond(late.length, Math.min(...late.map((p) => p.sentAt)), Math.max(...late.map((p) => p.ackAt))) });
  }
  if (receiver && late.length > 0) add(...rosterLatency(late, receiver));
  if (samples.base && samples.calls && calls.length > 0) add(...perUnit('call', samples.base, samples.calls, calls.length));
  if (samples.calls && samples.people && late.length > 0) add(...perUnit('late join', samples.calls, samples.people, late.length));
  if (samples.base && samples.people) add(...cpuShares(samples.base, samples.people));
  if (samples.people) {
    add({ id: 'server.heap.end', label: 'server heap used at the end (after GC)', unit: 'MiB', value: samples.people.heapUsed / KiB / KiB });
    add({ id: 'server.rss.end', label: 'server RSS at the end', unit: 'MiB', value: samples.people.rss / KiB / KiB });
  }
  add({ id: 'run.total', label: 'total run time (start-up to shut-down)', unit: 's', value: totalSeconds });
  return measures;
}

function rosterLatency(late: PersonJoin[], receiver: BenchReceiver): Measure[] {
  const arrived = late.flatMap((p) => {
    const seen = receiver.rosterSeen.get(p.participantId);
    return seen ? [{ ...p, at: seen.at }] : [];
  });
  const beforeAck = arrived.filter((p) => p.at < p.ackAt).length;
  return [
    {
      id: 'roster.delivery.fromAck',
      label: 'join acknowledged → roster notification at the bot',
      unit: 'ms',
      dist: distribution(arrived.map((p) => p.at - p.ackAt)),
      ...(beforeAck > 0 ? { note: `${beforeAck} of ${arrived.length} notifications arrived before the join's 201 was read (negative values)` } : {}),
    },
    { id: 'roster.delivery.fromSend', label: 'join sent → roster notification at the bot', unit: 'ms', dist: distribution(arrived.map((p) => p.at - p.sentAt)) },
  ];
}

/** How busy each process was while bots and late people joined: the 2 cores are shared. */
function cpuShares(from: Sample, to: Sample): Measure[] {
  const wall = to.at - from.at;
  const note = 'from the sample before the bots join to the one after the late joins; 100 % = one core';
  return [
    { id: 'cpu.server.share', label: 'server CPU use while measuring', unit: '% of a core', value: ((to.cpuBeforeGcMs - from.cpuAfterGcMs) / wall) * 100, note },
    { id: 'cpu.load.share', label: 'load generator CPU use while measuring', unit: '% of a core', value: ((to.loadCpuMs - from.loadCpuMs) / wall) * 100 },
  ];
}

/** Server memory and CPU between two samples, divided by what was added in between. */
function perUnit(unit: 'call' | 'late join', from: Sample, to: Sample, count: number): Measure[] {
  const id = unit === 'call' ? 'call' : 'lateJoin';
  return [
    { id: `memory.heap.per.${id}`, label: `server heap per ${unit}`, unit: 'KiB', value: (to.heapUsed - from.heapUsed) / count / KiB },
    {
      id: `memory.rss.per.${id}`,
      label: `server RSS per ${unit}`,
      unit: 'KiB',
      value: (to.rss - from.rss) / count / KiB,
      ...(unit === 'call' ? { note: 'RSS moves in allocator-sized steps and can shrink after a GC: below a few hundred calls, trust the heap figure' } : {}),
    },
    { id: `cpu.per.${id}`, label: `server CPU per ${unit}`, unit: 'ms', value: (to.cpuBeforeGcMs - from.cpuAfterGcMs) / count },
  ];
}
