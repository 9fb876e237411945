import { after, before, describe, it } from 'node:test';
import { actionScenarioTests } from './support/action-flow.js';
import { loadFixture, VERSIONS } from './support/fixtures.js';
import { buildCallsTestApp, type CallsTestApp } from './support/graph-app.js';
import { ConformanceCheck, type Allowance } from './support/shape.js';

/** Answer (call-answer) and the notifications around it: documented differences. */
const ALLOWANCES: Allowance[] = [
  { path: 'value[].callbackUri', kind: 'extra', reason: 'every notification names the call’s callbackUri, as the create-call examples show' },
  ...['@odata.id', '@odata.etag'].map((member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'missing', reason: 'not sent: the resource is named by resourceUrl and resourceData.id; etags are not modelled' })),
  ...['direction', 'id'].map((member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'state notifications always carry the call id and direction (create-call examples)' })),
  ...['source', 'targets[]', 'source.identity', 'targets[].identity', 'source.identity.user', 'targets[].identity.application'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}.@odata.type`, kind: 'extra', reason: 'we type every complex value; this example leaves some untyped' }),
  ),
  ...['subject', 'callbackUri', 'callChainId', 'callRoutes', 'mediaConfig', 'chatInfo', 'meetingInfo', 'tenantId', 'myParticipantId', 'resultInfo', 'mediaState', 'toneInfo', 'transcription'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'an incoming call is announced with the whole call resource (redirect examples show most of these)' }),
  ),
  ...['activeModalities', 'answeredBy', 'meetingCapability', 'ringingTimeoutInSeconds', 'routingPolicies', 'terminationReason'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'beta-only call properties of the whole call resource', where: ['beta/'] }),
  ),
  { path: 'value[].resourceData.callRoutes[]', kind: 'missing', reason: 'call routing (lookups of forwarded numbers) is not simulated', where: ['beta/example-1'] },
  ...['region', 'languageId'].map((member): Allowance => ({ path: `value[].resourceData.targets[].${member}`, kind: 'missing', reason: 'participantInfo members not simulated', where: ['beta/example-1', 'beta/example-2'] })),
];

describe('conformance: answer (call-answer)', () => {
  const check = new ConformanceCheck(ALLOWANCES);
  let t: CallsTestApp;
  before(async () => {
    t = await buildCallsTestApp();
  });
  after(() => t.close());

  for (const version of VERSIONS) {
    for (const scenario of loadFixture(version, 'call-answer').scenarios) actionScenarioTests(() => t, check, version, scenario);
  }

  it('needs every difference it lists', () => check.assertAllUsed());
});
