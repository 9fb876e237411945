import assert from 'node:assert/strict';
import { before, after, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { DEMO } from '../../src/world/demo-world.js';
import { useMeetingE2e } from '../e2e/support/meeting-e2e.js';
import { botCertificate } from './certificate.js';
import { graphClientDriver } from './drivers/graph-client.js';
import { msalTokens } from './drivers/msal.js';
import { runScenario } from './scenario.js';

/** msal-node with a registered certificate (PS256 client assertion, x5t#S256), graph-client v3 for Graph. */
describe('clients: msal-node certificate + graph-client v3', () => {
  const { e2e, p } = useMeetingE2e();
  let untrust: () => void = () => {};
  before(() => {
    untrust = e2e.server.trustGlobally();
  });
  after(() => untrust());

  it('runs the whole conformance scenario with a certificate-authenticated token (appidacr 2)', async () => {
    const certificate = await botCertificate();
    await e2e.control.expect(201, 'POST', `/apps/${DEMO.appId}/certificates`, { pem: certificate.certPem, displayName: 'conformance' });
    const tokens = msalTokens(e2e.server.httpsUrl, DEMO.tenantId, DEMO.appId, { clientCertificate: { thumbprintSha256: certificate.thumbprintSha256, privateKey: certificate.keyPem } });
    assert.equal(decodeJwt(await tokens()).appidacr, '2');
    await runScenario({ driver: graphClientDriver('msal-node certificate + graph-client', e2e.server.httpsUrl, tokens), e2e, p });
  });
});
