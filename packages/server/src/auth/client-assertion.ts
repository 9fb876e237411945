import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, errors as joseErrors, type ProtectedHeaderParameters } from 'jose';
import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors/index.js';
import type { Application, ClientCertificate, Tenant } from '../domain/world/types.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** msal-node signs with PS256 (thumbprintSha256) or RS256 (SHA-1 thumbprint); CLIENTS.md §1.3. */
const ALGORITHMS = ['RS256', 'PS256'];
/** Entra tolerates five minutes of clock skew on assertion lifetimes. */
const SKEW_MS = 5 * 60 * 1000;
const JWT_TYPES = ['jwt', 'http://openid.net/specs/jwt/1.0'];
const ENTRA_HOST = 'https://login.microsoftonline.com';

export interface AssertionContext {
  app: Application;
  clientId: string;
  /** Accepted `aud` values, lower-cased (see assertionAudiences). */
  audiences: string[];
}

interface CertificateKey {
  key: KeyObject;
  validFrom: number;
  validTo: number;
}

interface AssertionClaims {
  aud?: unknown;
  iss?: unknown;
  sub?: unknown;
  exp?: unknown;
  nbf?: unknown;
}

/**
 * The `aud` values Entra accepts in a client assertion: the token endpoint as dialled, plus the
 * login.microsoftonline.com form (bots using hosts mapping build it by hand), each with the tenant
 * id, its domain or the segment as dialled, on the v2.0 and v1 token paths.
 */
export function assertionAudiences(tokenEndpoint: string, tenant: Tenant, segment: string): string[] {
  const origins = [new URL(tokenEndpoint).origin, ENTRA_HOST];
  const tenants = [tenant.id, tenant.domain, segment];
  const forms = origins.flatMap((o) => tenants.flatMap((t) => [`${o}/${t}/oauth2/v2.0/token`, `${o}/${t}/oauth2/token`]));
  return [...new Set([tokenEndpoint, ...forms].map((a) => a.toLowerCase()))];
}

/**
 * Verifies a `private_key_jwt` client assertion (RFC 7523) against the app's registered
 * certificates, failing with the AADSTS errors Entra gives for each defect. There is no jti
 * replay cache on purpose: msal-node reuses one assertion until it nears expiry
 * (@azure/msal-node src/client/ClientAssertion.ts getJwt), and Entra accepts that.
 */
export class ClientAssertionVerifier {
  private readonly keys = new Map<string, CertificateKey>();

  constructor(private readonly clock: Clock) {}

  async verify(assertion: string, context: AssertionContext): Promise<void> {
    const header = readHeader(assertion);
    const cert = pickCertificate(context.app, header);
    const certKey = this.keyOf(cert);
    const thumbprint = thumbprintHex(header);
    this.checkKeyValidity(certKey, thumbprint, context.app.appId);
    const claims = await verifySignature(assertion, certKey.key, thumbprint, context.app.appId);
    this.checkLifetime(claims);
    checkIdentity(claims, context);
  }

  private keyOf(cert: ClientCertificate): CertificateKey {
    const cached = this.keys.get(cert.x5tS256);
    if (cached) return cached;
    const x509 = new X509Certificate(cert.pem);
    const entry = { key: createPublicKey(cert.pem), validFrom: Date.parse(x509.validFrom), validTo: Date.parse(x509.validTo) };
    this.keys.set(cert.x5tS256, entry);
    return entry;
  }

  private checkKeyValidity(cert: CertificateKey, thumbprint: string, appId: string): void {
    const now = this.clock.now();
    if (now >= cert.validFrom && now <= cert.validTo) return;
    const [start, end] = [cert.validFrom, cert.validTo].map((t) => new Date(t).toISOString());
    throw new DomainError('oauthAssertionKeyExpired', { thumbprint, appId, start: start!, end: end! });
  }

  private checkLifetime(claims: AssertionClaims): void {
    const now = this.clock.now();
    const exp = numericDate(claims.exp, 'exp');
    const nbf = claims.nbf === undefined ? 0 : numericDate(claims.nbf, 'nbf');
    if (now <= exp * 1000 + SKEW_MS && now >= nbf * 1000 - SKEW_MS) return;
    const iso = (ms: number): string => new Date(ms).toISOString();
    throw new DomainError('oauthAssertionLifetime', { now: iso(now), nbf: iso(nbf * 1000), exp: iso(exp * 1000) });
  }
}

function readHeader(assertion: string): ProtectedHeaderParameters {
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw new DomainError('oauthAssertionMalformed');
  }
  if (assertion.split('.').length !== 3) throw new DomainError('oauthAssertionMalformed');
  if (header.typ !== undefined && !JWT_TYPES.includes(String(header.typ).toLowerCase())) throw new DomainError('oauthAssertionType');
  if (!header.alg || !ALGORITHMS.includes(header.alg)) throw new DomainError('oauthAssertionAlgorithm', { alg: String(header.alg) });
  return header;
}

/** `x5t#S256` wins over `x5t`, as msal-node sends only one of them (CLIENTS.md §1.3). */
function pickCertificate(app: Application, header: ProtectedHeaderParameters): ClientCertificate {
  const s256 = header['x5t#S256'];
  const sha1 = header.x5t;
  if (typeof s256 !== 'string' && typeof sha1 !== 'string') throw new DomainError('oauthAssertionNoThumbprint');
  const cert = typeof s256 === 'string' ? app.certificates.find((c) => c.x5tS256 === s256) : app.certificates.find((c) => c.x5t === sha1);
  if (!cert) throw new DomainError('oauthAssertionKeyNotFound', { thumbprint: thumbprintHex(header), appId: app.appId });
  return cert;
}

async function verifySignature(assertion: string, key: KeyObject, thumbprint: string, appId: string): Promise<AssertionClaims> {
  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(assertion, key, { algorithms: ALGORITHMS }));
  } catch (error) {
    if (error instanceof joseErrors.JWSInvalid) throw new DomainError('oauthAssertionMalformed');
    throw new DomainError('oauthAssertionBadSignature', { thumbprint, appId });
  }
  return parseClaims(payload);
}

function parseClaims(payload: Uint8Array): AssertionClaims {
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload).toString('utf8'));
    if (claims && typeof claims === 'object' && !Array.isArray(claims)) return claims as AssertionClaims;
  } catch {
    // Not JSON: reported below as a malformed token, like any other unreadable assertion.
  }
  throw new DomainError('oauthAssertionMalformed');
}

function checkIdentity(claims: AssertionClaims, context: AssertionContext): void {
  const iss = requiredString(claims.iss, 'iss');
  const sub = requiredString(claims.sub, 'sub');
  const auds = (Array.isArray(claims.aud) ? claims.aud : [requiredString(claims.aud, 'aud')]).map(String);
  if (iss !== context.clientId) throw new DomainError('oauthAssertionIssuer');
  if (sub !== iss) throw new DomainError('oauthAssertionSubject');
  if (!auds.some((aud) => context.audiences.includes(aud.toLowerCase()))) {
    throw new DomainError('oauthAssertionAudience', { aud: auds.join(', '), expected: context.audiences[0] ?? '' });
  }
}

function requiredString(value: unknown, field: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new DomainError('oauthAssertionMissingClaim', { field });
}

function numericDate(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new DomainError('oauthAssertionMissingClaim', { field });
}

/** Entra quotes thumbprints as upper-case hex in its messages. */
function thumbprintHex(header: ProtectedHeaderParameters): string {
  const value = header['x5t#S256'] ?? header.x5t;
  return typeof value === 'string' ? Buffer.from(value, 'base64url').toString('hex').toUpperCase() : '';
}
