import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildCall } from '../wire/support/domain.js';
import { loadFixture, only, VERSIONS } from './support/fixtures.js';
import { bodyOrNull, buildCallsTestApp, sendFixtureRequest, type CallsTestApp } from './support/graph-app.js';
import { assertHeadersConform } from './support/headers.js';

describe('conformance: keepAlive (call-keepalive)', () => {
  let t: CallsTestApp;
  before(async () => {
    t = await buildCallsTestApp();
  });
  after(() => t.close());

  for (const version of VERSIONS) {
    const scenario = only(loadFixture(version, 'call-keepalive').scenarios, 'scenario');
    it(`${version}: 200 without a body`, async () => {
      const expected = only(scenario.responses, 'response');
      const call = t.calls.add(buildCall({ id: `keep-alive-${version}`, state: 'established' }));
      const response = await sendFixtureRequest(t, only(scenario.requests, 'request'), call.id);
      assert.equal(response.statusCode, expected.status);
      assertHeadersConform(version, expected.headers, response.headers);
      assert.equal(bodyOrNull(response), expected.body);
    });

    it(`${version}: 404 once the call has ended (documented error)`, async () => {
      const call = t.calls.add(buildCall({ id: `ended-${version}`, state: 'terminated' }));
      const response = await sendFixtureRequest(t, only(scenario.requests, 'request'), call.id);
      assert.equal(response.statusCode, 404);
    });
  }
});
