import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT, decodeJwt } from 'jose';
import { b64url, rejectsWith } from './assertions.js';
import { BOT, BOT_ROLES, CONTOSO, NOW, buildIdentity, type Identity } from './fixtures.js';

const UNKNOWN_TENANT = '99999999-9999-4999-8999-999999999999';

let identity: Identity;
let token: string;

/** A token signed with our active key, with some claims replaced. */
const ourToken = async (overrides: Record<string, unknown>, alg: 'RS256' | 'PS256' = 'RS256'): Promise<string> => {
  const signer = await identity.keys.activeSigner();
  return new SignJWT({ ...decodeJwt(token), ...overrides }).setProtectedHeader({ typ: 'JWT', alg, kid: signer.kid, x5t: signer.x5t }).sign(signer.privateKey);
};

before(async () => {
  identity = await buildIdentity();
  token = await identity.tokens.issueAppToken(BOT.appId, CONTOSO.id, '1');
});

describe('AccessTokenVerifier accepts', () => {
  it('accepts a token we issued and returns the caller', async () => {
    const caller = await identity.verifier.verify(`Bearer ${token}`);
    assert.equal(caller.appId, BOT.appId);
    assert.equal(caller.tenantId, CONTOSO.id);
    assert.deepEqual(caller.roles, BOT_ROLES);
    assert.equal(caller.claims.oid, BOT.spId);
  });

  it("accepts Graph's app id as audience and an old key after rotation", async () => {
    assert.ok(await identity.verifier.verify(`Bearer ${await ourToken({ aud: '00000003-0000-0000-c000-000000000000' })}`));
    await identity.keys.rotate();
    assert.ok(await identity.verifier.verify(`bearer ${token}`));
  });

});

describe('AccessTokenVerifier rejects', () => {
  it('answers a missing or non-bearer header with tokenEmpty', async () => {
    await rejectsWith(identity.verifier.verify(undefined), 'tokenEmpty');
    await rejectsWith(identity.verifier.verify('Bearer '), 'tokenEmpty');
    await rejectsWith(identity.verifier.verify('Basic dXNlcjpwYXNz'), 'tokenEmpty');
  });

  it('parses each header anew: a good header just before changes nothing', async () => {
    const good = `Bearer ${token}`;
    assert.ok(await identity.verifier.verify(good));
    await rejectsWith(identity.verifier.verify(`${good} extra`), 'tokenEmpty');
    await rejectsWith(identity.verifier.verify(`Bearer ${token.slice(0, -4)}`), 'tokenInvalid');
    assert.equal((await identity.verifier.verify(good)).appId, BOT.appId);
  });

  it('answers a malformed token with tokenMalformed', async () => {
    for (const bad of ['abc', 'a.b', 'a.b.c.d.e', '!!.??.x', `${b64url('not json')}.${b64url({})}.sig`]) {
      await rejectsWith(identity.verifier.verify(`Bearer ${bad}`), 'tokenMalformed');
    }
  });

  it('rejects a token forged with a foreign key, under our kid or another', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signer = await identity.keys.activeSigner();
    for (const kid of [signer.kid, 'some-other-kid']) {
      const forged = await new SignJWT(decodeJwt(token)).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid, x5t: kid }).sign(privateKey);
      await rejectsWith(identity.verifier.verify(`Bearer ${forged}`), 'tokenInvalid');
    }
  });

  it('rejects alg none and HS256 signed with our public key bytes', async () => {
    const { kid } = await identity.keys.activeSigner();
    const none = `${b64url({ typ: 'JWT', alg: 'none', kid })}.${b64url(decodeJwt(token))}.`;
    await rejectsWith(identity.verifier.verify(`Bearer ${none}`), 'tokenInvalid');
    const publicPem = createPublicKey((await identity.keys.activeSigner()).privateKey).export({ type: 'spki', format: 'pem' });
    const hs = await new SignJWT(decodeJwt(token)).setProtectedHeader({ typ: 'JWT', alg: 'HS256', kid }).sign(Buffer.from(publicPem));
    await rejectsWith(identity.verifier.verify(`Bearer ${hs}`), 'tokenInvalid');
    await rejectsWith(identity.verifier.verify(`Bearer ${await ourToken({}, 'PS256')}`), 'tokenInvalid');
  });

  it('enforces the lifetime with five minutes of skew on the injected clock', async () => {
    const fresh = await identity.tokens.issueAppToken(BOT.appId, CONTOSO.id, '1');
    identity.clock.set(NOW + (3599 + 299) * 1000);
    assert.ok(await identity.verifier.verify(`Bearer ${fresh}`));
    identity.clock.set(NOW + (3599 + 301) * 1000);
    await rejectsWith(identity.verifier.verify(`Bearer ${fresh}`), 'tokenExpired');
    identity.clock.set(NOW);
    const early = await ourToken({ nbf: Math.floor(NOW / 1000) + 600 });
    await rejectsWith(identity.verifier.verify(`Bearer ${early}`), 'tokenInvalid');
  });

  it('rejects another audience with tokenBadAudience', async () => {
    await rejectsWith(identity.verifier.verify(`Bearer ${await ourToken({ aud: 'api://some-other-api' })}`), 'tokenBadAudience');
  });

  it('rejects an issuer of a tenant that does not exist, a mismatched issuer, and user tokens', async () => {
    const unknownTenant = await ourToken({ tid: UNKNOWN_TENANT, iss: `https://sts.windows.net/${UNKNOWN_TENANT}/` });
    await rejectsWith(identity.verifier.verify(`Bearer ${unknownTenant}`), 'tokenInvalid');
    await rejectsWith(identity.verifier.verify(`Bearer ${await ourToken({ iss: 'https://evil.example/' })}`), 'tokenInvalid');
    await rejectsWith(identity.verifier.verify(`Bearer ${await ourToken({ idtyp: 'user' })}`), 'tokenInvalid');
  });
});
