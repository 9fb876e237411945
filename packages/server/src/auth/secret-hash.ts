import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

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

/** Constant-time comparison; a malformed stored hash simply does not match. */
export function verifySecret(value: string, hash: string): boolean {
  const [scheme, saltB64, hashB64, ...rest] = hash.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !hashB64 || rest.length > 0) return false;
  const expected = Buffer.from(hashB64, 'base64');
  if (expected.length !== KEY_LENGTH) return false;
  const actual = scryptSync(value, Buffer.from(saltB64, 'base64'), KEY_LENGTH, SCRYPT);
  return timingSafeEqual(actual, expected);
}
