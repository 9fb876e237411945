import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashSecret, verifySecret } from '../../src/auth/secret-hash.js';

describe('secret hash', () => {
  it('stores scrypt$<salt>$<hash> and verifies the original value', () => {
    const hash = hashSecret('abc8Q~secret');
    assert.match(hash, /^scrypt\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    assert.equal(verifySecret('abc8Q~secret', hash), true);
  });

  it('rejects another value', () => {
    assert.equal(verifySecret('abc8Q~secreT', hashSecret('abc8Q~secret')), false);
  });

  it('salts every hash', () => {
    assert.notEqual(hashSecret('same'), hashSecret('same'));
  });

  it('treats a malformed stored hash as no match instead of throwing', () => {
    for (const bad of ['', 'plain', 'bcrypt$a$b', 'scrypt$$', 'scrypt$c2FsdA==$c2hvcnQ=', 'scrypt$a$b$c']) {
      assert.equal(verifySecret('x', bad), false, bad);
    }
  });

  it('answers a secret it already verified without scrypt, and still rejects a wrong one', () => {
    const hash = hashSecret('repeat');
    assert.equal(verifySecret('repeat', hash), true);
    const started = performance.now();
    for (let i = 0; i < 200; i++) assert.equal(verifySecret('repeat', hash), true);
    // 200 scrypt checks would take ~1 s; 200 remembered ones take well under 100 ms.
    assert.ok(performance.now() - started < 100, `200 remembered checks took ${performance.now() - started} ms`);
    assert.equal(verifySecret('repeaT', hash), false);
    assert.equal(verifySecret('repeat', hashSecret('other')), false);
  });

  it('stays fast enough for the token path', () => {
    const hash = hashSecret('speed');
    const started = performance.now();
    for (let i = 0; i < 10; i++) verifySecret('speed', hash);
    assert.ok((performance.now() - started) / 10 < 50, 'one verification should take well under 50 ms');
  });
});
