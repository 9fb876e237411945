import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { discoveryTenant, tenantAlias } from '../../auth/authority-tenant.js';
import type { AppDeps } from '../../services.js';
import type { WorldReader } from '../../world/world-reader.js';
import { baseUrlOf } from '../request-context.js';
import { parseBasicAuthorization } from './basic-auth.js';
import { instanceDiscovery, openIdConfiguration } from './discovery-documents.js';

/** Route config read by the central error handler: failures here render as Entra OAuth bodies. */
const oauthRoute = { errorEnvelope: 'oauth' as const };
/** Entra's caching headers: token responses are never cached, discovery documents for a day. */
const NO_STORE = { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' };
const DISCOVERY_CACHE = { 'cache-control': 'max-age=86400, private' };

type TenantParams = { Params: { tenant: string } };

/**
 * The Entra surface clients dial (CLIENTS.md §10): OpenID configuration, JWKS, instance discovery
 * and the token endpoint. (Key rotation and token minting are control-API rows: http/control/service-routes.ts.)
 */
export async function registerIdentityRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    // Encapsulated: only the identity routes accept form bodies, Graph routes stay JSON-only.
    await scope.register(formbody);
    // Entra reads only the form; any other body is "no parameters" (AADSTS900144), not a 415.
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, _body, done) => done(null, {}));
    registerDiscoveryRoutes(scope, deps);
    registerTokenRoute(scope, deps);
  });
}

function registerDiscoveryRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const { world, keys } = deps.services;
  for (const url of ['/:tenant/v2.0/.well-known/openid-configuration', '/:tenant/.well-known/openid-configuration']) {
    scope.get<TenantParams>(url, { config: oauthRoute }, async (request, reply) => {
      reply.headers(DISCOVERY_CACHE);
      return configurationFor(world, baseUrlOf(request), request.params.tenant);
    });
  }
  for (const url of ['/:tenant/discovery/v2.0/keys', '/:tenant/discovery/keys']) {
    scope.get(url, { config: oauthRoute }, async (_request, reply) => reply.headers(DISCOVERY_CACHE).send(await keys.jwks()));
  }
  scope.get<{ Querystring: { authorization_endpoint?: string } }>('/:tenant/discovery/instance', { config: oauthRoute }, async (request) =>
    instanceDiscovery(baseUrlOf(request), request.query.authorization_endpoint),
  );
}

/** Entra serves the aliases with a `{tenantid}` issuer template, and a known tenant under its id. */
async function configurationFor(world: WorldReader, baseUrl: string, segment: string): Promise<Record<string, unknown>> {
  const alias = tenantAlias(segment);
  if (alias) return openIdConfiguration(baseUrl, alias, '{tenantid}');
  const tenant = await discoveryTenant(world, segment);
  return openIdConfiguration(baseUrl, tenant.id, tenant.id);
}

function registerTokenRoute(scope: FastifyInstance, deps: AppDeps): void {
  scope.post<TenantParams>('/:tenant/oauth2/v2.0/token', { config: oauthRoute }, async (request, reply) => {
    reply.headers(NO_STORE);
    return deps.services.tokens.clientCredentials({
      tenant: request.params.tenant,
      form: formFields(request.body),
      basicAuth: parseBasicAuthorization(request.headers.authorization),
      tokenEndpoint: `${baseUrlOf(request)}${request.url.split('?')[0]}`,
    });
  });
}

/** String fields of the parsed form; a repeated parameter counts with its first value. */
function formFields(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') fields[name] = first;
  }
  return fields;
}
