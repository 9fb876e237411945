import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { ConfidentialClientApplication, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import type { FastifyInstance } from 'fastify';
import { Agent, request } from 'undici';
import { createCa, createServerCert } from '../../src/tls/certificate-factory.js';
import { BOT, BOT_ROLES, CONTOSO, makeCertificate, type Identity, type TestCertificate } from '../auth/fixtures.js';
import { buildIdentityApp } from './identity-app.js';

const DAY = 24 * 60 * 60 * 1000;
const SCOPES = ['https://graph.microsoft.com/.default'];

/** msal-node's network module over undici, trusting the throwaway CA (NODE_EXTRA_CA_CERTS is read only at start). */
function trustingNetworkClient(dispatcher: Agent): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const res = await request(url, { method, dispatcher, headers: options?.headers, body: options?.body });
    const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
    return { status: res.statusCode, headers, body: (await res.body.json()) as T };
  };
  return { sendGetRequestAsync: (url, options) => send('GET', url, options), sendPostRequestAsync: (url, options) => send('POST', url, options) };
}

let app: FastifyInstance;
let identity: Identity;
let cert: TestCertificate;
let dispatcher: Agent;
let authority: string;
let knownAuthority: string;
const seen: string[] = [];

const client = (credentials: { clientSecret: string } | { clientCertificate: { thumbprintSha256: string; privateKey: string } }, tenant = CONTOSO.id) =>
  new ConfidentialClientApplication({
    auth: { clientId: BOT.appId, authority: `${authority}/${tenant}`, knownAuthorities: [knownAuthority], ...credentials },
    system: { networkClient: trustingNetworkClient(dispatcher) },
  });

describe('msal-node 7 against the identity routes over HTTPS', () => {
  before(async () => {
    // msal signs assertions with the wall clock, so the service's clock must show the same time.
    const now = Date.now();
    const ca = await createCa(new Date(now));
    const tls = await createServerCert(ca, ['localhost', '127.0.0.1'], new Date(now));
    cert = await makeCertificate(now - DAY, now + DAY);
    ({ app, identity } = await buildIdentityApp([cert], { key: tls.keyPem, cert: tls.certPem }));
    identity.clock.set(now);
    app.addHook('onRequest', async (req) => void seen.push(`${req.method} ${req.url.split('?')[0]}`));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    knownAuthority = `localhost:${port}`;
    authority = `https://${knownAuthority}`;
    dispatcher = new Agent({ connect: { ca: ca.certPem } });
  });
  after(async () => {
    await app.close();
    await dispatcher.close();
  });

  it('acquires a token with a client secret, then serves it from its cache', async () => {
    seen.length = 0;
    const cca = client({ clientSecret: BOT.secret });
    const result = await cca.acquireTokenByClientCredential({ scopes: SCOPES });
    assert.ok(result?.accessToken);
    assert.deepEqual(seen, [`GET /${CONTOSO.id}/v2.0/.well-known/openid-configuration`, `POST /${CONTOSO.id}/oauth2/v2.0/token`]);
    const caller = await identity.verifier.verify(`Bearer ${result.accessToken}`);
    assert.deepEqual([caller.appId, caller.tenantId, caller.roles], [BOT.appId, CONTOSO.id, BOT_ROLES]);
    const again = await cca.acquireTokenByClientCredential({ scopes: SCOPES });
    assert.equal(again?.fromCache, true);
  });

  it('acquires a token with a certificate (PS256 assertion, x5t#S256)', async () => {
    const thumbprintSha256 = Buffer.from(cert.x5tS256, 'base64url').toString('hex');
    const result = await client({ clientCertificate: { thumbprintSha256, privateKey: cert.privateKeyPem } }).acquireTokenByClientCredential({ scopes: SCOPES });
    const caller = await identity.verifier.verify(`Bearer ${result!.accessToken}`);
    assert.equal(caller.claims.appidacr, '2');
  });

  it('accepts the tenant domain in the authority', async () => {
    const result = await client({ clientSecret: BOT.secret }, CONTOSO.domain).acquireTokenByClientCredential({ scopes: SCOPES });
    assert.equal((await identity.verifier.verify(`Bearer ${result!.accessToken}`)).tenantId, CONTOSO.id);
  });

  it("surfaces Entra's error as msal's ServerError", async () => {
    await assert.rejects(client({ clientSecret: 'wrong' }).acquireTokenByClientCredential({ scopes: SCOPES }), (error: { errorCode?: string; errorNo?: string; status?: number }) => {
      assert.equal(error.errorCode, 'invalid_client');
      assert.equal(String(error.errorNo), '7000215');
      assert.equal(error.status, 401);
      return true;
    });
  });
});
