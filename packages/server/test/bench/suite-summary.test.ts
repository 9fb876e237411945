import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spread, summarise, verdict } from '../../scripts/bench/suite/summary.js';
import { markdown, regressions, type SuiteReport } from '../../scripts/bench/suite/report.js';
import { parseSuiteOptions, UsageError } from '../../scripts/bench/suite/suite-options.js';

test('spread: median of odd and even counts, NaN ignored', () => {
  assert.deepEqual(spread([3, 1, 2]), { median: 2, min: 1, max: 3 });
  assert.deepEqual(spread([4, 1, NaN, 2, 3]), { median: 2.5, min: 1, max: 4 });
  assert.ok(Number.isNaN(spread([]).median));
});

test('ratios are per round, then the median', () => {
  // Round 2 is a slow round for both sides: its ratio is still 0.5.
  const row = summarise({ id: 'x', title: 'x', unit: 'req/s', service: [10, 4, 12], baseline: { name: 'fastify', values: [20, 8, 20] }, target: { kind: 'ratio-min', value: 0.55, quickMargin: 0.2 } });
  assert.equal(row.ratio?.median, 0.5);
  assert.equal(row.ratio?.max, 0.6);
  assert.equal(row.target?.met, false);
  assert.equal(row.target?.withinQuickMargin, true);
});

test('verdicts for every target kind, with and without the quick margin', () => {
  const at = (median: number) => ({ median, min: median, max: median });
  assert.deepEqual(verdict({ kind: 'max', value: 20, quickMargin: 0.5 }, at(25), undefined), { met: false, withinQuickMargin: true });
  assert.deepEqual(verdict({ kind: 'max', value: 20, quickMargin: 0.5 }, at(31), undefined), { met: false, withinQuickMargin: false });
  assert.deepEqual(verdict({ kind: 'ratio-max', value: 2, quickMargin: 0 }, at(1), at(1.9)), { met: true, withinQuickMargin: true });
  assert.deepEqual(verdict({ kind: 'min', value: 5, quickMargin: 0.1 }, at(4), undefined), { met: false, withinQuickMargin: false });
  assert.deepEqual(verdict({ kind: 'ratio-min', value: 0.7, quickMargin: 0.3 }, at(1), undefined), { met: false, withinQuickMargin: false });
});

test('a quick floor replaces the margin for targets not met yet', () => {
  const at = (median: number) => ({ median, min: median, max: median });
  assert.deepEqual(verdict({ kind: 'ratio-min', value: 0.7, quickMargin: 0.3, quickFloor: 0.2 }, at(1), at(0.25)), { met: false, withinQuickMargin: true });
  assert.deepEqual(verdict({ kind: 'ratio-min', value: 0.7, quickMargin: 0.3, quickFloor: 0.2 }, at(1), at(0.15)), { met: false, withinQuickMargin: false });
  assert.deepEqual(verdict({ kind: 'max', value: 20, quickMargin: 0.5, quickFloor: 100 }, at(90), undefined), { met: false, withinQuickMargin: true });
  // A latency guarded on its level or on its ratio to the in-run baseline: either keeps CI green.
  const latency = { kind: 'max', value: 20, quickMargin: 0.5, quickFloor: 60, quickRatioMax: 25 } as const;
  assert.deepEqual(verdict(latency, at(62), at(8)), { met: false, withinQuickMargin: true });
  assert.deepEqual(verdict(latency, at(62), at(30)), { met: false, withinQuickMargin: false });
  assert.deepEqual(verdict(latency, at(50), at(30)), { met: false, withinQuickMargin: true });
  assert.deepEqual(verdict(latency, at(62), undefined), { met: false, withinQuickMargin: false });
});

test('the report lists regressions only beyond the margin and renders every row', () => {
  const rows = [
    summarise({ id: 'a', title: 'GET a', unit: 'req/s', service: [5], baseline: { name: 'fastify', values: [10] }, target: { kind: 'ratio-min', value: 0.7, quickMargin: 0.3 } }),
    summarise({ id: 'b', title: 'GET b', unit: 'req/s', service: [4], baseline: { name: 'fastify', values: [10] }, target: { kind: 'ratio-min', value: 0.7, quickMargin: 0.3 } }),
  ];
  const report: SuiteReport = { startedAt: 'now', seconds: 1, mode: 'quick', rounds: 1, pinned: false, machine: { cpus: 2, model: 'cpu', memoryGiB: 1, os: 'os', node: 'v20' }, rows, failures: [] };
  assert.deepEqual(regressions(report).map((row) => row.id), ['b']);
  const table = markdown(report);
  assert.match(table, /\| GET a \| req\/s \| 5 \[5–5\] \| fastify: 10 \[10–10\] \| 0\.5 \[0\.5–0\.5\] \| ≥ 0\.7×: missed \(within margin\) \(quick guard ±30 %\) \|/);
  assert.match(table, /GET b .*\*\*missed\*\*/);
});

test('options: quick defaults, bounds, unknown flags', () => {
  const quick = parseSuiteOptions(['--quick'], '/tmp');
  assert.ok(quick !== 'help');
  assert.equal(quick.rounds, 3);
  assert.equal(quick.maxSeconds, 90);
  assert.throws(() => parseSuiteOptions(['--rounds', '0'], '/tmp'), UsageError);
  assert.throws(() => parseSuiteOptions(['--bogus'], '/tmp'));
});
