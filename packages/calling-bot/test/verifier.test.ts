import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPair, SignJWT, UnsecuredJWT, base64url } from 'jose';
import { CallbackAuthError, CallbackVerifier } from '../src/index.js';
import { APP_ID, TENANT_ID, startOpenIdServer, type OpenIdServer } from './support/openid-server.js';

describe('CallbackVerifier', { timeout: 20_000 }, () => {
  let idp: OpenIdServer;
  let verifier: CallbackVerifier;
  const now = (): number => Math.floor(Date.now() / 1000);

  before(async () => {
    idp = await startOpenIdServer();
    verifier = new CallbackVerifier({ appId: APP_ID, openIdMetadataUrl: idp.metadataUrl, clockToleranceSeconds: 60 });
  });
  after(() => idp.close());

  const rejects = async (authorization: string | undefined, reason: string): Promise<void> => {
    await assert.rejects(verifier.verify(authorization), (error: unknown) => error instanceof CallbackAuthError && error.reason === reason);
  };

  it('accepts a token signed with a published key, returning tenant and app id', async () => {
    const verified = await verifier.verify(`Bearer ${await idp.mint()}`);
    assert.equal(verified.tenantId, TENANT_ID);
    assert.equal(verified.appId, APP_ID);
  });

  it('accepts the other issuer the Microsoft samples accept', async () => {
    const verified = await verifier.verify(`Bearer ${await idp.mint({ iss: 'https://graph.microsoft.com' })}`);
    assert.equal(verified.claims.iss, 'https://graph.microsoft.com');
  });

  it('rejects a missing or malformed Authorization header', async () => {
    await rejects(undefined, 'missing-token');
    await rejects('Basic abc', 'missing-token');
  });

  it('rejects a token forged with another key under the published kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await rejects(`Bearer ${await idp.mint({}, { key: privateKey })}`, 'invalid-token');
  });

  it('rejects an expired token (beyond the skew)', async () => {
    await rejects(`Bearer ${await idp.mint({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 120 })}`, 'invalid-token');
  });

  it('accepts a token expired within the allowed skew', async () => {
    await verifier.verify(`Bearer ${await idp.mint({ exp: now() - 30 })}`);
  });

  it('rejects a token that is not valid yet', async () => {
    await rejects(`Bearer ${await idp.mint({ nbf: now() + 600 })}`, 'invalid-token');
  });

  it('rejects a wrong audience', async () => {
    await rejects(`Bearer ${await idp.mint({ aud: 'another-app' })}`, 'invalid-token');
  });

  it('rejects a wrong issuer', async () => {
    await rejects(`Bearer ${await idp.mint({ iss: 'https://login.microsoftonline.com/x/v2.0' })}`, 'invalid-token');
  });

  it('rejects a token without tid', async () => {
    await rejects(`Bearer ${await idp.mint({ tid: undefined })}`, 'missing-tenant');
  });

  it('rejects a tenant outside the allow-list', async () => {
    const strict = new CallbackVerifier({ appId: APP_ID, openIdMetadataUrl: idp.metadataUrl, tenants: ['11111111-2222-3333-4444-555555555555'] });
    await assert.rejects(strict.verify(`Bearer ${await idp.mint()}`), (error: unknown) => error instanceof CallbackAuthError && error.reason === 'tenant-not-allowed');
    const allowed = new CallbackVerifier({ appId: APP_ID, openIdMetadataUrl: idp.metadataUrl, tenants: [TENANT_ID] });
    assert.equal((await allowed.verify(`Bearer ${await idp.mint()}`)).tenantId, TENANT_ID);
  });

  it('rejects alg none', async () => {
    const unsecured = new UnsecuredJWT({ aud: APP_ID, iss: 'https://api.botframework.com', tid: TENANT_ID }).setIssuedAt().setExpirationTime('1h').encode();
    await rejects(`Bearer ${unsecured}`, 'invalid-token');
  });

  it('rejects an HS256 token, whatever its secret', async () => {
    const secret = new TextEncoder().encode(base64url.encode('not-the-rsa-key-but-a-symmetric-one'));
    const hs = await new SignJWT({ aud: APP_ID, iss: 'https://api.botframework.com', tid: TENANT_ID })
      .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret);
    await rejects(`Bearer ${hs}`, 'invalid-token');
  });

  it('caches the OpenID metadata across verifications', async () => {
    const fresh = new CallbackVerifier({ appId: APP_ID, openIdMetadataUrl: idp.metadataUrl });
    const before = idp.metadataHits();
    await fresh.verify(`Bearer ${await idp.mint()}`);
    await fresh.verify(`Bearer ${await idp.mint()}`);
    assert.equal(idp.metadataHits() - before, 1);
  });

  it('does not cache a failed metadata load', async () => {
    let calls = 0;
    const flaky = ((url: string, init?: RequestInit) => (++calls === 1 ? Promise.reject(new Error('network down')) : fetch(url, init))) as typeof fetch;
    const recovering = new CallbackVerifier({ appId: APP_ID, openIdMetadataUrl: idp.metadataUrl, fetch: flaky });
    await assert.rejects(recovering.verify(`Bearer ${await idp.mint()}`), (error: unknown) => error instanceof CallbackAuthError && error.reason === 'metadata-unavailable');
    assert.equal((await recovering.verify(`Bearer ${await idp.mint()}`)).tenantId, TENANT_ID);
  });

  it('reports an unreachable metadata URL as metadata-unavailable', async () => {
    const broken = new CallbackVerifier({ appId: APP_ID, openIdMetadataUrl: 'http://127.0.0.1:9/v1/.well-known/OpenIdConfiguration' });
    await assert.rejects(broken.verify(`Bearer ${await idp.mint()}`), (error: unknown) => error instanceof CallbackAuthError && error.reason === 'metadata-unavailable');
  });
});
