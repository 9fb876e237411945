import { webcrypto } from 'node:crypto';

type X509 = typeof import('@peculiar/x509');

let loaded: Promise<X509> | undefined;

/**
 * @peculiar/x509 resolves its ASN.1 providers through tsyringe, which needs the Reflect metadata
 * polyfill loaded first. Import x509 only through this function. It is loaded on first use, not
 * at start: its ~200 modules were a fifth of every cold start, and a restart with existing
 * certificates and signing keys never needs it (issue 9).
 */
export function loadX509(): Promise<X509> {
  loaded ??= import('reflect-metadata').then(async () => {
    const x509 = await import('@peculiar/x509');
    x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
    return x509;
  });
  return loaded;
}
