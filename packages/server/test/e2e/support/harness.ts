import { request } from 'undici';
import { DEMO } from '../../../src/world/demo-world.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { startWebhookReceiver, type WebhookReceiver, type WebhookReceiverOptions } from '../../helpers/webhook-receiver.js';

/**
 * End-to-end harness: a real HTTPS server on loopback, a Graph client and a control-API client
 * that talk to it over the network, and webhook receivers that validate every callback token
 * against the server's OpenID metadata the way a production bot does.
 */

export type Json = Record<string, unknown>;

export interface HttpResult<T = Json> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  body: T;
  raw: string;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphOptions {
  version?: 'v1.0' | 'beta';
  appId?: string;
  /** The tenant the token is issued in (default Contoso). */
  tenantId?: string;
  /** Use this bearer token instead of a fresh one. */
  token?: string;
}

/** The Graph API as a bot calls it: an app-only token in the Authorization header. */
export interface GraphClient {
  request<T = Json>(method: Method, path: string, body?: unknown, options?: GraphOptions): Promise<HttpResult<T>>;
  token(appId?: string, tenantId?: string): Promise<string>;
}

/** The control API (/_switchboard/…) with the admin key. */
export interface ControlClient {
  request<T = Json>(method: Method, path: string, body?: unknown): Promise<HttpResult<T>>;
  /** Like request, but fails unless the status is `expected`. */
  expect<T = Json>(expected: number, method: Method, path: string, body?: unknown): Promise<T>;
}

export interface E2eOptions {
  flags?: Record<string, unknown>;
  inMemory?: boolean;
  dataDir?: string;
}

export interface E2e {
  server: TestServer;
  graph: GraphClient;
  control: ControlClient;
  /** `<server>/v1/.well-known/OpenIdConfiguration`, what bots validate callbacks against. */
  metadataUrl: string;
  /** A receiver for `audience`'s callbacks (default the demo bot), closed with the harness. */
  receiver(options?: Partial<WebhookReceiverOptions>): Promise<WebhookReceiver>;
  close(): Promise<void>;
}

/** Admin-key authenticated requests to a running server. */
export async function send<T>(server: TestServer, method: Method, path: string, headers: Record<string, string>, body?: unknown): Promise<HttpResult<T>> {
  const response = await request(`${server.httpsUrl}${path}`, {
    method,
    dispatcher: server.dispatcher,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  const raw = await response.body.text();
  let parsed: unknown;
  try {
    parsed = raw === '' ? undefined : JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  return { status: response.statusCode, headers: response.headers, body: parsed as T, raw };
}

export function graphClient(server: TestServer): GraphClient {
  // A fresh token per request: under a fast clock (timeScale) a token's hour passes in seconds.
  const token = (appId: string = DEMO.appId, tenantId: string = DEMO.tenantId) => server.deps.services.tokens.issueAppToken(appId, tenantId, '1');
  return {
    token,
    async request(method, path, body, options = {}) {
      const bearer = options.token ?? (await token(options.appId, options.tenantId));
      return send(server, method, `/${options.version ?? 'v1.0'}${path}`, { authorization: `Bearer ${bearer}` }, body);
    },
  };
}

export function controlClient(server: TestServer): ControlClient {
  const headers = { authorization: `Bearer ${server.deps.adminKey}` };
  const client: ControlClient = {
    request: (method, path, body) => send(server, method, `/_switchboard${path}`, headers, body),
    async expect(expected, method, path, body) {
      const result = await client.request(method, path, body);
      if (result.status !== expected) throw new Error(`${method} /_switchboard${path}: expected ${expected}, got ${result.status}: ${result.raw}`);
      return result.body as never;
    },
  };
  return client;
}

/** Starts a server (on the suite's store, instant latency unless told otherwise) and the clients around it. */
export async function startE2e(options: E2eOptions = {}): Promise<E2e> {
  const server = await startTestServer({ ...(options.inMemory === undefined ? {} : { inMemory: options.inMemory }), flags: { latency: 'instant', ...options.flags }, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  return harnessFor(server);
}

/** The clients and receivers around an already started server. */
export function harnessFor(server: TestServer): E2e {
  const receivers: WebhookReceiver[] = [];
  const metadataUrl = `${server.httpsUrl}/v1/.well-known/OpenIdConfiguration`;
  return {
    server,
    graph: graphClient(server),
    control: controlClient(server),
    metadataUrl,
    async receiver(options = {}) {
      const receiver = await startWebhookReceiver({ ...botReceiverOptions(server), ...options });
      receivers.push(receiver);
      return receiver;
    },
    async close() {
      await Promise.all(receivers.map((receiver) => receiver.close()));
      await server.close();
    },
  };
}

/**
 * What a production bot's validator is configured with: the service's metadata URL, the bot's
 * app id as audience, trust in the local CA, and the service's notion of now (a scaled clock
 * runs ahead of the wall clock, and so do the tokens it signs).
 */
export function botReceiverOptions(server: TestServer, audience: string = DEMO.appId): WebhookReceiverOptions {
  return {
    metadataUrl: `${server.httpsUrl}/v1/.well-known/OpenIdConfiguration`,
    audience,
    dispatcher: server.dispatcher,
    currentDate: () => new Date(server.deps.clock.now()),
  };
}
