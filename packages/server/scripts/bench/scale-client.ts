import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { DEMO } from '../../src/world/demo-world.js';

/** One node as the load generator sees it: its HTTPS port and the CA its certificate chains to. */
export interface NodeAddress {
  port: number;
  caPem: string;
}

/** One request as measured: which operation, its status, and send → whole response read. */
export interface RequestSample {
  op: string;
  status: number;
  ms: number;
  at: number;
}

export interface ScaleReply {
  status: number;
  body: Record<string, unknown>;
  sentAt: number;
  ackAt: number;
}

type Method = 'GET' | 'POST' | 'DELETE';

/**
 * The load generator's HTTP side for the scale benchmark: one keep-alive undici Pool per node,
 * and every request goes to the next node in turn — a client-side round-robin load balancer, so
 * a call created on one node is read, muted and hung up through the others. Every request is
 * recorded (op, status, latency) while `recording` is on.
 */
export class ScaleClient {
  readonly samples: RequestSample[] = [];
  recording = false;
  private readonly pools: Pool[];
  private next = 0;

  constructor(
    nodes: NodeAddress[],
    private readonly adminKey: string,
    connectionsPerNode: number,
    private readonly signal: AbortSignal,
  ) {
    this.pools = nodes.map((node) => new Pool(`https://127.0.0.1:${node.port}`, { connections: connectionsPerNode, connect: { ca: node.caPem } }));
  }

  /** A fresh app token for the demo bot (client credentials + secret), as a bot does at start. */
  async token(): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO.appId, client_secret: DEMO.appSecret, scope: 'https://graph.microsoft.com/.default' });
    const reply = await this.send('token', 'POST', `/${DEMO.tenantId}/oauth2/v2.0/token`, { 'content-type': 'application/x-www-form-urlencoded' }, form.toString());
    const token = reply.body.access_token;
    if (reply.status !== 200 || typeof token !== 'string') throw new Error(`token endpoint answered ${reply.status}: ${JSON.stringify(reply.body).slice(0, 300)}`);
    return token;
  }

  control(op: string, method: Method, path: string, body?: unknown): Promise<ScaleReply> {
    return this.send(op, method, `/_switchboard${path}`, jsonHeaders(this.adminKey, body), body === undefined ? undefined : JSON.stringify(body));
  }

  graph(op: string, token: string, method: Method, path: string, body?: unknown): Promise<ScaleReply> {
    return this.send(op, method, `/v1.0${path}`, jsonHeaders(token, body), body === undefined ? undefined : JSON.stringify(body));
  }

  /** After a failure, requests to a stuck node may never end: `force` drops them instead of waiting. */
  async close(force = false): Promise<void> {
    await Promise.all(this.pools.map((pool) => (force ? pool.destroy() : pool.close())));
  }

  private async send(op: string, method: Method, path: string, headers: Record<string, string>, body?: string): Promise<ScaleReply> {
    const pool = this.pools[this.next++ % this.pools.length] as Pool;
    const sentAt = performance.now();
    const response = await pool.request({ method, path, headers, body, signal: this.signal });
    const text = await response.body.text();
    const ackAt = performance.now();
    if (this.recording) this.samples.push({ op, status: response.statusCode, ms: ackAt - sentAt, at: ackAt });
    return { status: response.statusCode, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, sentAt, ackAt };
  }
}

function jsonHeaders(bearer: string, body: unknown): Record<string, string> {
  return { authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
}
