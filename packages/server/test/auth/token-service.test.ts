import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { derivedServicePrincipalId } from '../../src/auth/app-token-claims.js';
import type { ClientCredentialsRequest } from '../../src/auth/token-service.js';
import { rejectsWith } from './assertions.js';
import {
  BOT, BOT_ROLES, CONTOSO, FABRIKAM, FOREIGN, LONELY, NOW, TOKEN_ENDPOINT, assertionForm, buildIdentity, clientAssertion, makeCertificate,
  type Identity, type TestCertificate,
} from './fixtures.js';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const CLAIM_NAMES = ['aud', 'iss', 'iat', 'nbf', 'exp', 'aio', 'app_displayname', 'appid', 'appidacr', 'idp', 'idtyp', 'oid', 'rh', 'roles', 'sub', 'tid', 'uti', 'ver', 'wids'];

const secretRequest = (overrides: Partial<ClientCredentialsRequest> & { fields?: Record<string, string> } = {}): ClientCredentialsRequest => ({
  tenant: CONTOSO.id,
  tokenEndpoint: TOKEN_ENDPOINT,
  ...overrides,
  form: { client_id: BOT.appId, client_secret: BOT.secret, grant_type: 'client_credentials', scope: GRAPH_SCOPE, ...overrides.fields },
});

let identity: Identity;
let cert: TestCertificate;

before(async () => {
  cert = await makeCertificate();
  identity = await buildIdentity([cert]);
});

describe('TokenService issues', () => {
  it('answers like Entra and mints a v1.0 Graph app-only token (CLIENTS.md §8)', async () => {
    const response = await identity.tokens.clientCredentials(secretRequest());
    assert.deepEqual(Object.keys(response), ['token_type', 'expires_in', 'ext_expires_in', 'access_token']);
    assert.equal(response.token_type, 'Bearer');
    assert.equal(response.expires_in, 3599);
    assert.equal(response.ext_expires_in, 3599);
    const header = decodeProtectedHeader(response.access_token);
    assert.deepEqual(Object.keys(header), ['typ', 'nonce', 'alg', 'x5t', 'kid']);
    assert.equal(header.alg, 'RS256');
    assert.equal(header.kid, (await identity.keys.activeSigner()).kid);
    assert.equal(header.x5t, header.kid);
    const claims = decodeJwt(response.access_token);
    assert.deepEqual(Object.keys(claims), CLAIM_NAMES);
    const iat = Math.floor(NOW / 1000);
    assert.deepEqual(
      { aud: claims.aud, iss: claims.iss, idp: claims.idp, iat: claims.iat, nbf: claims.nbf, exp: claims.exp, tid: claims.tid, ver: claims.ver, idtyp: claims.idtyp },
      { aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${CONTOSO.id}/`, idp: `https://sts.windows.net/${CONTOSO.id}/`, iat, nbf: iat, exp: iat + 3599, tid: CONTOSO.id, ver: '1.0', idtyp: 'app' },
    );
    assert.deepEqual({ appid: claims.appid, appidacr: claims.appidacr, oid: claims.oid, sub: claims.sub }, { appid: BOT.appId, appidacr: '1', oid: BOT.spId, sub: BOT.spId });
    assert.equal(claims.app_displayname, 'App 1');
    assert.deepEqual(claims.roles, BOT_ROLES);
  });

  it('issues appidacr 2 for a certificate', async () => {
    const response = await identity.tokens.clientCredentials({
      tenant: CONTOSO.id,
      tokenEndpoint: TOKEN_ENDPOINT,
      form: { ...assertionForm(await clientAssertion(cert)), grant_type: 'client_credentials', scope: GRAPH_SCOPE },
    });
    assert.equal(decodeJwt(response.access_token).appidacr, '2');
  });

  it('issues a token without roles (claim omitted) to an app with no consent in its home tenant', async () => {
    const fields = { client_id: LONELY.appId, client_secret: LONELY.secret };
    const claims = decodeJwt((await identity.tokens.clientCredentials(secretRequest({ fields }))).access_token);
    assert.equal('roles' in claims, false);
    assert.equal(claims.oid, derivedServicePrincipalId(LONELY.appId, CONTOSO.id));
    assert.equal(claims.sub, claims.oid);
  });

  it('accepts the tenant domain and any <resource>/.default, and always mints for Graph', async () => {
    const request = secretRequest({ tenant: 'CONTOSO.test', fields: { scope: 'https://localhost:8443/.default' } });
    const claims = decodeJwt((await identity.tokens.clientCredentials(request)).access_token);
    assert.equal(claims.tid, CONTOSO.id);
    assert.equal(claims.aud, 'https://graph.microsoft.com');
  });

  it('ignores parameters it does not know (msal telemetry, claims, client-request-id)', async () => {
    const fields = { 'x-client-SKU': 'msal.js.node', 'x-ms-lib-capability': 'retry-after, h429', 'client-request-id': 'abc', claims: '{"access_token":{}}' };
    assert.ok((await identity.tokens.clientCredentials(secretRequest({ fields }))).access_token);
  });

});

describe('TokenService across tenants and without client authentication', () => {
  it('gives a cross-tenant app a token where it has consent, and AADSTS700016 where it has none', async () => {
    const fields = { client_id: FOREIGN.appId, client_secret: FOREIGN.secret };
    const claims = decodeJwt((await identity.tokens.clientCredentials(secretRequest({ fields }))).access_token);
    assert.deepEqual({ tid: claims.tid, oid: claims.oid, roles: claims.roles }, { tid: CONTOSO.id, oid: FOREIGN.spId, roles: ['Calls.Initiate.All'] });
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ tenant: FABRIKAM.id, fields })), 'oauthAppNotFound');
    const lonely = { client_id: LONELY.appId, client_secret: LONELY.secret };
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ tenant: FABRIKAM.id, fields: lonely })), 'oauthAppNotFound');
  });

  it('issueAppToken mints without client authentication, by tenant id or domain', async () => {
    const claims = decodeJwt(await identity.tokens.issueAppToken(BOT.appId, CONTOSO.domain, '2'));
    assert.deepEqual({ tid: claims.tid, appid: claims.appid, appidacr: claims.appidacr, roles: claims.roles }, { tid: CONTOSO.id, appid: BOT.appId, appidacr: '2', roles: BOT_ROLES });
    await rejectsWith(identity.tokens.issueAppToken(BOT.appId, FABRIKAM.id, '1'), 'oauthAppNotFound');
  });

  it('mints tokens the verifier accepts', async () => {
    const { access_token: token } = await identity.tokens.clientCredentials(secretRequest());
    const caller = await identity.verifier.verify(`Bearer ${token}`);
    assert.deepEqual({ appId: caller.appId, tenantId: caller.tenantId, roles: caller.roles }, { appId: BOT.appId, tenantId: CONTOSO.id, roles: BOT_ROLES });
  });
});

