import { after, before, describe, it } from 'node:test';
import { actionScenarioTests } from './support/action-flow.js';
import { loadFixture, VERSIONS } from './support/fixtures.js';
import { buildCallsTestApp, type CallsTestApp } from './support/graph-app.js';
import { ConformanceCheck, type Allowance } from './support/shape.js';

/** Redirect (call-redirect) and the notifications around it: documented differences. */
const ALLOWANCES: Allowance[] = [
  { path: 'value[].callbackUri', kind: 'extra', reason: 'every notification names the call’s callbackUri, as the create-call examples show' },
  ...['subject', 'callChainId', 'callRoutes', 'requestedModalities', 'mediaConfig', 'chatInfo', 'meetingInfo', 'tenantId', 'resultInfo', 'mediaState', 'toneInfo', 'transcription'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'an incoming call is announced with the whole call resource', where: ['v1.0/example-1 incoming', 'v1.0/example-2 incoming', 'v1.0/example-3 incoming', 'beta/example-1 incoming', 'beta/example-2 incoming', 'beta/example-3 incoming'] }),
  ),
  ...['activeModalities', 'answeredBy', 'meetingCapability', 'ringingTimeoutInSeconds', 'routingPolicies', 'terminationReason'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'beta-only call properties of the whole call resource', where: ['beta/example-1 incoming', 'beta/example-2 incoming', 'beta/example-3 incoming'] }),
  ),
  // The `deleted` notification is the partial call of every state notification (create, delete examples).
  ...['callbackUri', 'source', 'targets', 'tenantId', 'myParticipantId'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'missing', reason: 'the terminated call is notified as a partial call (state, id, direction, result), as for delete', where: ['v1.0/example-1 terminated', 'v1.0/example-2 terminated', 'v1.0/example-3 terminated', 'beta/example-1 terminated', 'beta/example-2 terminated', 'beta/example-3 terminated'] }),
  ),
  { path: 'value[].resourceData.answeredBy', kind: 'missing', reason: 'who answered a redirected PSTN call is not simulated', where: ['v1.0/example-3 terminated', 'beta/example-3 terminated'] },
  ...['region', 'languageId', 'endpointType', 'id'].map((member): Allowance => ({ path: `value[].resourceData.targets[].${member}`, kind: 'missing', reason: 'participantInfo members not simulated' })),
  { path: 'value[].resourceData.source.languageId', kind: 'extra', reason: 'printed null; these examples omit it' },
  { path: 'value[].resourceData.targets[].@odata.type', kind: 'value', reason: 'older examples type targets participantInfo; the schema says invitationParticipantInfo (BEHAVIOR.md §11)' },
  { path: 'value[].resourceData.targets[].identity.applicationInstance', kind: 'missing', reason: 'application instances (PSTN) are not simulated: the bot is its application', where: ['v1.0/example-3 incoming', 'beta/example-3 incoming'] },
  { path: 'value[].resourceData.targets[].identity.application', kind: 'extra', reason: 'application instances (PSTN) are not simulated: the bot is its application', where: ['v1.0/example-3 incoming', 'beta/example-3 incoming'] },
];

describe('conformance: redirect (call-redirect)', () => {
  const check = new ConformanceCheck(ALLOWANCES);
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
