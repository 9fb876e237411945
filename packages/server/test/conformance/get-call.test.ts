import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contextFragment, loadFixture, only, VERSIONS } from './support/fixtures.js';
import { bodyOrNull, buildCallsTestApp, sendFixtureRequest, type CallsTestApp } from './support/graph-app.js';
import { assertHeadersConform } from './support/headers.js';
import { callLike } from './support/like-fixture.js';
import { GET_CALL_ALLOWANCES } from './support/allowances.js';
import { ConformanceCheck } from './support/shape.js';

describe('conformance: get call (call-get)', () => {
  const check = new ConformanceCheck(GET_CALL_ALLOWANCES);
  let t: CallsTestApp;
  before(async () => {
    t = await buildCallsTestApp();
  });
  after(() => t.close());

  for (const version of VERSIONS) {
    for (const scenario of loadFixture(version, 'call-get').scenarios) {
      const label = `${version}/${scenario.name}`;
      it(`${label}: response`, async () => {
        const expected = only(scenario.responses, 'response');
        const call = t.calls.add(callLike(expected.body as Record<string, unknown>));
        const response = await sendFixtureRequest(t, only(scenario.requests, 'request'), call.id);
        assert.equal(response.statusCode, expected.status);
        assertHeadersConform(label, expected.headers, response.headers);
        const body = bodyOrNull(response) as Record<string, unknown>;
        check.compare(`${label} response`, expected.body, body);
        // A read names the path it was made on; beta's example 1 shows #app/calls/$entity there,
        // a leftover of the legacy alias (BEHAVIOR.md §1) that the v1.0 examples do not have.
        assert.equal(contextFragment(body['@odata.context']), '#communications/calls/$entity');
      });
    }
  }

  it('needs every difference it lists', () => check.assertAllUsed());
});
