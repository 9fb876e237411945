import { after, before, describe, it } from 'node:test';
import { actionScenarioTests } from './support/action-flow.js';
import { loadFixture, VERSIONS } from './support/fixtures.js';
import { buildCallsTestApp, type CallsTestApp } from './support/graph-app.js';
import { REDIRECT_ALLOWANCES } from './support/allowances.js';
import { ConformanceCheck } from './support/shape.js';

describe('conformance: redirect (call-redirect)', () => {
  const check = new ConformanceCheck(REDIRECT_ALLOWANCES);
  let t: CallsTestApp;
  before(async () => {
    t = await buildCallsTestApp();
  });
  after(() => t.close());

  for (const version of VERSIONS) {
    for (const scenario of loadFixture(version, 'call-redirect').scenarios) actionScenarioTests(() => t, check, version, scenario);
  }

  it('needs every difference it lists', () => check.assertAllUsed());
});
