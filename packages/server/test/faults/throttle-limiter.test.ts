import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ThrottleLimiter } from '../../src/faults/throttle-limiter.js';
import { GRAPH_CALLS_LIMIT, limitOf } from '../../src/faults/throttling-profile.js';

function limiter(requests: number, perSeconds: number, maxRetryAfterSeconds = 60) {
  let now = 1_000_000;
  const it = new ThrottleLimiter({ requests, perSeconds, maxRetryAfterSeconds }, () => now);
  return { take: (key = 'tenant/app') => it.take(key), advance: (ms: number) => (now += ms) };
}

describe('throttle limiter', () => {
  it('lets the limit through, then answers Retry-After until a token is back', () => {
    const l = limiter(3, 15);
    assert.deepEqual([l.take(), l.take(), l.take()], [undefined, undefined, undefined]);
    assert.equal(l.take(), 5, 'one request per 5 s comes back');
    l.advance(5000);
    assert.equal(l.take(), undefined);
  });

  it('keeps one bucket per app and tenant', () => {
    const l = limiter(1, 10);
    assert.equal(l.take('t/a'), undefined);
    assert.equal(l.take('t/b'), undefined);
    assert.equal(l.take('t/a'), 10);
  });

  it('penalises a retry before Retry-After has passed: doubled, capped, reset by a patient retry', () => {
    const l = limiter(1, 4, 20);
    l.take();
    assert.equal(l.take(), 4);
    l.advance(1000);
    assert.equal(l.take(), 8, 'early retry: doubled');
    assert.equal(l.take(), 16);
    assert.equal(l.take(), 20, 'capped');
    l.advance(20_000);
    assert.equal(l.take(), undefined, 'waited the whole Retry-After');
    assert.equal(l.take(), 4, 'penalty reset: back to the plain wait');
  });

  it('is off without a limit, and the graph-calls profile follows the published calls limit', () => {
    assert.equal(new ThrottleLimiter(undefined).take('x'), undefined);
    assert.deepEqual(limitOf({ profile: 'graph-calls' }), { requests: GRAPH_CALLS_LIMIT.requests, perSeconds: 15, maxRetryAfterSeconds: 60 });
    assert.equal(limitOf({ profile: 'graph-calls', limitScale: 0.001 })?.requests, 50);
    assert.deepEqual(limitOf({ profile: 'graph-calls', requests: 2, perSeconds: 1 })?.requests, 2);
    assert.equal(limitOf({ profile: 'off' }), undefined);
  });
});
