import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { ManualClock } from '../../src/domain/clock.js';
import { CALLBACK_ISSUER, CallbackSigner, callbackJwks } from '../../src/notify/callback-signer.js';
import { MemoryStore } from '../../src/storage/memory/memory-store.js';
import { SigningKeys } from '../../src/auth/signing-keys.js';
import { APP_ID, NOW, TENANT_ID, callbackKeys } from './fixtures.js';

describe('callback signer', () => {
  it('signs RS256 with the documented header and claims', { timeout: 20_000 }, async () => {
    const clock = new ManualClock(NOW + 999);
    const keys = await callbackKeys(new MemoryStore(clock), clock);
    const { jwt, kid, claims } = await new CallbackSigner(keys, clock).sign({ appId: APP_ID, tenantId: TENANT_ID });
    const iat = Math.floor(NOW / 1000);
    assert.deepEqual(decodeProtectedHeader(jwt), { alg: 'RS256', typ: 'JWT', kid, x5t: kid });
    assert.deepEqual(claims, { aud: APP_ID, iss: CALLBACK_ISSUER, iat, nbf: iat, exp: iat + 3900, tid: TENANT_ID });
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(await callbackJwks(keys)), { issuer: 'https://api.botframework.com', audience: APP_ID, currentDate: new Date(NOW) });
    assert.deepEqual(Object.keys(payload), ['aud', 'iss', 'iat', 'nbf', 'exp', 'tid'], 'the documented claims, in the documented order');
  });

  it('publishes x5c, x5t and the msteams endorsement, from keys apart from the token keys', { timeout: 20_000 }, async () => {
    const clock = new ManualClock(NOW);
    const store = new MemoryStore(clock);
    const tokenKeys = new SigningKeys(store, clock);
    await tokenKeys.init();
    const keys = await callbackKeys(store, clock);
    const { keys: [jwk, ...others] } = await callbackJwks(keys);
    assert.equal(others.length, 0);
    assert.deepEqual(jwk?.endorsements, ['msteams']);
    assert.equal(jwk?.x5t, jwk?.kid);
    const cert = new X509Certificate(Buffer.from(jwk?.x5c[0] ?? '', 'base64'));
    assert.match(cert.subject, /Switchboard callback signing/);
    assert.notDeepEqual(await keys.kids(), await tokenKeys.kids());
    assert.equal((await store.docs.list('callback-signing-key')).length, 1);
  });
});
