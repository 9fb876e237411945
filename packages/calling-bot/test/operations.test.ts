import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OperationFailedError, OperationTimeoutError, OperationWaiter, parseNotifications, type OperationEvent } from '../src/index.js';
import { fixture } from './support/fixtures.js';

const operationEvent = (name: string): OperationEvent => {
  const [event] = parseNotifications(fixture(name));
  assert.ok(event && (event.kind === 'operationCompleted' || event.kind === 'operationFailed'));
  return event;
};

describe('OperationWaiter', () => {
  it('resolves when the completion notification arrives (matched by id, any casing)', async () => {
    const waiter = new OperationWaiter();
    const waiting = waiter.wait({ operationId: '0fe0623fd62842edb4bd8ac290072cc5' }, 2000);
    waiter.settle(operationEvent('call-playprompt__3'));
    const done = await waiting;
    assert.equal(done.status, 'completed');
  });

  it('resolves by clientContext when the id is unknown', async () => {
    const waiter = new OperationWaiter();
    const waiting = waiter.wait({ clientContext: 'd45324c1-fcb5-430a-902c-f20af696537c' }, 2000);
    waiter.settle(operationEvent('participant-startholdmusic__3'));
    assert.equal((await waiting).id, '0fe0623f-d628-42ed-b4bd-8ac290072cc5');
  });

  it('resolves a wait that starts after the notification arrived (it can beat the HTTP answer)', async () => {
    const waiter = new OperationWaiter();
    waiter.settle(operationEvent('call-playprompt__3'));
    const done = await waiter.forOperation({ id: '0FE0623FD62842EDB4BD8AC290072CC5', status: 'running' }, 100);
    assert.equal(done.status, 'completed');
  });

  it('rejects with OperationFailedError on a failed operation, carrying resultInfo', async () => {
    const waiter = new OperationWaiter();
    const waiting = waiter.wait({ operationId: '0FE0623FD62842EDB4BD8AC290072CC5' }, 2000);
    waiter.settle(operationEvent('call-cancelmediaprocessing__3'));
    await assert.rejects(waiting, (error: unknown) => error instanceof OperationFailedError && Number(error.resultInfo?.code) === 400);
  });

  it('rejects with OperationTimeoutError when nothing arrives', async () => {
    const waiter = new OperationWaiter();
    const started = Date.now();
    await assert.rejects(waiter.wait({ operationId: 'never' }, 50), OperationTimeoutError);
    assert.ok(Date.now() - started < 1000);
  });

  it('settles at once an operation whose answer is already completed or failed (no notification follows)', async () => {
    const waiter = new OperationWaiter();
    assert.equal((await waiter.forOperation({ id: 'x', status: 'completed' }, 10)).id, 'x');
    await assert.rejects(waiter.forOperation({ id: 'y', status: 'Failed', resultInfo: { code: 500 } }, 10), OperationFailedError);
  });

  it('ignores progress notifications and other operations', async () => {
    const waiter = new OperationWaiter();
    const waiting = waiter.wait({ operationId: 'mine' }, 100);
    const [event] = parseNotifications({
      value: [{ changeType: 'updated', resourceUrl: '/communications/calls/c/operations/mine', resourceData: { id: 'mine', status: 'running' } }],
    });
    if (event?.kind === 'operationUpdated') waiter.settle(event);
    waiter.settle(operationEvent('call-playprompt__3'));
    await assert.rejects(waiting, OperationTimeoutError);
  });
});
