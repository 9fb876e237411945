import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors/index.js';
import type { WorldReader } from '../world/world-reader.js';
import { GRAPH_AUDIENCES, stsIssuer } from './app-token-claims.js';
import type { SigningKeys } from './signing-keys.js';

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

/**
 * Verifies the bearer token of every Graph request: only RS256 tokens signed by one of our
 * published keys, within their lifetime, for Graph's audience, issued by a tenant that exists,
 * to an app (idtyp app). Failures carry Graph's 401 messages (CLIENTS.md §9).
 */
export class AccessTokenVerifier {
  private readonly keys: SigningKeys;
  private readonly world: WorldReader;
  private readonly clock: Clock;

  constructor(deps: { keys: SigningKeys; world: WorldReader; clock: Clock }) {
    ({ keys: this.keys, world: this.world, clock: this.clock } = deps);
  }

  async verify(authorizationHeader: string | undefined): Promise<GraphCaller> {
    const token = bearerToken(authorizationHeader);
    const header = compactHeader(token);
    if (header.alg !== 'RS256') throw new DomainError('tokenInvalid');
    const key = await this.keys.verificationKey(header.kid);
    if (!key) throw new DomainError('tokenInvalid');
    const claims = await this.verifySignatureAndLifetime(token, key);
    if (!GRAPH_AUDIENCES.includes(String(claims.aud))) throw new DomainError('tokenBadAudience');
    return this.caller(claims);
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

  private async caller(claims: JWTPayload): Promise<GraphCaller> {
    const { tid, appid, idtyp, roles } = claims;
    if (typeof tid !== 'string' || claims.iss !== stsIssuer(tid) || idtyp !== 'app' || typeof appid !== 'string') {
      throw new DomainError('tokenInvalid');
    }
    if (!(await this.world.tenant(tid))) throw new DomainError('tokenInvalid');
    const granted = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
    return { appId: appid, tenantId: tid, roles: granted, claims };
  }
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
