import { SignJWT } from 'jose';
import type { Clock } from '../domain/clock.js';
import type { JsonWebKey, SigningKeys, SigningKeysOptions } from '../auth/signing-keys.js';

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

/** Signs one callback POST the way Graph does: RS256, `{alg, typ, kid, x5t}` header. */
export class CallbackSigner {
  constructor(
    private readonly keys: SigningKeys,
    private readonly clock: Clock,
    private readonly issuer: string = CALLBACK_ISSUER,
  ) {}

  async sign(recipient: { appId: string; tenantId: string }): Promise<CallbackToken> {
    const signer = await this.keys.activeSigner();
    const iat = Math.floor(this.clock.now() / 1000);
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
