import assert from 'node:assert/strict';
import { before, after, describe, it } from 'node:test';
import { ClientSecretCredential } from '@azure/identity';
import type { RequestAdapter } from '@microsoft/kiota-abstractions';
import { createCallFromDiscriminatorValue, serializeCall, type Call, type JoinMeetingIdMeetingInfo } from '@microsoft/msgraph-sdk/models/index.js';
import { createODataErrorFromDiscriminatorValue, type ODataError } from '@microsoft/msgraph-sdk/models/oDataErrors/index.js';
import { DEMO } from '../../src/world/demo-world.js';
import { useMeetingE2e } from '../e2e/support/meeting-e2e.js';
import { kiotaAdapter, kiotaDriver, kiotaRequest } from './drivers/kiota.js';
import { runScenario } from './scenario.js';

const ERRORS = { XXX: createODataErrorFromDiscriminatorValue };
const STANDUP = DEMO.meetings.standup;

/**
 * `@azure/identity` ClientSecretCredential (authorityHost + disableInstanceDiscovery, CLIENTS.md §2)
 * for the token and the Kiota SDK's GraphRequestAdapter for Graph. The credential trusts the local
 * CA through its pipeline's `tlsOptions`; Kiota's fetch through the global dispatcher.
 */
describe('clients: @azure/identity ClientSecretCredential + Kiota msgraph-sdk', () => {
  const { e2e, p } = useMeetingE2e();
  let untrust: () => void = () => {};
  let credential: ClientSecretCredential;
  let adapter: RequestAdapter;
  before(() => {
    untrust = e2e.server.trustGlobally();
    credential = new ClientSecretCredential(DEMO.tenantId, DEMO.appId, DEMO.appSecret, {
      authorityHost: e2e.server.httpsUrl,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: e2e.server.tls.caPem },
    });
    adapter = kiotaAdapter(e2e.server.httpsUrl, credential);
  });
  after(() => untrust());

  it('runs the whole conformance scenario through the adapter', async () => {
    await runScenario({ driver: kiotaDriver('identity + Kiota adapter', adapter, credential), e2e, p });
  });

  it('maps a Graph error onto Kiota\'s ODataError (status, code, request id)', async () => {
    const unknown = kiotaRequest('GET', '/communications/calls/00000000-0000-0000-0000-000000000000', undefined);
    await assert.rejects(adapter.sendNoResponseContent(unknown, ERRORS), (error: ODataError) => {
      assert.equal(error.responseStatusCode, 404);
      assert.equal(error.errorEscaped?.code, '8522');
      assert.match(String(error.errorEscaped?.innerError?.requestId), /^[0-9a-f-]{36}$/);
      return true;
    });
  });

  it('answers the published Call model\'s body (derived-type fields dropped by Kiota) with a Graph 400, not a crash', async () => {
    const meetingInfo: JoinMeetingIdMeetingInfo = { odataType: '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: STANDUP.joinMeetingId, passcode: STANDUP.passcode };
    const call: Call = { odataType: '#microsoft.graph.call', callbackUri: 'https://bot.contoso.com/callback', requestedModalities: ['audio'], mediaConfig: { odataType: '#microsoft.graph.serviceHostedMediaConfig' }, meetingInfo, tenantId: STANDUP.tenantId };
    const info = kiotaRequest('POST', '/communications/calls', undefined);
    info.setContentFromParsable(adapter, 'application/json', call, serializeCall);
    await assert.rejects(adapter.send(info, createCallFromDiscriminatorValue, ERRORS), (error: ODataError) => {
      assert.equal(error.responseStatusCode, 400);
      assert.equal(typeof error.errorEscaped?.message, 'string');
      return true;
    });
  });
});
