/**
 * Issue 9, HTTP rows: Graph requests against Switchboard (SQLite store, real bearer token) versus
 * a bare Fastify baseline serving the same bytes, interleaved round by round in the same run.
 * `SWITCHBOARD_BENCH_HTTP_PROFILE=<dir>` runs the Switchboard child with --cpu-prof into <dir>.
 * `SWITCHBOARD_BENCH_HTTP_ROWS=get-participant,get-call` keeps only those rows of a full run (and
 * skips joining the 1,000-guest crowd unless its row is kept): an A/B of one row in minutes.
 */
import { startBaseline, type BaselineServer } from './baseline-process.js';
import { processCpuMs } from './baseline-cpu.js';
import { limitSide, muteLimitRow, startMuteLimit, type LimitChild } from './http-limit.js';
import { interleave, median, rotate, type Interleaved, type RunPlan, type Side } from './http-rounds.js';
import { getCallRow, getParticipantRow, listParticipantsRow, muteRow, type HttpRowSpec } from './http-rows.js';
import { setUpFixture, type HttpFixture } from './http-setup.js';
import { generatorName } from './load-generator.js';
import { canPin, pinProcess, SERVER_CPU } from './load-pin.js';
import type { BenchContext, Measure, MeasureRow } from './measure.js';

const THROUGHPUT_CONNECTIONS = 50;
const LATENCY_CONNECTIONS = 10;
const CROWD = 1000;
const SAMPLE_TIMEOUT_MS = 30_000;

export const httpMeasure: Measure = {
  id: 'http',
  title: 'Graph HTTP requests vs bare Fastify (throughput, p99, CPU per request)',
  quick: true,
  run: measureHttp,
};

/** Quick: two rows, 1 s per side, half-second warm-up, to stay within its 15 s. */
function planFor(context: BenchContext, connections: number): RunPlan {
  const { options, signal } = context;
  const pin = canPin(options.pin);
  if (options.quick) return { rounds: Math.min(options.rounds, 3), seconds: Math.min(options.seconds, 1), warmUpSeconds: 0.5, connections, pin, signal };
  return { rounds: options.rounds, seconds: options.seconds, warmUpSeconds: 1, connections, pin, signal };
}

async function measureHttp(context: BenchContext): Promise<MeasureRow[]> {
  const { options, tmpDir, signal } = context;
  const only = process.env.SWITCHBOARD_BENCH_HTTP_ROWS?.split(',').map((id) => id.trim());
  const crowd = options.quick || (only && !only.includes('get-participants-1000')) ? 0 : CROWD;
  const fixture = await setUpFixture({ tmpDir, muteCalls: options.quick ? 24 : 50, crowd, signal, cpuProfDir: process.env.SWITCHBOARD_BENCH_HTTP_PROFILE });
  let baseline: BaselineServer | undefined;
  let limit: LimitChild | undefined;
  try {
    const specs = await rowSpecs(fixture, options.quick, only);
    baseline = await startBaseline(tmpDir, specs.flatMap((spec) => spec.routes), SAMPLE_TIMEOUT_MS);
    const plan = planFor(context, THROUGHPUT_CONNECTIONS);
    if (plan.pin) for (const pid of [fixture.server.pid, baseline.pid]) pinProcess(pid, SERVER_CPU);
    context.log(`generator ${generatorName()}${plan.pin ? ', pinned' : ''}; ${plan.rounds} rounds × ${plan.seconds} s per side`);
    const rows: MeasureRow[] = [];
    for (const spec of specs) {
      context.log(spec.id);
      // Quick (the CI guard, 60 s for the whole suite) keeps its two sides: the limit row has no target.
      if (spec.id !== 'post-mute' || options.quick) {
        rows.push(toRow(spec, await interleave(serviceSide(fixture, spec), baselineSide(baseline, spec), plan), plan));
        continue;
      }
      limit = await startMuteLimit(fixture, tmpDir, plan.pin);
      const [fastify, service, limitRuns] = await rotate([baselineSide(baseline, spec), serviceSide(fixture, spec), limitSide(limit, spec)], plan);
      rows.push(toRow(spec, { service: service!, baseline: fastify! }, plan), muteLimitRow({ service: service!, limit: limitRuns!, fastify: fastify! }, plan));
    }
    if (!options.quick && !only) await addLowLoadLatency(context, fixture, baseline, specs[0]!, rows[0]!);
    return rows;
  } finally {
    await limit?.stop();
    await baseline?.stop();
    await fixture.close();
  }
}

