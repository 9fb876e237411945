import { before, after, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { useMeetingE2e } from '../e2e/support/meeting-e2e.js';
import { graphClientDriver } from './drivers/graph-client.js';
import { msalTokens } from './drivers/msal.js';
import { runScenario } from './scenario.js';

/** msal-node (client secret) for the token, `@microsoft/microsoft-graph-client` v3 for Graph, over HTTPS with the local CA. */
describe('clients: msal-node secret + graph-client v3', () => {
  const { e2e, p } = useMeetingE2e();
  let untrust: () => void = () => {};
  before(() => {
    untrust = e2e.server.trustGlobally();
  });
  after(() => untrust());

  it('runs the whole conformance scenario', async () => {
    const tokens = msalTokens(e2e.server.httpsUrl, DEMO.tenantId, DEMO.appId, { clientSecret: DEMO.appSecret });
    await runScenario({ driver: graphClientDriver('msal-node secret + graph-client', e2e.server.httpsUrl, tokens), e2e, p });
  });
});
