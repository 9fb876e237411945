import { createRemoteJWKSet, customFetch, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** Where Microsoft publishes the keys that sign Graph's calling callbacks (BEHAVIOR §3.2). */
export const MICROSOFT_OPENID_METADATA_URL = 'https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration';

/** The issuers the Microsoft calling samples accept; Graph and Switchboard sign with the first. */
export const CALLBACK_ISSUERS: readonly string[] = ['https://api.botframework.com', 'https://graph.microsoft.com'];

/** Why a callback was refused. */
export type CallbackRejection = 'missing-token' | 'invalid-token' | 'missing-tenant' | 'tenant-not-allowed' | 'metadata-unavailable';

/** A callback whose token failed verification; adapters answer it with 403, as the Graph samples do. */
export class CallbackAuthError extends Error {
  override readonly name = 'CallbackAuthError';

  constructor(
    /** The category, for logs and metrics. */
    readonly reason: CallbackRejection,
    message: string,
  ) {
    super(message);
  }
}

/** How {@link CallbackVerifier} checks callback tokens. */
export interface CallbackVerifierOptions {
  /** The bot's application (client) id(s): the expected `aud`. */
  appId: string | readonly string[];
  /**
   * The OpenID configuration whose `jwks_uri` lists the signing keys. The one setting that differs
   * between Graph (default, {@link MICROSOFT_OPENID_METADATA_URL}) and Switchboard
   * (`https://<switchboard>/v1/.well-known/OpenIdConfiguration`).
   */
  openIdMetadataUrl?: string;
  /** Accepted `iss` values (default {@link CALLBACK_ISSUERS}). */
  issuers?: readonly string[];
  /** Accepted tenants (`tid`); default any non-empty tenant. */
  tenants?: readonly string[];
  /** Allowed clock skew for `exp`/`nbf`, in seconds (default 300). */
  clockToleranceSeconds?: number;
  /** How long the OpenID document is trusted before it is read again (default 2 h, like the Microsoft sample). */
  metadataCacheMs?: number;
  /** The fetch for the metadata and keys (default the global one), e.g. one trusting a local CA. */
  fetch?: typeof fetch;
  /** The verifier's notion of now (default the wall clock). */
  currentDate?: () => Date;
}

/** What a verified callback token says. */
export interface VerifiedCallback {
  /** `tid`: the tenant of the call. */
  tenantId: string;
  /** `aud`: which of the bot's app ids the callback is for. */
  appId: string;
  /** Every claim of the token. */
  claims: JWTPayload;
}

/**
 * Verifies the `Authorization: Bearer <JWT>` of a calling callback the way the Microsoft samples do:
 * RS256 signature by a key from the OpenID metadata's `jwks_uri`, issuer, audience = app id,
 * lifetime with skew, and a non-empty (optionally allow-listed) `tid`.
 */
export class CallbackVerifier {
  private keys?: { getKey: Promise<JWTVerifyGetKey>; fetchedAt: number };

  constructor(private readonly options: CallbackVerifierOptions) {}

  /** Resolves with the token's tenant and claims, or rejects with {@link CallbackAuthError}. */
  async verify(authorization: string | undefined | null): Promise<VerifiedCallback> {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new CallbackAuthError('missing-token', 'no bearer token');
    const claims = await this.checkToken(token);
    const tenantId = typeof claims.tid === 'string' ? claims.tid : '';
    if (tenantId === '') throw new CallbackAuthError('missing-tenant', 'token has no tid claim');
    if (this.options.tenants && !this.options.tenants.includes(tenantId)) throw new CallbackAuthError('tenant-not-allowed', `tenant ${tenantId} is not allowed`);
    return { tenantId, appId: audienceOf(claims, this.audiences()), claims };
  }

  private async checkToken(token: string): Promise<JWTPayload> {
    const getKey = await this.signingKeys();
    const options = {
      issuer: [...(this.options.issuers ?? CALLBACK_ISSUERS)],
      audience: this.audiences(),
      algorithms: ['RS256'],
      clockTolerance: this.options.clockToleranceSeconds ?? 300,
      ...(this.options.currentDate ? { currentDate: this.options.currentDate() } : {}),
    };
    try {
      return (await jwtVerify(token, getKey, options)).payload;
    } catch (error) {
      throw new CallbackAuthError('invalid-token', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }

  private audiences(): string[] {
    return typeof this.options.appId === 'string' ? [this.options.appId] : [...this.options.appId];
  }

  /** The cached key set, read again once the metadata is older than `metadataCacheMs`. */
  private async signingKeys(): Promise<JWTVerifyGetKey> {
    const now = Date.now();
    if (!this.keys || now - this.keys.fetchedAt > (this.options.metadataCacheMs ?? 7_200_000)) {
      const getKey = this.loadKeys();
      this.keys = { getKey, fetchedAt: now };
      // A failed load is not cached: the next callback tries again.
      getKey.catch(() => {
        if (this.keys?.getKey === getKey) this.keys = undefined;
      });
    }
    try {
      return await this.keys.getKey;
    } catch (error) {
      throw new CallbackAuthError('metadata-unavailable', `OpenID metadata: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async loadKeys(): Promise<JWTVerifyGetKey> {
    const fetchImpl = this.options.fetch ?? fetch;
    const response = await fetchImpl(this.options.openIdMetadataUrl ?? MICROSOFT_OPENID_METADATA_URL, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
    if (typeof jwksUri !== 'string') throw new Error('no jwks_uri');
    return createRemoteJWKSet(new URL(jwksUri), { [customFetch]: fetchImpl as never });
  }
}

function audienceOf(claims: JWTPayload, audiences: string[]): string {
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  return aud.find((a): a is string => typeof a === 'string' && audiences.includes(a)) ?? audiences[0] ?? '';
}
