import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { BOT, CONTOSO, NOW, assertionForm, clientAssertion, makeCertificate, type Identity, type TestCertificate } from '../auth/fixtures.js';
import { buildIdentityApp } from './identity-app.js';

const HOST = 'localhost:8443';
const FORM = { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8', host: HOST };
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
const secretForm = (extra: Record<string, string> = {}): string =>
  form({ client_id: BOT.appId, scope: GRAPH_SCOPE, grant_type: 'client_credentials', 'x-client-SKU': 'msal.js.node', client_secret: BOT.secret, ...extra });

let app: FastifyInstance;
let identity: Identity;
let cert: TestCertificate;
const tokenUrl = `/${CONTOSO.id}/oauth2/v2.0/token`;
const post = (payload: string, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: tokenUrl, headers: { ...FORM, ...headers }, payload });

before(async () => {
  cert = await makeCertificate();
  ({ app, identity } = await buildIdentityApp([cert]));
  app.post('/v1.0/echo', async (request) => request.body);
  await app.ready();
});
after(() => app.close());

describe('discovery', () => {
  it('serves the v2.0 OpenID configuration with URLs on the dialled host, for the tenant id or its domain', async () => {
    for (const path of [`/${CONTOSO.id}/v2.0/.well-known/openid-configuration`, `/${CONTOSO.domain}/.well-known/openid-configuration`]) {
      const res = await app.inject({ method: 'GET', url: path, headers: { host: HOST } });
      assert.equal(res.statusCode, 200, path);
      const doc = res.json();
      assert.equal(doc.issuer, `http://${HOST}/${CONTOSO.id}/v2.0`);
      assert.equal(doc.token_endpoint, `http://${HOST}/${CONTOSO.id}/oauth2/v2.0/token`);
      assert.equal(doc.jwks_uri, `http://${HOST}/${CONTOSO.id}/discovery/v2.0/keys`);
      assert.deepEqual(doc.token_endpoint_auth_methods_supported, ['client_secret_post', 'private_key_jwt', 'client_secret_basic']);
      assert.ok(doc.authorization_endpoint && doc.end_session_endpoint);
    }
  });

  it("serves /common with Entra's {tenantid} issuer template", async () => {
    const doc = (await app.inject({ method: 'GET', url: '/common/v2.0/.well-known/openid-configuration', headers: { host: HOST } })).json();
    assert.equal(doc.issuer, `http://${HOST}/{tenantid}/v2.0`);
    assert.equal(doc.token_endpoint, `http://${HOST}/common/oauth2/v2.0/token`);
  });

  it('answers an unknown tenant with invalid_tenant AADSTS90002', async () => {
    const res = await app.inject({ method: 'GET', url: '/nowhere.example/v2.0/.well-known/openid-configuration' });
    assert.equal(res.statusCode, 400);
    const body = res.json();
    assert.equal(body.error, 'invalid_tenant');
    assert.deepEqual(body.error_codes, [90002]);
    assert.match(body.error_description, /^AADSTS90002: Tenant 'nowhere.example' not found/);
  });

  it('serves the JWKS on both key paths', async () => {
    const kids = await identity.keys.kids();
    for (const path of [`/${CONTOSO.id}/discovery/v2.0/keys`, '/common/discovery/keys']) {
      const jwks = (await app.inject({ method: 'GET', url: path })).json();
      assert.deepEqual(jwks.keys.map((k: { kid: string }) => k.kid), kids, path);
      assert.ok(jwks.keys[0].x5c[0] && jwks.keys[0].n && jwks.keys[0].x5t);
    }
  });

  it('answers instance discovery with this host as the only alias', async () => {
    const authorize = encodeURIComponent(`https://${HOST}/${CONTOSO.id}/oauth2/v2.0/authorize`);
    const res = await app.inject({ method: 'GET', url: `/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`, headers: { host: HOST } });
    assert.deepEqual(res.json(), {
      tenant_discovery_endpoint: `http://${HOST}/${CONTOSO.id}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: HOST, preferred_cache: HOST, aliases: [HOST] }],
    });
    const missing = await app.inject({ method: 'GET', url: '/common/discovery/instance?api-version=1.1' });
    assert.equal(missing.json().error, 'invalid_instance');
  });
});

describe('token endpoint', () => {
  it("issues a token for msal-node's exact secret body, with client-request-id in the query", async () => {
    const res = await app.inject({ method: 'POST', url: `${tokenUrl}?client-request-id=7d3c1a52-6f0e-4d0c-9a1e-1b2c3d4e5f60`, headers: FORM, payload: secretForm() });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store, no-cache');
    assert.equal(res.headers.pragma, 'no-cache');
    const body = res.json();
    assert.deepEqual({ ...body, access_token: 'x' }, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'x' });
    assert.equal(decodeJwt(body.access_token).appid, BOT.appId);
  });

  it('accepts client_secret_basic', async () => {
    const basic = Buffer.from(`${encodeURIComponent(BOT.appId)}:${encodeURIComponent(BOT.secret)}`).toString('base64');
    const payload = form({ scope: GRAPH_SCOPE, grant_type: 'client_credentials' });
    const res = await post(payload, { authorization: `Basic ${basic}` });
    assert.equal(res.statusCode, 200, res.body);
  });

  it('accepts a client assertion whose aud is the token URL as dialled', async () => {
    const aud = `http://${HOST}${tokenUrl}`;
    const assertion = await clientAssertion(cert, { claims: { aud } });
    const payload = form({ ...assertionForm(assertion), scope: GRAPH_SCOPE, grant_type: 'client_credentials' });
    const res = await post(payload);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(decodeJwt(res.json().access_token).appidacr, '2');
  });

});

describe('token endpoint failures', () => {
  it('answers a bad secret with a 401 Entra body that msal-node parses', async () => {
    const res = await post(secretForm({ client_secret: 'wrong' }), { 'client-request-id': 'corr-42' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.headers['cache-control'], 'no-store, no-cache');
    const body = res.json();
    assert.equal(body.error, 'invalid_client');
    assert.deepEqual(body.error_codes, [7000215]);
    assert.match(body.error_description, /^AADSTS7000215: Invalid client secret provided\..*\r\nTrace ID: .+\r\nCorrelation ID: corr-42\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/s);
    assert.equal(body.timestamp, new Date(NOW).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
    assert.equal(body.error_uri, 'https://login.microsoftonline.com/error?code=7000215');
  });

  it('answers scope and grant problems with 400 and the AADSTS code', async () => {
    const cases: [Record<string, string>, string, number][] = [
      [{ scope: 'https://graph.microsoft.com/Calls.Initiate.All' }, 'invalid_scope', 1002012],
      [{ grant_type: 'authorization_code' }, 'unsupported_grant_type', 70003],
      [{ client_id: '12345678-0000-4000-8000-000000000000' }, 'unauthorized_client', 700016],
    ];
    for (const [fields, error, code] of cases) {
      const res = await post(secretForm(fields));
      assert.equal(res.statusCode, 400, JSON.stringify(fields));
      assert.deepEqual([res.json().error, res.json().error_codes], [error, [code]]);
    }
  });

  it('treats a body that is not a form as no parameters (AADSTS900144), like Entra', async () => {
    const res = await post('grant_type=client_credentials', { 'content-type': 'text/plain' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().error_codes, [900144]);
    assert.match(res.json().error_description, /'grant_type'/);
  });

  it('keeps form parsing out of the other routes', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1.0/echo', headers: FORM, payload: 'a=b' });
    assert.equal(res.statusCode, 415);
  });
});
