import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { ManualClock } from '../../src/domain/clock.js';
import { registerCallbackKeyRoutes } from '../../src/http/callbacks/register.js';
import { MemoryStore } from '../../src/storage/memory/memory-store.js';
import type { SigningKeys } from '../../src/auth/signing-keys.js';
import { NOW, callbackKeys } from './fixtures.js';

const DOCUMENT = {
  issuer: 'https://api.botframework.com',
  authorization_endpoint: 'https://invalid.botframework.com',
  id_token_signing_alg_values_supported: ['RS256'],
  token_endpoint_auth_methods_supported: ['private_key_jwt'],
};

for (const caseSensitive of [true, false]) {
  describe(`callback key routes (${caseSensitive ? 'case-sensitive' : 'case-insensitive'} router)`, { timeout: 20_000 }, () => {
    let app: FastifyInstance;
    let keys: SigningKeys;
    before(async () => {
      const clock = new ManualClock(NOW);
      keys = await callbackKeys(new MemoryStore(clock), clock);
      app = Fastify({ routerOptions: { caseSensitive } });
      registerCallbackKeyRoutes(app, { callbackKeys: keys });
      await app.ready();
    });
    after(() => app.close());

    it('serves the OpenID document under both documented spellings, with jwks_uri on the host dialled', async () => {
      for (const url of ['/v1/.well-known/OpenIdConfiguration', '/v1/.well-known/openidconfiguration']) {
        const res = await app.inject({ method: 'GET', url, headers: { host: 'localhost:18443' } });
        assert.equal(res.statusCode, 200, url);
        assert.deepEqual(res.json(), { ...DOCUMENT, jwks_uri: 'http://localhost:18443/v1/keys' });
      }
    });

    it('serves the JWKS without any credential', async () => {
      const res = await app.inject({ method: 'GET', url: '/v1/keys' });
      assert.equal(res.statusCode, 200);
      const { keys: published } = res.json() as { keys: { kid: string; kty: string; use: string; x5c: string[]; endorsements: string[] }[] };
      assert.deepEqual(published.map((k) => k.kid), await keys.kids());
      assert.deepEqual([published[0]?.kty, published[0]?.use, published[0]?.endorsements, published[0]?.x5c.length], ['RSA', 'sig', ['msteams'], 1]);
    });
  });
}

describe('callback key routes in the case-insensitive app router', { timeout: 20_000 }, () => {
  it('matches any spelling of the document path', async () => {
    const clock = new ManualClock(NOW);
    const app = Fastify({ routerOptions: { caseSensitive: false } });
    registerCallbackKeyRoutes(app, { callbackKeys: await callbackKeys(new MemoryStore(clock), clock) });
    try {
      const res = await app.inject({ method: 'GET', url: '/V1/.Well-Known/OPENIDCONFIGURATION' });
      assert.equal(res.statusCode, 200);
    } finally {
      await app.close();
    }
  });
});
