import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, parseDuration } from '../../src/simulation/duration.js';

describe('scenario durations', () => {
  it('reads the units people write', () => {
    const cases: [string | number, number][] = [['500ms', 500], ['2s', 2000], ['1m30s', 90_000], ['1h', 3_600_000], ['1m', 60_000], ['1.5s', 1500], ['0s', 0], ['2m0s', 120_000], ['1h2m3s4ms', 3_723_004], [3, 3000], [0.25, 250]];
    for (const [text, ms] of cases) assert.equal(parseDuration(text), ms, String(text));
  });

  it('rejects what is not a duration', () => {
    for (const text of ['', 'soon', '2', '5x', '1s1m', '-2s', 'ms', ' s', '1 m']) assert.equal(parseDuration(text), undefined, text);
    assert.equal(parseDuration(-1), undefined);
  });

  it('formats milliseconds back for run logs', () => {
    assert.equal(formatDuration(0), '0ms');
    assert.equal(formatDuration(500), '500ms');
    assert.equal(formatDuration(2000), '2s');
    assert.equal(formatDuration(90_500), '1m30.5s');
    assert.equal(formatDuration(120_000), '2m');
  });
});
