/**
 * inCallTx reruns a use case that lost an optimistic-concurrency race (another node changed the
 * conference first) from fresh reads, and answers 409 versionConflict only when it keeps losing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callContext, inCallTx } from '../../src/calls/call-context.js';
import { ManualClock } from '../../src/domain/clock.js';
import { DomainError } from '../../src/domain/errors/index.js';
import { graphNotificationFactory } from '../../src/wire/notification-factory.js';
import { MemoryStore } from '../../src/storage/memory/memory-store.js';
import { VersionConflictError } from '../../src/storage/ports.js';
import { Wakeup } from '../../src/runtime/wakeup.js';
import { WorldReader } from '../../src/world/world-reader.js';
import { latencyProfile } from '../../src/calls/latency.js';

function context() {
  const clock = new ManualClock(1);
  const store = new MemoryStore(clock);
  return callContext({ store, clock, world: new WorldReader(store), notifications: graphNotificationFactory, latency: latencyProfile('instant'), wake: { outbox: new Wakeup(), timers: new Wakeup() }, checkCallbackUri: () => {} });
}

describe('inCallTx: optimistic concurrency', () => {
  it('reruns the use case after a version conflict until it wins', async () => {
    const ctx = context();
    let runs = 0;
    const result = await inCallTx(ctx, async (unit) => {
      runs++;
      if (runs < 3) throw new VersionConflictError('conference', 'c1', 1, 2);
      return unit === undefined ? 'no unit' : 'done';
    });
    assert.equal(result, 'done');
    assert.equal(runs, 3);
  });

  it('answers versionConflict when every attempt loses', async () => {
    const ctx = context();
    let runs = 0;
    await assert.rejects(
      inCallTx(ctx, async () => {
        runs++;
        throw new VersionConflictError('conference', 'c1', 1, 2);
      }),
      (error) => error instanceof DomainError && error.id === 'versionConflict',
    );
    assert.equal(runs, 3);
  });

  it('does not rerun other failures', async () => {
    const ctx = context();
    let runs = 0;
    await assert.rejects(
      inCallTx(ctx, async () => {
        runs++;
        throw new Error('not a conflict');
      }),
      /not a conflict/,
    );
    assert.equal(runs, 1);
  });
});
