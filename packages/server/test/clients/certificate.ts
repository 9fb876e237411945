import { createHash, generateKeyPairSync, webcrypto, X509Certificate } from 'node:crypto';
import { loadX509 } from '../../src/tls/x509.js';

const x509 = await loadX509();

export interface BotCertificate {
  certPem: string;
  keyPem: string;
  /** Hex SHA-256 of the DER, what msal-node's `clientCertificate.thumbprintSha256` takes. */
  thumbprintSha256: string;
}

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** A self-signed RSA certificate for an app registration, valid for a day either side of now. */
export async function botCertificate(): Promise<BotCertificate> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  const keys = {
    privateKey: await webcrypto.subtle.importKey('pkcs8', privateKey.export({ type: 'pkcs8', format: 'der' }), RSA, true, ['sign']),
    publicKey: await webcrypto.subtle.importKey('jwk', { kty: 'RSA', n: jwk.n, e: jwk.e }, RSA, true, ['verify']),
  };
  const day = 86_400_000;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '02', name: 'CN=conformance bot', notBefore: new Date(Date.now() - day), notAfter: new Date(Date.now() + day), keys, signingAlgorithm: RSA });
  const certPem = cert.toString('pem');
  const thumbprintSha256 = createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex');
  return { certPem, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), thumbprintSha256 };
}
