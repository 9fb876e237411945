import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** A local stand-in for api.aps.skype.com: OpenID metadata + JWKS on 127.0.0.1, and a token minter. */
export interface OpenIdServer {
  metadataUrl: string;
  /** How many times the metadata document was fetched. */
  metadataHits: () => number;
  /** Signs a callback token with the published key (or another one), with overridable claims. */
  mint(claims?: JWTPayload, options?: MintOptions): Promise<string>;
  close(): Promise<void>;
}

export interface MintOptions {
  key?: CryptoKey;
  kid?: string;
}

export const APP_ID = '7c9a1bbf-4f0e-4f4e-9a8a-2d3c1f0e8b11';
export const TENANT_ID = '24be639f-17e8-4f9a-8e2d-be151677740d';
export const ISSUER = 'https://api.botframework.com';

export async function startOpenIdServer(): Promise<OpenIdServer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', use: 'sig', alg: 'RS256' };
  let hits = 0;
  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url?.toLowerCase() === '/v1/.well-known/openidconfiguration') {
      hits += 1;
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/v1/keys` }));
    }
    if (request.url === '/v1/keys') return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    response.writeHead(404).end();
  });
  await listen(server);
  const metadataUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/.well-known/OpenIdConfiguration`;
  const mint = async (claims: JWTPayload = {}, options: MintOptions = {}): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    const payload = { aud: APP_ID, iss: ISSUER, tid: TENANT_ID, iat: now, nbf: now, exp: now + 3900, ...claims };
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'key-1' }).sign(options.key ?? privateKey);
  };
  return { metadataUrl, metadataHits: () => hits, mint, close: () => close(server) };
}

export function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
