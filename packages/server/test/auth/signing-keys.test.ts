import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { SigningKeys } from '../../src/auth/signing-keys.js';
import { ManualClock } from '../../src/domain/clock.js';
import { openStore } from '../../src/storage/open-store.js';
import { NOW } from './fixtures.js';

const newStore = (clock: ManualClock) => openStore({ inMemory: true, dataDir: 'unused', clock });
const RETENTION_MS = (3599 + 600) * 1000;

describe('SigningKeys lifecycle', () => {
  it('creates one key on first init and publishes it with x5c, x5t and kid = SHA-1 thumbprint', async () => {
    const clock = new ManualClock(NOW);
    const keys = new SigningKeys(await newStore(clock), clock);
    await keys.init();
    const { keys: jwks } = await keys.jwks();
    assert.equal(jwks.length, 1);
    const [jwk] = jwks;
    assert.equal(jwk!.kty, 'RSA');
    assert.equal(jwk!.use, 'sig');
    assert.equal(jwk!.e, 'AQAB');
    const der = Buffer.from(jwk!.x5c[0]!, 'base64');
    assert.equal(jwk!.kid, createHash('sha1').update(der).digest('base64url'));
    assert.equal(jwk!.x5t, jwk!.kid);
    const cert = new X509Certificate(der);
    assert.equal(Buffer.from(jwk!.n, 'base64url').length, 256, 'RSA-2048 modulus');
    assert.ok(Date.parse(cert.validFrom) <= NOW && Date.parse(cert.validTo) > NOW);
    assert.equal((await keys.activeSigner()).kid, jwk!.kid);
  });

  it('keeps its keys across a restart on the same store', async () => {
    const clock = new ManualClock(NOW);
    const store = await newStore(clock);
    const first = new SigningKeys(store, clock);
    await first.init();
    const second = new SigningKeys(store, clock);
    await second.init();
    assert.deepEqual(await second.kids(), await first.kids());
    assert.equal((await second.activeSigner()).kid, (await first.activeSigner()).kid);
  });
});

describe('SigningKeys rotation', () => {
  it('rotation makes a new active key and keeps the old kid published and verifiable', async () => {
    const clock = new ManualClock(NOW);
    const keys = new SigningKeys(await newStore(clock), clock);
    await keys.init();
    const [oldKid] = await keys.kids();
    clock.advance(1000);
    const { kid } = await keys.rotate();
    assert.notEqual(kid, oldKid);
    assert.deepEqual(await keys.kids(), [kid, oldKid]);
    assert.equal((await keys.activeSigner()).kid, kid);
    assert.ok(await keys.verificationKey(oldKid));
  });

  it('a rotation in the same millisecond still activates the new key', async () => {
    const clock = new ManualClock(NOW);
    const keys = new SigningKeys(await newStore(clock), clock);
    await keys.init();
    for (let i = 0; i < 3; i++) {
      const { kid } = await keys.rotate();
      assert.equal((await keys.activeSigner()).kid, kid);
    }
  });

  it('prunes a retired key once every token it signed has expired', async () => {
    const clock = new ManualClock(NOW);
    const store = await newStore(clock);
    const keys = new SigningKeys(store, clock);
    await keys.init();
    const [oldKid] = await keys.kids();
    clock.advance(5000);
    const rotatedAt = clock.now();
    const { kid } = await keys.rotate();
    clock.set(rotatedAt + RETENTION_MS - 1);
    assert.deepEqual(await keys.kids(), [kid, oldKid], 'still published just before the retention ends');
    clock.set(rotatedAt + RETENTION_MS);
    assert.deepEqual(await keys.kids(), [kid]);
    assert.equal(await keys.verificationKey(oldKid), undefined);
    assert.deepEqual(await keys.prune(), [oldKid]);
    assert.equal((await store.docs.list('signing-key')).length, 1);
  });

});

describe('SigningKeys shared and multi-purpose', () => {
  it('picks up a rotation made by another node sharing the store', async () => {
    const clock = new ManualClock(NOW);
    const store = await newStore(clock);
    const nodeA = new SigningKeys(store, clock);
    const nodeB = new SigningKeys(store, clock);
    await nodeA.init();
    await nodeB.init();
    const { kid } = await nodeA.rotate();
    assert.ok(await nodeB.verificationKey(kid), 'an unknown kid is looked up in the store');
    clock.advance(60_000);
    assert.equal((await nodeB.activeSigner()).kid, kid, 'the signer follows after the refresh interval');
  });

  it('serves another purpose from its own document kind', async () => {
    const clock = new ManualClock(NOW);
    const store = await newStore(clock);
    const entra = new SigningKeys(store, clock);
    const callbacks = new SigningKeys(store, clock, { kind: 'callback-signing-key', tokenLifetimeSec: 3900 });
    await entra.init();
    await callbacks.init();
    assert.notDeepEqual(await callbacks.kids(), await entra.kids());
    assert.equal((await store.docs.list('callback-signing-key')).length, 1);
  });

  it('rejects kids that are not ours', async () => {
    const clock = new ManualClock(NOW);
    const keys = new SigningKeys(await newStore(clock), clock);
    await keys.init();
    assert.equal(await keys.verificationKey('unknown-kid'), undefined);
    assert.equal(await keys.verificationKey('../../etc'), undefined);
    assert.equal(await keys.verificationKey(undefined), undefined);
  });
});
