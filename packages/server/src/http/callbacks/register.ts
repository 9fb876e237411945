import type { FastifyInstance } from 'fastify';
import type { SigningKeys } from '../../auth/signing-keys.js';
import { CALLBACK_ISSUER, callbackJwks } from '../../notify/callback-signer.js';
import { baseUrlOf } from '../request-context.js';

/** Bots refresh this metadata every couple of hours (the Graph comms sample: 2 h); a day of caching is what Entra allows for its own. */
const METADATA_CACHE = { 'cache-control': 'max-age=86400, private' };
const DOCUMENT_PATHS = ['/v1/.well-known/OpenIdConfiguration', '/v1/.well-known/openidconfiguration'];

/**
 * Where bots get the keys that sign callbacks, served the way Microsoft serves them at
 * api.aps.skype.com (CLIENTS.md §7), so a bot validates with its production code and only the
 * metadata URL changes. Public, like the originals: no admin key, no bearer token.
 */
export function registerCallbackKeyRoutes(app: FastifyInstance, deps: { callbackKeys: SigningKeys }): void {
  for (const url of DOCUMENT_PATHS) {
    // A case-insensitive router (the app's) already serves the second spelling through the first.
    if (app.hasRoute({ method: 'GET', url })) continue;
    app.get(url, async (request, reply) => reply.headers(METADATA_CACHE).send(openIdConfiguration(baseUrlOf(request))));
  }
  app.get('/v1/keys', async (_request, reply) => reply.headers(METADATA_CACHE).send(await callbackJwks(deps.callbackKeys)));
}

/**
 * The document as Microsoft publishes it, with `jwks_uri` on this service. Microsoft's copy lists
 * the algorithm as "RSA256" (sic); this one gives RS256, the registered name the tokens carry.
 */
function openIdConfiguration(baseUrl: string): Record<string, unknown> {
  return {
    issuer: CALLBACK_ISSUER,
    authorization_endpoint: 'https://invalid.botframework.com',
    jwks_uri: `${baseUrl}/v1/keys`,
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
  };
}
