import { SignJWT } from 'jose';
import type { Clock } from '../domain/clock.js';
import type { ActiveSigner, JsonWebKey, SigningKeys, SigningKeysOptions } from '../auth/signing-keys.js';

/** The issuer of Graph's callback tokens (CLIENTS.md §7); bots also accept https://graph.microsoft.com. */
export const CALLBACK_ISSUER = 'https://api.botframework.com';

/** Graph's callback tokens live about 65 minutes (the documented example: exp = iat + 3900). */
export const CALLBACK_TOKEN_LIFETIME_SEC = 3900;

/**
 * Callback keys are their own SigningKeys instance: another document kind and certificate
 * subject, so rotating the Entra token keys never touches what bots validate callbacks with.
 */
export const CALLBACK_SIGNING_KEYS: SigningKeysOptions = {
  kind: 'callback-signing-key',
  subject: 'CN=Switchboard callback signing, O=Switchboard (local development only)',
  tokenLifetimeSec: CALLBACK_TOKEN_LIFETIME_SEC,
};

/** The documented claims, in the documented order (CLIENTS.md §7). */
export interface CallbackClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  tid: string;
}

export interface CallbackToken {
  jwt: string;
  kid: string;
  claims: CallbackClaims;
}

/** A JWKS entry as the Bot Framework key endpoint publishes it: with x5c and endorsements. */
export type CallbackJsonWebKey = JsonWebKey & { endorsements: string[] };

/** Distinct (app, tenant) pairs remembered; past this the cache starts over (a bound, not a tuning knob). */
const MAX_CACHED_RECIPIENTS = 1000;

interface Cached {
  kid: string;
  iat: number;
  token: Promise<CallbackToken>;
}

/**
 * Signs one callback POST the way Graph does: RS256, `{alg, typ, kid, x5t}` header.
 *
 * A token is reused within the same clock second for the same app, tenant and key. That is not a
 * shortcut with visible effects: the claims only change once a second (iat is whole seconds) and
 * RS256 (RSASSA-PKCS1-v1_5) is deterministic, so signing again would produce the very same bytes.
 * Every POST still carries a token whose iat is the second it was sent in; the cache only saves
 * the RSA operation (about half a millisecond of CPU) when many callbacks go out in one second.
 */
export class CallbackSigner {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
    private readonly issuer: string = CALLBACK_ISSUER,
  ) {}

  async sign(recipient: { appId: string; tenantId: string }): Promise<CallbackToken> {
    const signer = await this.keys.activeSigner();
    const iat = Math.floor(this.clock.now() / 1000);
    const key = `${recipient.appId}\n${recipient.tenantId}`;
    const cached = this.cache.get(key);
    if (cached?.iat === iat && cached.kid === signer.kid) return cached.token;
    const token = this.signNew(signer, recipient, iat);
    if (this.cache.size >= MAX_CACHED_RECIPIENTS) this.cache.clear();
    this.cache.set(key, { kid: signer.kid, iat, token });
    // A failed signing is not remembered: the next callback tries again.
    token.catch(() => this.cache.get(key)?.token === token && this.cache.delete(key));
    return token;
  }

  private async signNew(signer: ActiveSigner, recipient: { appId: string; tenantId: string }, iat: number): Promise<CallbackToken> {
    const claims: CallbackClaims = { aud: recipient.appId, iss: this.issuer, iat, nbf: iat, exp: iat + CALLBACK_TOKEN_LIFETIME_SEC, tid: recipient.tenantId };
    const jwt = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signer.kid, x5t: signer.x5t })
      .sign(signer.privateKey);
    return { jwt, kid: signer.kid, claims };
  }
}

/** `endorsements: ["msteams"]` marks keys valid for Teams channel traffic in the Bot Framework JWKS. */
export async function callbackJwks(keys: SigningKeys): Promise<{ keys: CallbackJsonWebKey[] }> {
  const { keys: published } = await keys.jwks();
  return { keys: published.map((key) => ({ ...key, endorsements: ['msteams'] })) };
}
