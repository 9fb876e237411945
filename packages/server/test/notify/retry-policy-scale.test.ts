import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextAttemptAt } from '../../src/notify/retry-policy.js';

describe('retry policy under a time scale', () => {
  const limits = { callbackMaxAttempts: 8, callbackMaxAgeMs: 600_000 };

  it('stretches waits and the max age into clock time, so delivery keeps real-time pacing', () => {
    const message = { attempts: 1, createdAt: 0 };
    assert.equal(nextAttemptAt(message, 0, limits, () => 0.5), 1000);
    assert.equal(nextAttemptAt(message, 0, { ...limits, timeScale: 60 }, () => 0.5), 60_000);
  });

  it('abandons only after the max age in real time', () => {
    const message = { attempts: 2, createdAt: 0 };
    assert.notEqual(nextAttemptAt(message, 600_001, { ...limits, timeScale: 60 }), undefined);
    assert.equal(nextAttemptAt(message, 600_000 * 60, { ...limits, timeScale: 60 }), undefined);
  });
});
