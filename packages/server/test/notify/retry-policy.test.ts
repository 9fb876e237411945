import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextAttemptAt, retryDelayMs } from '../../src/notify/retry-policy.js';

const middle = () => 0.5;

describe('retry policy', () => {
  it('doubles from 1 s and caps at 60 s', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelayMs(n, middle)), [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });

  it('jitters by ±20 % and never exceeds the cap', () => {
    assert.equal(retryDelayMs(1, () => 0), 800);
    assert.equal(retryDelayMs(1, () => 1), 1200);
    assert.equal(retryDelayMs(7, () => 0), 48000);
    assert.equal(retryDelayMs(7, () => 1), 60000);
  });

  const limits = { callbackMaxAttempts: 3, callbackMaxAgeMs: 10_000 };
  it('retries until the last attempt, then abandons', () => {
    assert.equal(nextAttemptAt({ attempts: 1, createdAt: 0 }, 0, limits, middle), 1000);
    assert.equal(nextAttemptAt({ attempts: 2, createdAt: 0 }, 1000, limits, middle), 3000);
    assert.equal(nextAttemptAt({ attempts: 3, createdAt: 0 }, 3000, limits, middle), undefined);
  });

  it('moves a retry due after the max age up to it, and abandons once the age is reached', () => {
    const aging = { callbackMaxAttempts: 100, callbackMaxAgeMs: 5000 };
    assert.equal(nextAttemptAt({ attempts: 3, createdAt: 0 }, 3000, aging, middle), 5000);
    assert.equal(nextAttemptAt({ attempts: 4, createdAt: 0 }, 5000, aging, middle), undefined);
  });
});
