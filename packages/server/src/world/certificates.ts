import { X509Certificate, createHash } from 'node:crypto';
import type { WorldProblem } from '../domain/world/world-check.js';
import type { WorldFile } from './world-file.schema.js';

export interface CertificateFacts {
  /** Normalised PEM of the first certificate in the input. */
  pem: string;
  /** Base64url SHA-1 of the DER (`x5t` in client assertions). */
  x5t: string;
  /** Base64url SHA-256 of the DER (`x5t#S256`). */
  x5tS256: string;
  /** The subject CN, a sensible default display name. */
  commonName?: string;
}

export type CertificateRead = { ok: true; facts: CertificateFacts } | { ok: false; reason: string };

export function readCertificate(pem: string): CertificateRead {
  if (/PRIVATE KEY-----/.test(pem)) return { ok: false, reason: 'it contains a private key; send only the public certificate' };
  if (!/-----BEGIN CERTIFICATE-----/.test(pem)) return { ok: false, reason: 'no -----BEGIN CERTIFICATE----- block found' };
  try {
    return { ok: true, facts: factsOf(new X509Certificate(pem)) };
  } catch (error) {
    return { ok: false, reason: `it does not parse (${error instanceof Error ? error.message : String(error)})` };
  }
}

function factsOf(certificate: X509Certificate): CertificateFacts {
  const der = certificate.raw;
  const commonName = /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1];
  return {
    pem: certificate.toString().trim(),
    x5t: createHash('sha1').update(der).digest('base64url'),
    x5tS256: createHash('sha256').update(der).digest('base64url'),
    ...(commonName ? { commonName } : {}),
  };
}

/** Certificates the schema could only check for a PEM header, parsed for real. */
export function certificateProblems(file: Pick<WorldFile, 'applications'>): WorldProblem[] {
  return file.applications.flatMap((app, i) =>
    app.certificates.flatMap((pem, j) => {
      const read = readCertificate(pem);
      return read.ok ? [] : [{ path: ['applications', i, 'certificates', j], message: `not a usable certificate: ${read.reason}` }];
    }),
  );
}
