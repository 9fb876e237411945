/**
 * The integration suite really runs on the store it says (SWITCHBOARD_TEST_STORE): this file runs
 * in every pass of test/e2e, so a selection that silently fell back to memory fails here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestServer } from '../helpers/server.js';
import { testStore } from '../helpers/test-backend.js';

describe('e2e: the suite store', () => {
  it(`serves from the ${testStore()} store`, async () => {
    const server = await startTestServer();
    try {
      assert.equal(server.deps.store.backend, testStore() === 'memory' ? 'memory' : testStore());
    } finally {
      await server.close();
    }
  });
});
