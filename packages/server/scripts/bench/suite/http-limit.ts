/**
 * The post-mute row's second baseline (issue 9): the machine's own limit for a durable mute, a
 * bare process doing the least same-shaped work (limit-server.ts: parse, ONE SQLite transaction
 * rewriting a ~1 KB document and appending an outbox row, answer, deliver the row with an undici
 * Pool to the same receiver, delete it after the 2xx). Rounds rotate it with the two other sides.
 */
import type { BenchChild } from './callbacks-processes.js';
import { median, type RunPlan, type Side, type SideRun } from './http-rounds.js';
import type { HttpRowSpec } from './http-rows.js';
import type { HttpFixture } from './http-setup.js';
import { startLimit } from './limit-process.js';
import type { MeasureRow } from './measure.js';
import { SERVER_CPU } from './load-pin.js';

/** About the size of the roster notification a mute causes. */
const NOTIFICATION_BYTES = 600;
const CONCURRENCY = 16;
const TIMEOUT_MS = 30_000;

export type LimitChild = BenchChild<{ port: number }>;

export function startMuteLimit(fixture: HttpFixture, tmpDir: string, pin: boolean): Promise<LimitChild> {
  const receiverBase = fixture.receiver.urlFor(0).replace(/0$/, '');
  return startLimit({ dataDir: tmpDir, receiverBase, concurrency: CONCURRENCY, bodyBytes: NOTIFICATION_BYTES, timeoutMs: TIMEOUT_MS, ...(pin ? { pinCpu: SERVER_CPU } : {}) });
}

/** CPU is read once its outbox has drained, like Switchboard's, so it includes the deliveries. */
export function limitSide(limit: LimitChild, spec: HttpRowSpec): Side {
  const drainedCpu = async (): Promise<number> => {
    await limit.ask({ type: 'drained' }, TIMEOUT_MS);
    return limit.ask<number>({ type: 'cpu' }, TIMEOUT_MS);
  };
  return { port: limit.ready.port, headers: { authorization: 'Bearer x' }, streams: spec.streams, cpuAtStart: drainedCpu, cpuAtEnd: drainedCpu };
}

const fixed = (value: number, digits: number): number => Number(value.toFixed(digits));
const ratios = (a: SideRun[], b: SideRun[]): number[] => a.map((run, i) => run.perSecond / (b[i]?.perSecond ?? NaN));

/** Switchboard against the limit, with the limit's own ratio to bare Fastify in `extra`. */
export function muteLimitRow(runs: { service: SideRun[]; limit: SideRun[]; fastify: SideRun[] }, plan: RunPlan): MeasureRow {
  const limitToFastify = ratios(runs.limit, runs.fastify);
  return {
    id: 'post-mute-limit',
    title: 'POST mute/unmute vs the machine\'s durable limit (req/s)',
    unit: 'req/s',
    service: runs.service.map((run) => Math.round(run.perSecond)),
    baseline: { name: 'bare Fastify + better-sqlite3: 1 tx (1 KB doc + outbox row), undici delivery, delete', values: runs.limit.map((run) => Math.round(run.perSecond)) },
    extra: {
      connections: plan.connections,
      'limit / bare Fastify POST': fixed(median(limitToFastify), 3),
      'limit / bare Fastify per round': limitToFastify.map((ratio) => ratio.toFixed(3)).join(' '),
      'limit CPU µs/req': fixed(median(runs.limit.map((run) => run.cpuUsPerRequest)), 1),
      'limit p99 ms': fixed(median(runs.limit.map((run) => run.p99Ms)), 2),
    },
    note:
      'Same requests, rounds rotated with post-mute\'s two sides. The limit pays what a durable mute cannot avoid: parse, one WAL commit (synchronous=NORMAL) of a ~1 KB document and an outbox row, ' +
      `the answer, one ${NOTIFICATION_BYTES} B POST per row to the same receiver and one more commit deleting it. Its ratio to bare Fastify is the most any durable mute can reach here.`,
  };
}
