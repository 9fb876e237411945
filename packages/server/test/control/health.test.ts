/**
 * GET /_switchboard/health, the load balancer's check (docs/deployment.md): no admin key, 200
 * while the store answers, 503 once it does not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../helpers/app.js';

describe('health', () => {
  it('answers 200 with the backend while the store works, 503 when it fails', async () => {
    const test = await buildTestApp();
    try {
      const healthy = await test.app.inject({ method: 'GET', url: '/_switchboard/health' });
      assert.equal(healthy.statusCode, 200, healthy.body);
      assert.deepEqual(healthy.json(), { status: 'ok', backend: 'memory' });
      await test.deps.store.close();
      const broken = await test.app.inject({ method: 'GET', url: '/_switchboard/health' });
      assert.equal(broken.statusCode, 503, broken.body);
      assert.equal(broken.json().status, 'unavailable');
    } finally {
      await test.app.close();
    }
  });
});
