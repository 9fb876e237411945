import { mkdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { certificateCovers, createCa, createServerCert, type Pem } from './certificate-factory.js';

/** Names every local client dials. */
export const DEFAULT_TLS_NAMES = ['localhost', '127.0.0.1', '::1'];

export interface TlsMaterial {
  /** Absolute path of the CA certificate, always `<data>/ca.pem` (for NODE_EXTRA_CA_CERTS). */
  caPath: string;
  caPem: string;
  certPem: string;
  keyPem: string;
}

/**
 * First start creates a local CA and a server certificate in the data directory; later starts
 * reuse them, re-issuing only the server certificate when names were added or it nears expiry.
 * Users trust the CA once (NODE_EXTRA_CA_CERTS) and keep that trust across restarts.
 */
export async function ensureTls(dataDir: string, extraNames: string[], now: Date): Promise<TlsMaterial> {
  await mkdir(dataDir, { recursive: true });
  const names = [...new Set([...DEFAULT_TLS_NAMES, ...extraNames])];
  const ca = await loadOrCreate(join(dataDir, 'ca.pem'), join(dataDir, 'ca-key.pem'), () => createCa(now));
  const server = await loadOrCreate(join(dataDir, 'server.pem'), join(dataDir, 'server-key.pem'), () => createServerCert(ca, names, now), (pem) =>
    certificateCovers(pem.certPem, names, now),
  );
  return { caPath: join(dataDir, 'ca.pem'), caPem: ca.certPem, certPem: server.certPem, keyPem: server.keyPem };
}

async function loadOrCreate(certPath: string, keyPath: string, create: () => Promise<Pem>, usable: (pem: Pem) => boolean = () => true): Promise<Pem> {
  const existing = await readPair(certPath, keyPath);
  if (existing && usable(existing)) return existing;
  const fresh = await create();
  await writeFile(keyPath, fresh.keyPem, { mode: 0o600 });
  await chmod(keyPath, 0o600);
  await writeFile(certPath, fresh.certPem);
  return fresh;
}

async function readPair(certPath: string, keyPath: string): Promise<Pem | undefined> {
  try {
    return { certPem: await readFile(certPath, 'utf8'), keyPem: await readFile(keyPath, 'utf8') };
  } catch {
    return undefined;
  }
}