describe('TokenService refuses', () => {
  it('answers tenant problems with Entra codes', async () => {
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ tenant: 'common' })), 'oauthCommonTenant');
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ tenant: 'consumers' })), 'oauthCommonTenant');
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ tenant: 'organizations' })), 'oauthNoTenantInformation');
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ tenant: '99999999-9999-4999-8999-999999999999' })), 'oauthTenantNotFound');
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ tenant: 'unknown.example' })), 'oauthTenantNotFound');
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ tenant: 'authorize' })), 'oauthTenantMalformed');
  });

  it('requires one <resource>/.default scope', async () => {
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ fields: { scope: 'https://graph.microsoft.com/Calls.Initiate.All' } })), 'oauthScopeNotDefault');
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ fields: { scope: `${GRAPH_SCOPE} https://other/.default` } })), 'oauthInvalidScope');
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ fields: { scope: '/.default' } })), 'oauthInvalidScope');
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ fields: { scope: '' } })), 'invalidRequest');
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ fields: { scope: '', resource: 'https://graph.microsoft.com' } })), 'oauthResourceParameter');
  });

  it('supports only client_credentials', async () => {
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ fields: { grant_type: 'password' } })), 'oauthUnsupportedGrantType');
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ fields: { grant_type: '' } })), 'invalidRequest');
  });

  it('answers an unknown client with AADSTS700016 and a bad secret with AADSTS7000215', async () => {
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ fields: { client_id: '12345678-0000-4000-8000-000000000000' } })), 'oauthAppNotFound');
    await rejectsWith(identity.tokens.clientCredentials(secretRequest({ fields: { client_secret: 'nope' } })), 'oauthInvalidSecret');
  });
});
