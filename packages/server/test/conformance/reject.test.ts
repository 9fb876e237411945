import { after, before, describe, it } from 'node:test';
import { actionScenarioTests } from './support/action-flow.js';
import { loadFixture, VERSIONS } from './support/fixtures.js';
import { buildCallsTestApp, type CallsTestApp } from './support/graph-app.js';
import { ConformanceCheck, type Allowance } from './support/shape.js';

/** Reject (call-reject) and the notifications around it: documented differences. */
const ALLOWANCES: Allowance[] = [
  { path: 'value[].callbackUri', kind: 'extra', reason: 'every notification names the call’s callbackUri, as the create-call examples show' },
  { path: 'value[].resourceData.@odata.id', kind: 'missing', reason: 'not sent: the resource is named by resourceUrl and resourceData.id' },
  ...['state', 'direction', 'id'].map((member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'the `deleted` notification carries state terminated, id and direction like the redirect and delete examples', where: ['v1.0/example-2 deleted', 'beta/example-2 deleted'] })),
  ...['source', 'targets[]', 'source.identity', 'targets[].identity', 'source.identity.user', 'targets[].identity.application'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}.@odata.type`, kind: 'extra', reason: 'we type every complex value; this example leaves some untyped' }),
  ),
  ...['subject', 'callbackUri', 'callChainId', 'callRoutes', 'mediaConfig', 'chatInfo', 'meetingInfo', 'tenantId', 'myParticipantId', 'resultInfo', 'mediaState', 'toneInfo', 'transcription', 'id'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'an incoming call is announced with the whole call resource (redirect examples show most of these)', where: ['v1.0/example-2 incoming', 'beta/example-2 incoming'] }),
  ),
  ...['activeModalities', 'answeredBy', 'meetingCapability', 'ringingTimeoutInSeconds', 'routingPolicies', 'terminationReason'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'beta-only call properties of the whole call resource', where: ['beta/example-2 incoming'] }),
  ),
  ...['region', 'languageId'].map((member): Allowance => ({ path: `value[].resourceData.targets[].${member}`, kind: 'missing', reason: 'participantInfo members not simulated', where: ['beta/example-2 incoming'] })),
];

describe('conformance: reject (call-reject)', () => {
  const check = new ConformanceCheck(ALLOWANCES);
  let t: CallsTestApp;
  before(async () => {
    t = await buildCallsTestApp();
  });
  after(() => t.close());

  for (const version of VERSIONS) {
    for (const scenario of loadFixture(version, 'call-reject').scenarios) actionScenarioTests(() => t, check, version, scenario);
  }

  it('needs every difference it lists', () => check.assertAllUsed());
});
