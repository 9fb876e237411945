import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConfigRun, CpuReading } from '../../scripts/bench/scale-config.js';
import { cpuCeiling, requestCost } from '../../scripts/bench/suite/scale-limit.js';

const reading = (at: number, nodesMs: number, postgresMs: number, loadMs: number, machineBusyMs: number): CpuReading => ({ at, nodesMs, postgresMs, loadMs, machineBusyMs, machineTotalMs: at * 2, loadAverage: 1 });

/** 100 requests in a 10 s window: nodes used 1 s of CPU, PostgreSQL 0.5 s, the generator 0.2 s, the machine 4 s. */
function run(store: ConfigRun['store']): ConfigRun {
  const requests = Array.from({ length: 100 }, (_, index) => ({ op: 'getCall', status: 200, ms: 5, at: index }));
  return {
    name: store === 'sqlite' ? 'sqlite-1' : 'postgres-2', nodes: 2, store, phase: 'done', errors: [], startMs: [], sessions: 10, windowStart: 0, requests, changes: [],
    notifications: { delivered: 0, lastAt: 0 }, cpu: { from: reading(1000, 100, 50, 20, 0), to: reading(11_000, 1100, 550, 220, 4000) },
  };
}

test('CPU per request by party, and what the rest of the machine took', () => {
  const cost = requestCost(run('postgres'));
  assert.deepEqual(cost, { requests: 100, nodesUs: 10_000, postgresUs: 5000, loadUs: 2000, totalUs: 17_000, otherMsPerSecond: 230 });
});

test('SQLite runs bill nothing to PostgreSQL, whatever else the server ran', () => {
  assert.equal(requestCost(run('sqlite'))?.postgresUs, 0);
  assert.equal(requestCost(run('sqlite'))?.otherMsPerSecond, 280);
});

test('the ceiling is the free CPU over the CPU per request', () => {
  const cost = requestCost(run('postgres'))!;
  const ceiling = cpuCeiling(cost, 2);
  assert.equal(Math.round(ceiling.idle * 100) / 100, 117.65, '2,000 ms/s ÷ 17 ms');
  assert.equal(Math.round(ceiling.withOthers * 100) / 100, 104.12, '1,770 ms/s left by other users ÷ 17 ms');
});

test('no CPU readings or no requests: no cost', () => {
  assert.equal(requestCost({ ...run('postgres'), cpu: {} }), undefined);
  assert.equal(requestCost({ ...run('postgres'), requests: [] }), undefined);
});
