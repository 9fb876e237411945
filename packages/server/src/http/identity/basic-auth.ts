import type { BasicCredentials } from '../../auth/client-authenticator.js';

/**
 * `Authorization: Basic base64(client_id ":" client_secret)` where both parts are first
 * form-urlencoded (RFC 6749 §2.3.1). Clients that skip the encoding still work: the secret as
 * sent is kept in `rawSecret` and tried too.
 */
export function parseBasicAuthorization(header: string | undefined): BasicCredentials | undefined {
  const encoded = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const [rawId, rawSecret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
  return { id: formDecode(rawId), secret: formDecode(rawSecret), rawSecret };
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