async function rowSpecs(fixture: HttpFixture, quick: boolean, only: string[] | undefined): Promise<HttpRowSpec[]> {
  if (quick) return [await getParticipantRow(fixture), muteRow(fixture)];
  const wanted = (id: string): boolean => !only || only.includes(id);
  const specs: HttpRowSpec[] = [];
  if (wanted('get-participant')) specs.push(await getParticipantRow(fixture));
  if (wanted('get-call')) specs.push(await getCallRow(fixture));
  if (wanted('get-participants-1000')) specs.push(await listParticipantsRow(fixture, CROWD));
  if (wanted('post-mute')) specs.push(muteRow(fixture));
  return specs;
}

/**
 * Rows that change state wait for Switchboard's outbox to drain before reading its CPU time, so
 * CPU per request includes delivering the notifications the requests caused.
 */
function serviceSide(fixture: HttpFixture, spec: HttpRowSpec): Side {
  const pid = fixture.server.pid;
  const drainedCpu = async (): Promise<number> => (await fixture.server.sample(SAMPLE_TIMEOUT_MS)).cpuBeforeGcMs;
  return {
    port: fixture.port,
    headers: { authorization: `Bearer ${fixture.token}` },
    streams: spec.streams,
    cpuAtStart: async () => (spec.countNotifications ? drainedCpu() : processCpuMs(pid)),
    cpuAtEnd: async () => (spec.countNotifications ? drainedCpu() : processCpuMs(pid)),
    ...(spec.countNotifications ? { events: () => fixture.receiver.counts.notifications } : {}),
  };
}

function baselineSide(baseline: BaselineServer, spec: HttpRowSpec): Side {
  const cpu = async (): Promise<number> => processCpuMs(baseline.pid);
  return { port: baseline.port, headers: { authorization: 'Bearer x' }, streams: spec.streams, cpuAtStart: cpu, cpuAtEnd: cpu };
}

const fixed = (value: number, digits: number): number => Number(value.toFixed(digits));

function toRow(spec: HttpRowSpec, runs: Interleaved, plan: RunPlan): MeasureRow {
  const extra: Record<string, number | string> = {
    generator: `${runs.service[0]?.generator ?? generatorName()}${plan.pin ? ' (pinned)' : ''}`,
    connections: plan.connections,
    'p99 ms': fixed(median(runs.service.map((run) => run.p99Ms)), 2),
    'baseline p99 ms': fixed(median(runs.baseline.map((run) => run.p99Ms)), 2),
    'CPU µs/req': fixed(median(runs.service.map((run) => run.cpuUsPerRequest)), 1),
    'baseline CPU µs/req': fixed(median(runs.baseline.map((run) => run.cpuUsPerRequest)), 1),
  };
  if (spec.countNotifications) extra['notifications/req'] = fixed(median(runs.service.map((run) => run.eventsPerRequest ?? NaN)), 3);
  return {
    id: spec.id,
    title: spec.title,
    unit: 'req/s',
    service: runs.service.map((run) => Math.round(run.perSecond)),
    baseline: { name: spec.baselineName, values: runs.baseline.map((run) => Math.round(run.perSecond)) },
    ...(spec.target ? { target: spec.target } : {}),
    extra,
    note: spec.note,
  };
}

/** p99 at 10 connections (PERF-BASELINES.md: at 50 the p99 mostly measures queueing). */
async function addLowLoadLatency(context: BenchContext, fixture: HttpFixture, baseline: BaselineServer, spec: HttpRowSpec, row: MeasureRow): Promise<void> {
  context.log(`${spec.id}: p99 at ${LATENCY_CONNECTIONS} connections`);
  const plan = { ...planFor(context, LATENCY_CONNECTIONS), warmUpSeconds: 0 };
  const runs = await interleave(serviceSide(fixture, spec), baselineSide(baseline, spec), plan);
  row.extra = {
    ...row.extra,
    [`p99 ms @${LATENCY_CONNECTIONS}`]: fixed(median(runs.service.map((run) => run.p99Ms)), 2),
    [`baseline p99 ms @${LATENCY_CONNECTIONS}`]: fixed(median(runs.baseline.map((run) => run.p99Ms)), 2),
  };
}
