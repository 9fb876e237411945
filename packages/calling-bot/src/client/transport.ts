import type { GraphVersion } from '../graph-types.js';
import { GraphError, graphErrorFrom, parseJson } from './graph-error.js';
import { parseRetryAfter, retryDelay, retryPolicy, type RetryOptions, type RetryPolicy } from './retry-policy.js';

/**
 * Returns an app-only access token for Graph. With MSAL:
 * `async () => (await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))!.accessToken`.
 */
export type TokenProvider = () => Promise<string> | string;

/** Options shared by {@link CallingClient} and {@link GraphTransport}. */
export interface TransportOptions<V extends GraphVersion = GraphVersion> {
  /** Returns the bearer token for each request (called per attempt, so it may refresh). */
  token: TokenProvider;
  /** Service root without version (default `https://graph.microsoft.com`; Switchboard: `https://localhost:8443`). */
  baseUrl?: string;
  /** Graph version (default `v1.0`). */
  version?: V;
  /** Retry behaviour for 429/503. */
  retry?: RetryOptions;
  /** The fetch to use (default the global one); e.g. one with a dispatcher trusting a local CA. */
  fetch?: typeof fetch;
  /** Extra headers for every request (e.g. `User-Agent`). */
  headers?: Record<string, string>;
  /** How to wait between retries (tests inject a fast one). */
  sleep?: (ms: number) => Promise<void>;
}

/** One request to Graph, relative to the versioned service root. */
export interface GraphRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** e.g. `/communications/calls/{id}/answer`; ids must already be encoded. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A successful answer. */
export interface GraphResponse<T> {
  status: number;
  /** Parsed JSON body, undefined for an empty body (202/204). */
  body: T;
  headers: Headers;
}

const sleepReal = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends authenticated JSON requests to Graph, throwing {@link GraphError} and retrying 429/503. */
export class GraphTransport<V extends GraphVersion = GraphVersion> {
  /** The Graph version in every URL. */
  readonly version: V;
  /** `baseUrl` + `/` + version. */
  readonly root: string;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: TransportOptions<V>) {
    this.version = options.version ?? ('v1.0' as V);
    this.root = `${(options.baseUrl ?? 'https://graph.microsoft.com').replace(/\/+$/, '')}/${this.version}`;
    this.policy = retryPolicy(options.retry);
  }

  /** Sends the request, retrying throttled answers; resolves with the first 2xx answer. */
  async send<T>(request: GraphRequest): Promise<GraphResponse<T>> {
    for (let retry = 0; ; retry += 1) {
      const response = await this.attempt(request);
      const text = await response.text();
      if (response.ok) return { status: response.status, body: parseJson(text) as T, headers: response.headers };
      const error = graphErrorFrom(response, text, parseRetryAfter(response.headers.get('retry-after')));
      if (!this.retryable(error, retry)) throw error;
      await (this.options.sleep ?? sleepReal)(retryDelay(this.policy, retry, error.retryAfterMs));
    }
  }

  /**
   * A link the service returned (e.g. `@odata.nextLink`) as a path for {@link GraphTransport.send};
   * undefined when it points outside this client's service root, so the token never leaves it.
   */
  pathOf(link: string): string | undefined {
    return link.startsWith(`${this.root}/`) ? link.slice(this.root.length) : undefined;
  }

  private retryable(error: GraphError, retry: number): boolean {
    return retry < this.policy.maxRetries && this.policy.statuses.includes(error.status);
  }

  private async attempt(request: GraphRequest): Promise<Response> {
    const headers: Record<string, string> = { ...this.options.headers, ...request.headers, authorization: `Bearer ${await this.options.token()}` };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    return (this.options.fetch ?? fetch)(`${this.root}${request.path}`, { method: request.method, headers, body });
  }
}
