import { webcrypto, X509Certificate as NodeX509 } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { loadX509 } from './x509.js';

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 24 * 60 * 60 * 1000;

export interface Pem {
  certPem: string;
  keyPem: string;
}

async function keyPair(): Promise<webcrypto.CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
}

async function exportKey(key: webcrypto.CryptoKey): Promise<string> {
  const x509 = await loadX509();
  const der = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

const serial = (): string => Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1');

/** A local certificate authority for this data directory (10 years). */
export async function createCa(now: Date): Promise<Pem> {
  const x509 = await loadX509();
  const keys = await keyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=Switchboard Local CA, O=Switchboard (local development only)',
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 3650 * DAY),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKey(keys.privateKey) };
}

/** A server certificate signed by the CA, valid for `names` (DNS names and IP addresses). */
export async function createServerCert(ca: Pem, names: string[], now: Date): Promise<Pem> {
  const x509 = await loadX509();
  const keys = await keyPair();
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await importKey(ca.keyPem);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${names[0] ?? 'localhost'}`,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - DAY),
    // 397 days: the longest lifetime browsers accept for a TLS server certificate.
    notAfter: new Date(now.getTime() + 397 * DAY),
    signingKey: caKey,
    publicKey: keys.publicKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map((n) => ({ type: isIP(n) ? 'ip' : 'dns', value: n }) as const)),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKey(keys.privateKey) };
}

async function importKey(pem: string): Promise<webcrypto.CryptoKey> {
  const x509 = await loadX509();
  const der = x509.PemConverter.decode(pem)[0]!;
  return (await webcrypto.subtle.importKey('pkcs8', der, ALG, false, ['sign'])) ;
}

/** Whether a certificate still serves: covers every name and is valid for at least a day more. */
export function certificateCovers(certPem: string, names: string[], now: Date): boolean {
  const cert = new NodeX509(certPem);
  if (new Date(cert.validTo).getTime() - now.getTime() < DAY) return false;
  const sans = (cert.subjectAltName ?? '').split(', ').map((entry) => entry.replace(/^(DNS|IP Address):/, '').toLowerCase());
  return names.every((name) => sans.some((san) => sameName(san, name.toLowerCase())));
}

/** IPv6 SANs come back expanded (`0:0:…:1`), so addresses are compared as addresses. */
function sameName(san: string, name: string): boolean {
  const family = isIP(name);
  if (family === 0 || isIP(san) !== family) return san === name;
  const list = new BlockList();
  list.addAddress(san, family === 6 ? 'ipv6' : 'ipv4');
  return list.check(name, family === 6 ? 'ipv6' : 'ipv4');
}
