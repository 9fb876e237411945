import { createHash, createPrivateKey, webcrypto, type KeyObject } from 'node:crypto';
import { SignJWT, type JWTHeaderParameters } from 'jose';
import { AccessTokenVerifier } from '../../src/auth/access-token-verifier.js';
import { hashSecret } from '../../src/auth/secret-hash.js';
import { SigningKeys } from '../../src/auth/signing-keys.js';
import { TokenService } from '../../src/auth/token-service.js';
import { ManualClock } from '../../src/domain/clock.js';
import { WORLD_KINDS, consentId, type Application, type Consent, type Tenant } from '../../src/domain/world/types.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/ports.js';
import { loadX509 } from '../../src/tls/x509.js';
import { WorldReader } from '../../src/world/world-reader.js';

const x509 = await loadX509();

export const NOW = Date.parse('2026-11-28T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

export const CONTOSO: Tenant = {
  id: '11111111-1111-4111-8111-111111111111',
  displayName: 'Contoso Test',
  domain: 'contoso.test',
  meetingConfiguration: { allowRemoveParticipantAppIds: [] },
};
export const FABRIKAM: Tenant = {
  id: '22222222-2222-4222-8222-222222222222',
  displayName: 'Fabrikam Test',
  domain: 'fabrikam.test',
  meetingConfiguration: { allowRemoveParticipantAppIds: [] },
};
/** Home tenant of the foreign app; has no consents of its own. */
export const NORTHWIND: Tenant = {
  id: '33333333-3333-4333-8333-333333333333',
  displayName: 'Northwind Test',
  domain: 'northwind.test',
  meetingConfiguration: { allowRemoveParticipantAppIds: [] },
};

export const BOT = { appId: 'aaaaaaaa-0000-4000-8000-000000000001', secret: 'bot8Q~secret-value_with.unreserved~chars', spId: 'bbbbbbbb-0000-4000-8000-000000000001' };
/** Registered in Contoso, no consent anywhere. */
export const LONELY = { appId: 'aaaaaaaa-0000-4000-8000-000000000002', secret: 'lonely-secret' };
/** Home tenant Northwind, consented in Contoso only. */
export const FOREIGN = { appId: 'aaaaaaaa-0000-4000-8000-000000000003', secret: 'foreign-secret', spId: 'bbbbbbbb-0000-4000-8000-000000000003' };
export const BOT_ROLES = ['Calls.Initiate.All', 'Calls.JoinGroupCall.All'];

export interface TestCertificate {
  pem: string;
  privateKey: KeyObject;
  privateKeyPem: string;
  x5t: string;
  x5tS256: string;
}

/** A self-signed RSA certificate, as a bot developer would upload to the app registration. */
export async function makeCertificate(notBefore = NOW - DAY, notAfter = NOW + 365 * DAY): Promise<TestCertificate> {
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=bot test certificate',
    notBefore: new Date(notBefore),
    notAfter: new Date(notAfter),
    keys,
    signingAlgorithm: alg,
  });
  const der = Buffer.from(cert.rawData);
  const privateKeyPem = x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  return {
    pem: cert.toString('pem'),
    privateKey: createPrivateKey(privateKeyPem),
    privateKeyPem,
    x5t: createHash('sha1').update(der).digest('base64url'),
    x5tS256: createHash('sha256').update(der).digest('base64url'),
  };
}

function application(appId: string, homeTenantId: string, secret: string, certs: TestCertificate[] = []): Application {
  return {
    appId,
    displayName: `App ${appId.slice(-1)}`,
    homeTenantId,
    secrets: [{ id: `${appId}-s`, displayName: 'test', hint: secret.slice(0, 3), hash: hashSecret(secret), createdAt: '2026-01-01T00:00:00Z' }],
    certificates: certs.map((c, i) => ({ id: `${appId}-c${i}`, displayName: 'cert', pem: c.pem, x5t: c.x5t, x5tS256: c.x5tS256, createdAt: '2026-01-01T00:00:00Z' })),
  };
}

/** Writes the test world straight into the store (the documents WorldReader reads). */
export async function seedWorld(store: Store, certs: TestCertificate[]): Promise<void> {
  const put = <T>(kind: string, id: string, data: T) => store.docs.put(kind, id, data);
  for (const tenant of [CONTOSO, FABRIKAM, NORTHWIND]) await put(WORLD_KINDS.tenant, tenant.id, tenant);
  await put(WORLD_KINDS.application, BOT.appId, application(BOT.appId, CONTOSO.id, BOT.secret, certs));
  await put(WORLD_KINDS.application, LONELY.appId, application(LONELY.appId, CONTOSO.id, LONELY.secret));
  await put(WORLD_KINDS.application, FOREIGN.appId, application(FOREIGN.appId, NORTHWIND.id, FOREIGN.secret));
  const consents: Consent[] = [
    { tenantId: CONTOSO.id, appId: BOT.appId, servicePrincipalId: BOT.spId, permissions: BOT_ROLES },
    { tenantId: CONTOSO.id, appId: FOREIGN.appId, servicePrincipalId: FOREIGN.spId, permissions: ['Calls.Initiate.All'] },
  ];
  for (const consent of consents) await put(WORLD_KINDS.consent, consentId(consent.tenantId, consent.appId), consent);
}

export interface Identity {
  store: Store;
  clock: ManualClock;
  world: WorldReader;
  keys: SigningKeys;
  tokens: TokenService;
  verifier: AccessTokenVerifier;
}

/** The identity services on an in-memory store, wired as services.ts wires them. */
export async function buildIdentity(certs: TestCertificate[] = []): Promise<Identity> {
  const clock = new ManualClock(NOW);
  const store = await openStore({ inMemory: true, dataDir: 'unused', clock });
  await seedWorld(store, certs);
  const world = new WorldReader(store);
  const keys = new SigningKeys(store, clock);
  await keys.init();
  return { store, clock, world, keys, tokens: new TokenService({ keys, world, clock }), verifier: new AccessTokenVerifier({ keys, world, clock }) };
}

export const TOKEN_ENDPOINT = `https://localhost:8443/${CONTOSO.id}/oauth2/v2.0/token`;

/** A client assertion shaped like msal-node's (CLIENTS.md §1.3), with overridable parts. */
export async function clientAssertion(
  cert: TestCertificate,
  options: { alg?: 'RS256' | 'PS256'; header?: Partial<JWTHeaderParameters>; claims?: Record<string, unknown>; iatMs?: number; key?: KeyObject } = {},
): Promise<string> {
  const alg = options.alg ?? 'PS256';
  const thumbprint = alg === 'PS256' ? { 'x5t#S256': cert.x5tS256 } : { x5t: cert.x5t };
  const iat = Math.floor((options.iatMs ?? NOW) / 1000);
  const claims = { aud: TOKEN_ENDPOINT, iss: BOT.appId, sub: BOT.appId, jti: 'jti-1', iat, nbf: iat, exp: iat + 600, ...options.claims };
  return new SignJWT(claims)
    .setProtectedHeader({ alg, typ: 'JWT', ...thumbprint, ...options.header } as JWTHeaderParameters)
    .sign(options.key ?? cert.privateKey);
}

export const assertionForm = (assertion: string, clientId = BOT.appId): Record<string, string> => ({
  client_id: clientId,
  client_assertion: assertion,
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
});
