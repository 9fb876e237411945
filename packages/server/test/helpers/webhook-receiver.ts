import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createRemoteJWKSet,
  customFetch,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type FetchImplementation,
  type JWTPayload,
  type JWTVerifyGetKey,
  type ProtectedHeaderParameters,
} from 'jose';
import { fetch as undiciFetch, type Dispatcher } from 'undici';

/** One POST the receiver got, with what a production bot's validator made of its token. */
export interface ReceivedCallback {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** The parsed JSON body (undefined when it was not JSON). */
  body: unknown;
  token?: string;
  header?: ProtectedHeaderParameters;
  /** Decoded claims, whether or not the token validated. */
  claims?: JWTPayload;
  /** Undefined when the receiver was started without a metadataUrl (no validation). */
  valid?: boolean;
  validationError?: string;
  /** What the receiver answered; 0 while the answer is still being decided. */
  status: number;
}

export type ReceiverAnswer = number | { status: number; headers?: Record<string, string> };

export interface WebhookReceiverOptions {
  /** The service's `…/v1/.well-known/OpenIdConfiguration`; every token is validated against it. */
  metadataUrl?: string;
  /** The bot's app id(s): the expected `aud`. Required with metadataUrl. */
  audience?: string | string[];
  /** For https metadata: a dispatcher that trusts the service's CA. */
  dispatcher?: Dispatcher;
  /** The validator's notion of now, for a service on a manual clock (default: real time). */
  currentDate?: () => Date;
  /** The answer; default 403 for a token that failed validation (as the Graph samples do), else 202. */
  respond?: (callback: ReceivedCallback) => ReceiverAnswer | Promise<ReceiverAnswer>;
}

export interface WebhookReceiver {
  /** POST target, e.g. http://127.0.0.1:41234/callback */
  url: string;
  received: ReceivedCallback[];
  /** The first callback (already received or still to come) that matches. */
  waitFor(predicate: (callback: ReceivedCallback) => boolean, timeoutMs?: number): Promise<ReceivedCallback>;
  close(): Promise<void>;
}

/** The issuers the Graph comms samples accept (CLIENTS.md §7). */
const ISSUERS = ['https://api.botframework.com', 'https://graph.microsoft.com'];

/**
 * A bot's calling webhook on 127.0.0.1:<random>: records every request and validates its bearer
 * token the way the Microsoft samples do (issuer, audience, signature via the OpenID metadata's
 * jwks_uri, lifetime with 5 minutes of skew, `tid` present), recording failures rather than
 * throwing so a test can assert on them.
 */
export async function startWebhookReceiver(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
  const received: ReceivedCallback[] = [];
  const waiters = new Set<() => void>();
  const validate = options.metadataUrl ? validator(options) : undefined;
  const notify = (): void => {
    for (const wake of [...waiters]) wake();
  };
  const record = (callback: ReceivedCallback): void => {
    received.push(callback);
    notify();
  };
  const server = createServer((request, response) => {
    void handle(request, response, { options, validate, record }).then(notify);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const waitFor: WebhookReceiver['waitFor'] = (predicate, timeoutMs = 5000) => waitForCallback(received, waiters, predicate, timeoutMs);
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://127.0.0.1:${port}/callback`, received, waitFor, close };
}

type Validate = (token: string | undefined) => Promise<{ valid: boolean; error?: string }>;

interface Handling {
  options: WebhookReceiverOptions;
  validate?: Validate;
  /** Called once the request is read and validated, before the answer (which may be slow on purpose). */
  record(callback: ReceivedCallback): void;
}

async function handle(request: IncomingMessage, response: ServerResponse, { options, validate, record }: Handling): Promise<void> {
  const raw = await readBody(request);
  const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const callback: ReceivedCallback = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, raw, body: parseJson(raw), token, status: 0 };
  Object.assign(callback, decoded(token));
  if (validate) {
    const { valid, error } = await validate(token);
    Object.assign(callback, { valid }, error === undefined ? {} : { validationError: error });
  }
  record(callback);
  const answer = options.respond ? await options.respond(callback) : callback.valid === false ? 403 : 202;
  const { status, headers = {} } = typeof answer === 'number' ? { status: answer } : answer;
  callback.status = status;
  if (!response.destroyed) response.writeHead(status, headers).end();
}

function validator(options: WebhookReceiverOptions): Validate {
  if (!options.audience) throw new Error('startWebhookReceiver: metadataUrl needs an audience (the bot app id)');
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const fetchImpl = ((url: string, init: Record<string, unknown>) => undiciFetch(url, { ...init, dispatcher: options.dispatcher })) as unknown as FetchImplementation;
  return async (token) => {
    if (!token) return { valid: false, error: 'no bearer token' };
    try {
      keys ??= remoteKeys(options.metadataUrl ?? '', fetchImpl).catch((error: unknown) => {
        keys = undefined;
        throw error;
      });
      const currentDate = options.currentDate?.();
      const { payload } = await jwtVerify(token, await keys, { issuer: ISSUERS, audience: options.audience, algorithms: ['RS256'], clockTolerance: 300, ...(currentDate ? { currentDate } : {}) });
      if (typeof payload.tid !== 'string' || payload.tid === '') return { valid: false, error: 'no tid claim' };
      return { valid: true };
    } catch (error) {
      return { valid: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  };
}

/** What a bot does at startup: read the OpenID document, then trust the keys at its jwks_uri. */
async function remoteKeys(metadataUrl: string, fetchImpl: FetchImplementation): Promise<JWTVerifyGetKey> {
  const response = await fetchImpl(metadataUrl, { method: 'GET', headers: new Headers(), redirect: 'manual', signal: AbortSignal.timeout(5000) });
  if (response.status !== 200) throw new Error(`OpenID metadata answered ${response.status}`);
  const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
  if (!jwksUri) throw new Error('OpenID metadata has no jwks_uri');
  return createRemoteJWKSet(new URL(jwksUri), { [customFetch]: fetchImpl });
}

function decoded(token: string | undefined): Pick<ReceivedCallback, 'header' | 'claims'> {
  if (!token) return {};
  try {
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch {
    return {};
  }
}

function waitForCallback(
  received: ReceivedCallback[],
  waiters: Set<() => void>,
  predicate: (callback: ReceivedCallback) => boolean,
  timeoutMs: number,
): Promise<ReceivedCallback> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const found = received.find(predicate);
      if (found) finish(() => resolve(found));
      return Boolean(found);
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`no matching callback within ${timeoutMs} ms; received: ${describe(received)}`))), timeoutMs);
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      waiters.delete(check);
      settle();
    };
    if (!check()) waiters.add(check);
  });
}

function describe(received: ReceivedCallback[]): string {
  if (received.length === 0) return 'nothing';
  return received.map((c) => `${c.method} ${c.path} → ${c.status}${c.valid === false ? ` (invalid: ${c.validationError})` : ''} ${c.raw.slice(0, 120)}`).join('; ');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
