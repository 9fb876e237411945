import { SignJWT } from 'jose';
import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors/index.js';
import type { Application, Consent, Tenant } from '../domain/world/types.js';
import type { WorldReader } from '../world/world-reader.js';
import { ACCESS_TOKEN_LIFETIME_SEC, appTokenClaims, headerNonce } from './app-token-claims.js';
import { tokenTenant } from './authority-tenant.js';
import { assertionAudiences } from './client-assertion.js';
import { ClientAuthenticator, clientIdOf, type Appidacr, type BasicCredentials } from './client-authenticator.js';
import { clientCredentialsResource } from './client-credentials-scope.js';
import type { SigningKeys } from './signing-keys.js';

export interface ClientCredentialsRequest {
  /** The tenant path segment as dialled: tenant id, verified domain, or an alias such as `common`. */
  tenant: string;
  form: Record<string, string>;
  basicAuth?: BasicCredentials;
  /** The token endpoint URL as dialled (scheme, host, port, path): the expected assertion `aud`. */
  tokenEndpoint: string;
}

/** The body Entra returns, and the one msal-node expects (CLIENTS.md §1.4). */
export interface TokenResponse {
  token_type: 'Bearer';
  expires_in: typeof ACCESS_TOKEN_LIFETIME_SEC;
  ext_expires_in: typeof ACCESS_TOKEN_LIFETIME_SEC;
  access_token: string;
}

interface Principal {
  app: Application;
  tenant: Tenant;
  consent?: Consent;
}

/** An Entra-compatible client-credentials token endpoint that mints v1.0 Graph app-only tokens. */
export class TokenService {
  private readonly keys: SigningKeys;
  private readonly world: WorldReader;
  private readonly clock: Clock;
  private readonly authenticator: ClientAuthenticator;

  constructor(deps: { keys: SigningKeys; world: WorldReader; clock: Clock }) {
    ({ keys: this.keys, world: this.world, clock: this.clock } = deps);
    this.authenticator = new ClientAuthenticator(deps.clock);
  }

  /** `POST /{tenant}/oauth2/v2.0/token` with `grant_type=client_credentials`. Unknown parameters are ignored. */
  async clientCredentials(request: ClientCredentialsRequest): Promise<TokenResponse> {
    const tenant = await tokenTenant(this.world, request.tenant);
    checkGrantType(request.form.grant_type);
    const clientId = clientIdOf(request.form, request.basicAuth);
    clientCredentialsResource(request.form);
    const principal = await this.principal(clientId, tenant);
    const audiences = assertionAudiences(request.tokenEndpoint, tenant, request.tenant);
    const appidacr = await this.authenticator.authenticate({ ...request, app: principal.app, clientId, audiences });
    return tokenResponse(await this.sign(principal, appidacr));
  }

  /** A token for an app without client authentication (the control API and `switchboard token`). */
  async issueAppToken(appId: string, tenantIdOrDomain: string, appidacr: Appidacr): Promise<string> {
    return this.sign(await this.principal(appId, await tokenTenant(this.world, tenantIdOrDomain)), appidacr);
  }

  /**
   * The app as seen from the tenant. In its home tenant the app always has a service principal,
   * so Entra issues a token without roles when nothing is consented; in any other tenant it
   * exists only through consent, otherwise Entra answers AADSTS700016.
   */
  private async principal(appId: string, tenant: Tenant): Promise<Principal> {
    const [app, consent] = await Promise.all([this.world.application(appId), this.world.consent(tenant.id, appId)]);
    if (!app || (!consent && app.homeTenantId !== tenant.id)) {
      throw new DomainError('oauthAppNotFound', { appId, tenant: tenant.displayName });
    }
    return { app, tenant, consent };
  }

  private async sign(principal: Principal, appidacr: Appidacr): Promise<string> {
    const signer = await this.keys.activeSigner();
    const claims = appTokenClaims({ ...principal, appidacr, nowMs: this.clock.now() });
    return new SignJWT(claims)
      .setProtectedHeader({ typ: 'JWT', nonce: headerNonce(), alg: 'RS256', x5t: signer.x5t, kid: signer.kid })
      .sign(signer.privateKey);
  }
}

function checkGrantType(grantType: string | undefined): void {
  if (!grantType) throw new DomainError('invalidRequest', { param: 'grant_type' });
  if (grantType !== 'client_credentials') throw new DomainError('oauthUnsupportedGrantType', { grantType });
}

function tokenResponse(accessToken: string): TokenResponse {
  return { token_type: 'Bearer', expires_in: ACCESS_TOKEN_LIFETIME_SEC, ext_expires_in: ACCESS_TOKEN_LIFETIME_SEC, access_token: accessToken };
}
