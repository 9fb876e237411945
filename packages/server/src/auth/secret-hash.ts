import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Client secrets are stored as `scrypt$<salt b64>$<hash b64>`, never in clear.
 *
 * Cost trade-off: N = 2^12 (r = 8, p = 1) takes about 5 ms and 4 MiB per check, so a token
 * request stays fast even for an app with several secrets, and the check runs synchronously
 * on the request path. That is far below a password-grade cost, and deliberately so: Entra
 * secrets are 40 random characters (~240 bits), which no work factor needs to protect; the
 * hash only keeps a leaked database from revealing usable secrets. The parameters are fixed
 * (not encoded in the string), so changing them invalidates stored hashes.
 */
const SCRYPT = { N: 1 << 12, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export function hashSecret(value: string): string {
  const salt = randomBytes(SALT_LENGTH);
  const hash = scryptSync(value, salt, KEY_LENGTH, SCRYPT);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/**
 * Secrets that already passed scrypt, as stored hash → SHA-256 of the secret. A bot (or a test
 * suite, or the benchmark) asks for a token with the same secret again and again; scrypt made
 * that ~5 ms of blocked event loop per token (~28 ms on a loaded machine, issue 9 profile). Only
 * successes are remembered, so a wrong secret always pays the full scrypt; the fast hash never
 * leaves memory, and a removed secret stops matching because its stored hash is no longer asked.
 */
const verified = new Map<string, Buffer>();
const VERIFIED_LIMIT = 1_000;

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function remember(hash: string, value: string): void {
  if (verified.size >= VERIFIED_LIMIT) verified.delete(verified.keys().next().value as string);
  verified.set(hash, digest(value));
}

/** Constant-time comparison; a malformed stored hash simply does not match. */
export function verifySecret(value: string, hash: string): boolean {
  const known = verified.get(hash);
  if (known && timingSafeEqual(known, digest(value))) return true;
  const [scheme, saltB64, hashB64, ...rest] = hash.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !hashB64 || rest.length > 0) return false;
  const expected = Buffer.from(hashB64, 'base64');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = scryptSync(value, Buffer.from(saltB64, 'base64'), KEY_LENGTH, SCRYPT);
  const match = timingSafeEqual(actual, expected);
  if (match) remember(hash, value);
  return match;
}
