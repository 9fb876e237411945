import { performance } from 'node:perf_hooks';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { Pool } from 'undici';
import { DEMO } from '../../src/world/demo-world.js';
import type { TokenCheck } from './receiver.js';

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  /** performance.now() when the whole response had been read: the moment the request is acknowledged. */
  ackAt: number;
  sentAt: number;
}

/**
 * The load generator's HTTP side: one keep-alive undici Pool to https://127.0.0.1:<port>, trusting
 * the server's CA (127.0.0.1 is a SAN of its certificate), sized to the benchmark's concurrency.
 */
export class BenchClient {
  private readonly pool: Pool;
  private graphToken = '';

  constructor(
    port: number,
    caPem: string,
    private readonly adminKey: string,
    connections: number,
    private readonly signal: AbortSignal,
  ) {
    this.pool = new Pool(`https://127.0.0.1:${port}`, { connections, connect: { ca: caPem } });
  }

  /** A real app token for the demo bot from the token endpoint (client credentials + secret). */
  async acquireToken(): Promise<void> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO.appId, client_secret: DEMO.appSecret, scope: 'https://graph.microsoft.com/.default' });
    const reply = await this.send('POST', `/${DEMO.tenantId}/oauth2/v2.0/token`, { 'content-type': 'application/x-www-form-urlencoded' }, form.toString());
    const token = reply.body.access_token;
    if (reply.status !== 200 || typeof token !== 'string') throw new Error(`token endpoint answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    this.graphToken = token;
  }

  control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Reply> {
    return this.send(method, `/_switchboard${path}`, this.jsonHeaders(this.adminKey, body), body === undefined ? undefined : JSON.stringify(body));
  }

  graph(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Reply> {
    return this.send(method, `/v1.0${path}`, this.jsonHeaders(this.graphToken, body), body === undefined ? undefined : JSON.stringify(body));
  }

  /** What a production bot validates (issuer, audience, RS256 signature), with the keys the server publishes. */
  async tokenCheck(): Promise<TokenCheck> {
    const metadata = await this.send('GET', '/v1/.well-known/OpenIdConfiguration', {});
    const keys = await this.send('GET', new URL(String(metadata.body.jwks_uri)).pathname, {});
    const jwks = createLocalJWKSet(keys.body as unknown as JSONWebKeySet);
    const issuer = String(metadata.body.issuer);
    return async (token) => {
      if (!token) return false;
      try {
        await jwtVerify(token, jwks, { issuer, audience: DEMO.appId, algorithms: ['RS256'] });
        return true;
      } catch {
        return false;
      }
    };
  }

  /** After a failure, requests to a stuck server may never end: `force` drops them instead of waiting. */
  close(force = false): Promise<void> {
    return force ? this.pool.destroy() : this.pool.close();
  }

  private jsonHeaders(bearer: string, body: unknown): Record<string, string> {
    return { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  }

  private async send(method: 'GET' | 'POST' | 'DELETE', path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
    const sentAt = performance.now();
    const response = await this.pool.request({ method, path, headers, body, signal: this.signal });
    const text = await response.body.text();
    const ackAt = performance.now();
    return { status: response.statusCode, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, ackAt, sentAt };
  }
}
