import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { ManualClock } from '../../src/domain/clock.js';
import { CALLBACK_ISSUER, CALLBACK_TOKEN_LIFETIME_SEC, CallbackSigner } from '../../src/notify/callback-signer.js';
import { MemoryStore } from '../../src/storage/memory/memory-store.js';
import { APP_ID, NOW, TENANT_ID, callbackKeys } from './fixtures.js';

const OTHER_TENANT = 'aaaaaaaa-1234-4abc-8def-0123456789ab';
const TEST = { timeout: 20_000 };

async function setUp() {
  const clock = new ManualClock(NOW);
  const keys = await callbackKeys(new MemoryStore(clock), clock);
  return { clock, keys, signer: new CallbackSigner(keys, clock) };
}

describe('callback signer: one RSA signature per app, tenant, key and second', () => {
  it('gives the bytes a fresh signature would give within the same second', TEST, async () => {
    const { clock, keys, signer } = await setUp();
    const first = await signer.sign({ appId: APP_ID, tenantId: TENANT_ID });
    clock.advance(999);
    const again = await signer.sign({ appId: APP_ID, tenantId: TENANT_ID });
    assert.equal(again.jwt, first.jwt);
    // RS256 is deterministic: signing the same header and claims again gives these very bytes.
    const active = await keys.activeSigner();
    const iat = Math.floor(NOW / 1000);
    const fresh = await new SignJWT({ aud: APP_ID, iss: CALLBACK_ISSUER, iat, nbf: iat, exp: iat + CALLBACK_TOKEN_LIFETIME_SEC, tid: TENANT_ID })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: active.kid, x5t: active.x5t })
      .sign(active.privateKey);
    assert.equal(first.jwt, fresh);
  });

  it('signs anew in the next second, for another tenant, and after a key rotation', TEST, async () => {
    const { clock, keys, signer } = await setUp();
    const first = await signer.sign({ appId: APP_ID, tenantId: TENANT_ID });
    const otherTenant = await signer.sign({ appId: APP_ID, tenantId: OTHER_TENANT });
    assert.equal(otherTenant.claims.tid, OTHER_TENANT);
    assert.notEqual(otherTenant.jwt, first.jwt);

    clock.advance(1000);
    const nextSecond = await signer.sign({ appId: APP_ID, tenantId: TENANT_ID });
    assert.equal(nextSecond.claims.iat, first.claims.iat + 1, 'iat is still the second the callback is sent in');

    const { kid } = await keys.rotate();
    const rotated = await signer.sign({ appId: APP_ID, tenantId: TENANT_ID });
    assert.equal(rotated.kid, kid);
    assert.notEqual(rotated.jwt, nextSecond.jwt);
  });

  it('shares one signing between callbacks signed at once', TEST, async () => {
    const { signer } = await setUp();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => signer.sign({ appId: APP_ID, tenantId: TENANT_ID })));
    assert.equal(new Set(tokens).size, 1);
  });
});
