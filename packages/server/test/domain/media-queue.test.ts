import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bargeIn, cancelAll, EMPTY_MEDIA_QUEUE, enqueue, finishHead, nextTone } from '../../src/domain/calls/media-queue.js';

describe('media queue (domain)', () => {
  it('runs FIFO: the first entry starts, the next starts when the head finishes', () => {
    const one = enqueue(EMPTY_MEDIA_QUEUE, { operationId: 'a', durationMs: 1 });
    assert.equal(one.started?.operationId, 'a');
    const two = enqueue(one.queue, { operationId: 'b', durationMs: 1 });
    assert.equal(two.started, undefined, 'b waits behind a');
    const next = finishHead(two.queue, 'a');
    assert.deepEqual([next.started?.operationId, next.queue.entries.length], ['b', 1]);
    assert.deepEqual(finishHead(next.queue, 'a'), { queue: next.queue, cancelled: [] }, 'a stale finish changes nothing');
  });

  it('barge-in interrupts the running head; cancelAll drops everything head first', () => {
    const queue = enqueue(enqueue(EMPTY_MEDIA_QUEUE, { operationId: 'a' }).queue, { operationId: 'b' }).queue;
    const barged = bargeIn(queue, { operationId: 'r' });
    assert.deepEqual([barged.started?.operationId, barged.cancelled, barged.queue.entries.map((e) => e.operationId)], ['r', ['a'], ['r', 'b']]);
    assert.deepEqual(cancelAll(barged.queue).cancelled, ['r', 'b']);
    assert.deepEqual(nextTone({ lastSequenceId: 1 }), { lastSequenceId: 2 });
  });
});
