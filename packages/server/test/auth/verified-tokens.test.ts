import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { VerifiedTokens } from '../../src/auth/verified-tokens.js';
import { WORLD_KINDS } from '../../src/domain/world/types.js';
import { rejectsWith } from './assertions.js';
import { BOT, CONTOSO, NOW, buildIdentity, type Identity } from './fixtures.js';

const SKEW_SEC = 300;
const LIFETIME_SEC = 3599;

async function withToken(): Promise<{ identity: Identity; token: string }> {
  const identity = await buildIdentity();
  return { identity, token: await identity.tokens.issueAppToken(BOT.appId, CONTOSO.id, '1') };
}

/** A token signed with our active key, with some claims replaced. */
async function ourToken(identity: Identity, base: string, overrides: Record<string, unknown>): Promise<string> {
  const signer = await identity.keys.activeSigner();
  return new SignJWT({ ...decodeJwt(base), ...overrides }).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: signer.kid, x5t: signer.x5t }).sign(signer.privateKey);
}

describe('AccessTokenVerifier: verified-token cache', () => {
  it('remembers a good token and answers it again without re-verifying it', async () => {
    const { identity, token } = await withToken();
    const first = await identity.verifier.verify(`Bearer ${token}`);
    assert.equal(identity.verifier.rememberedTokens, 1);
    const again = await identity.verifier.verify(`Bearer ${token}`);
    assert.deepEqual(again, first);
    assert.notEqual(again, first, 'each request gets its own caller object');
    assert.equal(identity.verifier.rememberedTokens, 1);
  });

  it('rejects a remembered token once it has expired (skew included), with tokenExpired', async () => {
    const { identity, token } = await withToken();
    await identity.verifier.verify(`Bearer ${token}`);
    identity.clock.set(NOW + (LIFETIME_SEC + SKEW_SEC - 1) * 1000);
    assert.ok(await identity.verifier.verify(`Bearer ${token}`));
    identity.clock.set(NOW + (LIFETIME_SEC + SKEW_SEC + 1) * 1000);
    await rejectsWith(identity.verifier.verify(`Bearer ${token}`), 'tokenExpired');
    await rejectsWith(identity.verifier.verify(`Bearer ${token}`), 'tokenExpired');
  });

  it('never remembers a token for another audience, a forged one or one of an unknown tenant', async () => {
    const { identity, token } = await withToken();
    const otherAudience = await ourToken(identity, token, { aud: 'api://some-other-api' });
    for (let attempt = 0; attempt < 2; attempt++) await rejectsWith(identity.verifier.verify(`Bearer ${otherAudience}`), 'tokenBadAudience');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { kid } = decodeProtectedHeader(token);
    const forged = await new SignJWT(decodeJwt(token)).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid }).sign(privateKey);
    for (let attempt = 0; attempt < 2; attempt++) await rejectsWith(identity.verifier.verify(`Bearer ${forged}`), 'tokenInvalid');
    assert.equal(identity.verifier.rememberedTokens, 0);
  });

  it('checks the tenant on every request: deleting it rejects its remembered tokens', async () => {
    const { identity, token } = await withToken();
    await identity.verifier.verify(`Bearer ${token}`);
    await identity.store.docs.delete(WORLD_KINDS.tenant, CONTOSO.id);
    await rejectsWith(identity.verifier.verify(`Bearer ${token}`), 'tokenInvalid');
  });

  it('rejects a remembered token once its signing key is no longer published', async () => {
    const { identity, token } = await withToken();
    await identity.verifier.verify(`Bearer ${token}`);
    const { kid } = decodeProtectedHeader(token);
    await identity.store.docs.delete('signing-key', String(kid));
    await identity.keys.reload();
    await rejectsWith(identity.verifier.verify(`Bearer ${token}`), 'tokenInvalid');
  });
});

describe('VerifiedTokens', () => {
  const entry = (exp: number, nbf?: number) => ({ kid: 'k', key: generateKeyPairSync('ed25519').publicKey, exp, ...(nbf === undefined ? {} : { nbf }), value: exp });

  it('applies the lifetime bounds jose applies: exp <= now - skew and nbf > now + skew miss', () => {
    const tokens = new VerifiedTokens<number>(10, SKEW_SEC);
    tokens.set('a', entry(1000, 500));
    assert.equal(tokens.get('a', 1000 + SKEW_SEC - 1)?.value, 1000);
    assert.equal(tokens.get('a', 500 - SKEW_SEC)?.value, 1000);
    assert.equal(tokens.get('a', 500 - SKEW_SEC - 1), undefined, 'not yet valid: a miss (and dropped)');
    tokens.set('b', entry(1000));
    assert.equal(tokens.get('b', 1000 + SKEW_SEC), undefined);
    assert.equal(tokens.size, 0, 'entries found out of their lifetime are dropped');
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const tokens = new VerifiedTokens<number>(2, SKEW_SEC);
    for (const name of ['a', 'b', 'c']) tokens.set(name, entry(1000));
    assert.equal(tokens.size, 2);
    assert.equal(tokens.get('a', 0), undefined);
    assert.ok(tokens.get('b', 0) && tokens.get('c', 0));
  });

  it('never answers from its last-found shortcut what the map no longer holds', () => {
    const tokens = new VerifiedTokens<number>(2, SKEW_SEC);
    tokens.set('a', entry(1000));
    assert.equal(tokens.get('a', 0)?.value, 1000);
    tokens.delete('a');
    assert.equal(tokens.get('a', 0), undefined, 'deleted after being found');
    tokens.set('b', entry(1000));
    assert.equal(tokens.get('b', 0)?.value, 1000);
    tokens.set('b', entry(2000));
    assert.equal(tokens.get('b', 0)?.value, 2000, 'replaced after being found');
    tokens.set('c', entry(1000));
    tokens.set('d', entry(1000));
    assert.equal(tokens.get('b', 0), undefined, 'evicted after being found');
    assert.equal(tokens.get('d', 1000 + SKEW_SEC), undefined);
    assert.equal(tokens.get('d', 0), undefined, 'expired after being found');
  });
});
