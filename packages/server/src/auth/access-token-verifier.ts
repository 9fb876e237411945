import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors/index.js';
import type { WorldReader } from '../world/world-reader.js';
import { GRAPH_AUDIENCES, stsIssuer } from './app-token-claims.js';
import type { SigningKeys } from './signing-keys.js';
import { VerifiedTokens, type VerifiedToken } from './verified-tokens.js';

/** Who is calling Graph, as established from a verified access token. */
export interface GraphCaller {
  appId: string;
  tenantId: string;
  roles: string[];
  claims: Record<string, unknown>;
}

/** Graph accepts tokens within five minutes of their lifetime (the usual Microsoft.IdentityModel skew). */
const CLOCK_SKEW_SEC = 300;
const BEARER = /^Bearer\s+(\S+)\s*$/i;
/** Distinct live tokens remembered; a node sees one per app and tenant per hour in practice. */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Verifies the bearer token of every Graph request: only RS256 tokens signed by one of our
 * published keys, within their lifetime, for Graph's audience, issued by a tenant that exists,
 * to an app (idtyp app). Failures carry Graph's 401 messages (CLIENTS.md §9).
 */
export class AccessTokenVerifier {
  private readonly keys: SigningKeys;
  private readonly world: WorldReader;
  private readonly clock: Clock;
  private readonly verified = new VerifiedTokens<GraphCaller>(VERIFIED_TOKENS_KEPT, CLOCK_SKEW_SEC);
  private lastHeader: { text: string; token: string } | undefined;

  constructor(deps: { keys: SigningKeys; world: WorldReader; clock: Clock }) {
    ({ keys: this.keys, world: this.world, clock: this.clock } = deps);
  }

  /**
   * A token seen before skips parsing and the RS256 check while its lifetime and its key last;
   * a miss (or a lapsed entry) takes the full path, so every rejection keeps its own message.
   * The tenant must exist on every request: deleting it rejects its live tokens at once.
   */
  async verify(authorizationHeader: string | undefined): Promise<GraphCaller> {
    const token = this.tokenOf(authorizationHeader);
    const entry = this.verified.get(token, Math.floor(this.clock.now() / 1000));
    // The usual request decides without waiting: a remembered token whose key the loaded key view still publishes.
    const caller = entry && this.keys.loadedVerificationKey(entry.kid) === entry.key ? entry.value : await this.rememberedOrVerified(token, entry);
    if (!(await this.world.hasTenant(caller.tenantId))) throw new DomainError('tokenInvalid');
    return { ...caller, roles: [...caller.roles] };
  }

  /**
   * bearerToken, remembering the last header parsed: a bot repeats the same header, and comparing
   * it costs less than running the case-insensitive pattern over a kilobyte of token again.
   */
  private tokenOf(header: string | undefined): string {
    if (header === undefined || header !== this.lastHeader?.text) {
      const token = bearerToken(header);
      if (header !== undefined) this.lastHeader = { text: header, token };
      return token;
    }
    return this.lastHeader.token;
  }

  /** How many verified tokens are remembered (tests check what enters the cache). */
  get rememberedTokens(): number {
    return this.verified.size;
  }

  /** A remembered token whose key the loaded view could not vouch for is checked against the store's keys. */
  private async rememberedOrVerified(token: string, entry: VerifiedToken<GraphCaller> | undefined): Promise<GraphCaller> {
    if (entry && (await this.keys.verificationKey(entry.kid)) === entry.key) return entry.value;
    if (entry) this.verified.delete(token);
    return this.verifyToken(token);
  }

  private async verifyToken(token: string): Promise<GraphCaller> {
    const header = compactHeader(token);
    if (header.alg !== 'RS256' || !header.kid) throw new DomainError('tokenInvalid');
    const key = await this.keys.verificationKey(header.kid);
    if (!key) throw new DomainError('tokenInvalid');
    const claims = await this.verifySignatureAndLifetime(token, key);
    if (!GRAPH_AUDIENCES.includes(String(claims.aud))) throw new DomainError('tokenBadAudience');
    const caller = callerOf(claims);
    this.verified.set(token, { kid: header.kid, key, exp: claims.exp!, ...(claims.nbf === undefined ? {} : { nbf: claims.nbf }), value: caller });
    return caller;
  }

  private async verifySignatureAndLifetime(token: string, key: Parameters<typeof jwtVerify>[1]): Promise<JWTPayload> {
    try {
      const options = { algorithms: ['RS256'], currentDate: new Date(this.clock.now()), clockTolerance: CLOCK_SKEW_SEC, requiredClaims: ['exp'] };
      return (await jwtVerify(token, key, options)).payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new DomainError('tokenExpired');
      if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) throw new DomainError('tokenMalformed');
      throw new DomainError('tokenInvalid');
    }
  }

}

/** An app-only token issued by the tenant's STS (idtyp app); the tenant's existence is checked per request. */
function callerOf(claims: JWTPayload): GraphCaller {
  const { tid, appid, idtyp, roles } = claims;
  if (typeof tid !== 'string' || claims.iss !== stsIssuer(tid) || idtyp !== 'app' || typeof appid !== 'string') {
    throw new DomainError('tokenInvalid');
  }
  const granted = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
  return { appId: appid, tenantId: tid, roles: granted, claims };
}

function bearerToken(header: string | undefined): string {
  const token = BEARER.exec(header ?? '')?.[1];
  if (!token) throw new DomainError('tokenEmpty');
  return token;
}

/** Three base64url segments with a JSON header; anything else is Graph's "CompactToken parsing failed". */
function compactHeader(token: string): ProtectedHeaderParameters {
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) throw new DomainError('tokenMalformed');
  try {
    return decodeProtectedHeader(token);
  } catch {
    throw new DomainError('tokenMalformed');
  }
}
