import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { finishOperation, startOperation } from '../../src/domain/calls/operations.js';
import { DomainError } from '../../src/domain/errors/index.js';
import { DEMO } from '../../src/world/demo-world.js';
import { buildCall } from '../wire/support/domain.js';
import { buildCallsTestApp, type CallsTestApp } from './support/calls-test-app.js';

describe('operations', () => {
  let t: CallsTestApp;
  const call = buildCall({ id: 'leg-ops', scenario: 'meeting', state: 'established', targets: [] });
  const running = startOperation({ id: 'op-1', callId: call.id, type: 'addLargeGalleryViewOperation', status: 'running', clientContext: 'ctx-1' }, 1000);
  before(async () => {
    t = await buildCallsTestApp();
    t.calls.add(call);
    t.calls.operations.set(running.id, finishOperation(running, { status: 'completed', extra: { participantId: 'gallery-1' } }, 2000));
  });
  after(() => t.close());

  it('serves an operation of the call on both prefixes with its subtype', async () => {
    for (const prefix of ['communications', 'app']) {
      const res = await t.app.inject({ method: 'GET', url: `/v1.0/${prefix}/calls/${call.id}/operations/op-1`, headers: t.auth });
      assert.equal(res.statusCode, 200, prefix);
      const body = res.json();
      assert.equal(body['@odata.type'], '#microsoft.graph.addLargeGalleryViewOperation');
      assert.equal(body.status, 'completed');
      assert.equal(body.clientContext, 'ctx-1');
      assert.equal(body.participantId, 'gallery-1');
      assert.deepEqual(body.resultInfo, { '@odata.type': '#microsoft.graph.resultInfo', code: 200, subcode: 0, message: 'Action completed successfully.' });
    }
  });

  it('answers 404 for an unknown operation and for another app', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: `/beta/communications/calls/${call.id}/operations/nope`, headers: t.auth });
    assert.equal(unknown.statusCode, 404);
    const other = await t.app.inject({ method: 'GET', url: `/v1.0/communications/calls/${call.id}/operations/op-1`, headers: await t.tokenFor(DEMO.limitedAppId) });
    assert.equal(other.statusCode, 404);
  });

  it('refuses a clientContext over 256 characters and a second finish', () => {
    assert.throws(() => startOperation({ id: 'x', callId: 'c', type: 'commsOperation', status: 'completed', clientContext: 'c'.repeat(257) }, 0), (e: unknown) => e instanceof DomainError && e.id === 'clientContextTooLong');
    const done = startOperation({ id: 'y', callId: 'c', type: 'commsOperation', status: 'completed' }, 0);
    assert.throws(() => finishOperation(done, { status: 'completed' }, 1), (e: unknown) => e instanceof DomainError && e.id === 'operationAlreadyFinished');
  });
});
