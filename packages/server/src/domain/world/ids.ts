import { createHash } from 'node:crypto';

/** Entra object ids and app ids: 8-4-4-4-12 hex digits, any version (Entra issues v4, fixtures often are not). */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID_PATTERN.test(value);
}

/** Where new random ids come from; injected so the domain never reaches for randomness itself. */
export interface IdGenerator {
  newId(): string;
}

/** The RFC 9562 namespace of every id Switchboard derives by name (itself a random v4 id). */
const SWITCHBOARD_NAMESPACE = '6f1d3c52-9b0e-4a57-8d2f-0c4b7e91a3d6';

/**
 * A name-based (version 5) GUID: the same seed gives the same id on every machine, which is
 * what keeps derived ids (service principals, file secrets) stable across restarts.
 */
export function guidFromSeed(seed: string): string {
  const namespace = Buffer.from(SWITCHBOARD_NAMESPACE.replaceAll('-', ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(seed, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * An app's service principal in a tenant: the same GUID every time it is consented there, and the
 * same one tokens carry as `oid` before any consent exists (auth/app-token-claims.ts derives it
 * the same way; a test keeps the two in step).
 */
export function servicePrincipalIdFor(tenantId: string, appId: string): string {
  const hex = createHash('sha256').update(`service-principal:${tenantId.toLowerCase()}:${appId.toLowerCase()}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
