import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, webcrypto, X509Certificate } from 'node:crypto';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { decodeJwt } from 'jose';
import { request } from 'undici';
import { loadX509 } from '../../src/tls/x509.js';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const x509 = await loadX509();

/** Real clients, real HTTPS with the generated CA: what a bot developer's code does. */
describe('official clients against a running server', () => {
  let server: TestServer;
  let untrust: () => void;
  before(async () => {
    server = await startTestServer();
    untrust = server.trustGlobally();
  });
  after(async () => {
    untrust();
    await server.close();
  });

  const msal = (auth: Record<string, unknown>) =>
    new ConfidentialClientApplication({
      auth: { clientId: DEMO.appId, authority: `${server.httpsUrl}/${DEMO.tenantId}`, knownAuthorities: [new URL(server.httpsUrl).host], ...auth },
    });
  const scopes = ['https://graph.microsoft.com/.default'];
  const control = async (method: string, path: string, body?: unknown) => {
    const res = await request(`${server.httpsUrl}${path}`, {
      method: method as 'GET',
      dispatcher: server.dispatcher,
      headers: { authorization: `Bearer ${server.deps.adminKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.statusCode, body: (await res.body.json().catch(() => undefined)) as Record<string, unknown> };
  };

  it('msal-node acquires a token with the demo secret', async () => {
    const result = await msal({ clientSecret: DEMO.appSecret }).acquireTokenByClientCredential({ scopes });
    const claims = decodeJwt(result!.accessToken);
    assert.equal(claims.aud, 'https://graph.microsoft.com');
    assert.equal(claims.iss, `https://sts.windows.net/${DEMO.tenantId}/`);
    assert.equal(claims.appid, DEMO.appId);
    assert.equal(claims.appidacr, '1');
    assert.ok((claims.roles as string[]).includes('Calls.JoinGroupCall.All'));
  });

  it('msal-node acquires a token with a registered certificate (PS256, x5t#S256)', async () => {
    const { certPem, keyPem } = await selfSignedCertificate();
    const added = await control('POST', `/_switchboard/apps/${DEMO.appId}/certificates`, { pem: certPem, displayName: 'e2e' });
    assert.equal(added.status, 201);
    const thumbprintSha256 = createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex');
    const result = await msal({ clientCertificate: { thumbprintSha256, privateKey: keyPem } }).acquireTokenByClientCredential({ scopes });
    assert.equal(decodeJwt(result!.accessToken).appidacr, '2');
  });

  it('msal-node surfaces a wrong secret as invalid_client with AADSTS7000215', async () => {
    await assert.rejects(msal({ clientSecret: 'wrong' }).acquireTokenByClientCredential({ scopes }), (error: Error & { errorCode?: string }) => {
      assert.equal(error.errorCode, 'invalid_client');
      assert.match(error.message, /AADSTS7000215/);
      return true;
    });
  });

  it('graph-client gets a Graph-shaped 404 for an unknown call', async () => {
    const result = await msal({ clientSecret: DEMO.appSecret }).acquireTokenByClientCredential({ scopes });
    const client = Client.init({
      authProvider: (done) => done(null, result!.accessToken),
      baseUrl: server.httpsUrl,
      customHosts: new Set([new URL(server.httpsUrl).hostname]),
    });
    await assert.rejects(client.api('/communications/calls/00000000-0000-0000-0000-000000000000').get(), (error: unknown) => {
      assert.ok(error instanceof GraphError);
      assert.equal(error.statusCode, 404);
      assert.equal(error.code, '8522');
      assert.match(String(error.requestId), /^[0-9a-f-]{36}$/);
      return true;
    });
  });

  it('a token minted after consent revoke lacks the role', async () => {
    const path = `/_switchboard/tenants/${DEMO.tenantId}/consents/${DEMO.appId}/permissions/Calls.JoinGroupCall.All`;
    assert.equal((await control('DELETE', path)).status, 204);
    try {
      const fresh = await msal({ clientSecret: DEMO.appSecret }).acquireTokenByClientCredential({ scopes, skipCache: true });
      assert.ok(!((decodeJwt(fresh!.accessToken).roles as string[] | undefined) ?? []).includes('Calls.JoinGroupCall.All'));
    } finally {
      assert.ok([200, 204].includes((await control('PUT', path)).status));
    }
  });
});

async function selfSignedCertificate(): Promise<{ certPem: string; keyPem: string }> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  const signingKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, alg, true, ['sign']);
  const jwk = privateKey.export({ format: 'jwk' });
  const publicKey = await webcrypto.subtle.importKey('jwk', { kty: 'RSA', n: jwk.n, e: jwk.e }, alg, true, ['verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=e2e bot',
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 86_400_000),
    keys: { privateKey: signingKey, publicKey },
    signingAlgorithm: alg,
  });
  return { certPem: cert.toString('pem'), keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}
