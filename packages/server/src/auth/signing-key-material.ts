import { createHash, createPrivateKey, createPublicKey, webcrypto, type KeyObject } from 'node:crypto';
import { loadX509 } from '../tls/x509.js';

/** A signing key as stored (one document per key). Everything needed to sign and to publish. */
export interface SigningKeyDoc {
  kid: string;
  /** Milliseconds since the epoch; the newest key is the active signer. */
  createdAt: number;
  /** PKCS#8 PEM of the RSA private key. */
  privateKeyPem: string;
  /** Base64 DER of the self-signed certificate (the JWKS `x5c[0]`). */
  certificateDer: string;
  /** Base64url RSA modulus and exponent (JWKS `n`, `e`). */
  n: string;
  e: string;
}

export interface JsonWebKey {
  kty: 'RSA';
  use: 'sig';
  kid: string;
  x5t: string;
  n: string;
  e: string;
  x5c: string[];
  issuer?: string;
}

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Entra's token-signing certificates are issued for about five years. */
const CERT_LIFETIME_MS = 5 * 365 * DAY_MS;

/**
 * A fresh RSA-2048 key with a self-signed certificate. Like Entra, the kid is the base64url
 * SHA-1 thumbprint of the certificate, so `kid` and `x5t` carry the same value.
 */
export async function createSigningKey(subject: string, now: number): Promise<SigningKeyDoc> {
  const x509 = await loadX509();
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
    name: subject,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + CERT_LIFETIME_MS),
    keys,
    signingAlgorithm: RSA,
  });
  const der = Buffer.from(cert.rawData);
  const jwk = await webcrypto.subtle.exportKey('jwk', keys.publicKey);
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    kid: thumbprintSha1(der),
    createdAt: now,
    privateKeyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
    certificateDer: der.toString('base64'),
    n: jwk.n ?? '',
    e: jwk.e ?? '',
  };
}

export const thumbprintSha1 = (der: Buffer): string => createHash('sha1').update(der).digest('base64url');

export function toJwk(doc: SigningKeyDoc): JsonWebKey {
  return { kty: 'RSA', use: 'sig', kid: doc.kid, x5t: doc.kid, n: doc.n, e: doc.e, x5c: [doc.certificateDer] };
}

export const privateKeyOf = (doc: SigningKeyDoc): KeyObject => createPrivateKey(doc.privateKeyPem);

export const publicKeyOf = (doc: SigningKeyDoc): KeyObject => createPublicKey(doc.privateKeyPem);
