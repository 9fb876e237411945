import { DomainError } from '../../domain/errors/index.js';

/**
 * The v2.0 OpenID configuration Entra serves, with every URL on the scheme, host and port the
 * client dialled: msal-node 7 rejects an issuer on another host (CLIENTS.md §1.1, §10).
 * `pathTenant` is the tenant id (Entra resolves domains to the id) or an alias like `common`;
 * `issuerTenant` is the same id, or Entra's `{tenantid}` template for the aliases.
 */
export function openIdConfiguration(baseUrl: string, pathTenant: string, issuerTenant: string): Record<string, unknown> {
  const at = (path: string): string => `${baseUrl}/${pathTenant}${path}`;
  return {
    token_endpoint: at('/oauth2/v2.0/token'),
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: at('/discovery/v2.0/keys'),
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${baseUrl}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: at('/oauth2/v2.0/authorize'),
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: at('/oauth2/v2.0/logout'),
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    tenant_region_scope: 'NA',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

/**
 * `GET /common/discovery/instance?api-version=1.1&authorization_endpoint=…`: MSAL's instance
 * discovery, answered with this host as the only alias so clients keep talking to it.
 */
export function instanceDiscovery(baseUrl: string, authorizationEndpoint: string | undefined): Record<string, unknown> {
  const tenant = tenantOfAuthorizeUrl(authorizationEndpoint);
  const host = new URL(baseUrl).host;
  return {
    tenant_discovery_endpoint: `${baseUrl}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}

function tenantOfAuthorizeUrl(authorizationEndpoint: string | undefined): string {
  try {
    const tenant = new URL(authorizationEndpoint ?? '').pathname.split('/').filter(Boolean)[0];
    if (tenant) return tenant;
  } catch {
    // An unparseable URL is the same failure as a missing one: Entra's AADSTS50049.
  }
  throw new DomainError('oauthInvalidInstance');
}
