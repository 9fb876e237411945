import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors/index.js';
import type { Application } from '../domain/world/types.js';
import { ClientAssertionVerifier, JWT_BEARER } from './client-assertion.js';
import { verifySecret } from './secret-hash.js';

/** HTTP Basic client credentials, already URL-decoded per RFC 6749 §2.3.1. */
export interface BasicCredentials {
  id: string;
  secret: string;
  /** The secret exactly as sent, for clients that skip the form-encoding step. */
  rawSecret?: string;
}

/** `appidacr` of the issued token: 1 = client secret, 2 = certificate (client assertion). */
export type Appidacr = '1' | '2';

export interface ClientAuthRequest {
  app: Application;
  clientId: string;
  form: Record<string, string>;
  basicAuth?: BasicCredentials;
  /** Accepted client-assertion audiences (see assertionAudiences). */
  audiences: string[];
}

/**
 * The client id of a token request: the `client_id` parameter or the Basic user name. When both
 * are present they must agree (RFC 6749 §2.3.1 allows either, never two different clients).
 */
export function clientIdOf(form: Record<string, string>, basicAuth?: BasicCredentials): string {
  const fromForm = form.client_id?.trim();
  const fromBasic = basicAuth?.id.trim();
  if (fromForm && fromBasic && fromForm.toLowerCase() !== fromBasic.toLowerCase()) {
    throw new DomainError('oauthInvalidRequest', { detail: "'client_id' differs from the client named in the Authorization header." });
  }
  const clientId = fromForm || fromBasic;
  if (!clientId) throw new DomainError('invalidRequest', { param: 'client_id' });
  return clientId;
}

/**
 * Authenticates the client of a token request: client_secret_post, client_secret_basic or
 * private_key_jwt — the three methods Entra lists in `token_endpoint_auth_methods_supported`.
 */
export class ClientAuthenticator {
  private readonly assertions: ClientAssertionVerifier;

  constructor(private readonly clock: Clock) {
    this.assertions = new ClientAssertionVerifier(clock);
  }

  async authenticate(request: ClientAuthRequest): Promise<Appidacr> {
    const { form } = request;
    if (form.client_assertion !== undefined || form.client_assertion_type !== undefined) {
      await this.viaAssertion(request);
      return '2';
    }
    this.viaSecret(request.app, secretCandidates(form, request.basicAuth));
    return '1';
  }

  private async viaAssertion({ app, clientId, form, audiences }: ClientAuthRequest): Promise<void> {
    const type = form.client_assertion_type;
    if (!type) throw new DomainError('invalidRequest', { param: 'client_assertion_type' });
    if (type !== JWT_BEARER) {
      throw new DomainError('oauthInvalidRequest', { detail: `client_assertion_type '${type}' is not supported; use '${JWT_BEARER}'.` });
    }
    if (!form.client_assertion) throw new DomainError('invalidRequest', { param: 'client_assertion' });
    await this.assertions.verify(form.client_assertion, { app, clientId, audiences });
  }

  private viaSecret(app: Application, candidates: string[]): void {
    if (candidates.length === 0) throw new DomainError('oauthCredentialMissing');
    const match = app.secrets.find((s) => candidates.some((value) => verifySecret(value, s.hash)));
    if (!match) throw new DomainError('oauthInvalidSecret', { appId: app.appId });
    if (match.expiresAt && Date.parse(match.expiresAt) <= this.clock.now()) {
      throw new DomainError('oauthSecretExpired', { appId: app.appId });
    }
  }
}

/** The body's client_secret wins over Basic; a Basic secret is tried decoded, then as sent. */
function secretCandidates(form: Record<string, string>, basicAuth?: BasicCredentials): string[] {
  if (form.client_secret) return [form.client_secret];
  if (!basicAuth?.secret && !basicAuth?.rawSecret) return [];
  return [...new Set([basicAuth.secret, basicAuth.rawSecret ?? basicAuth.secret].filter(Boolean))];
}
