/** The Graph error envelope: `{"error": {"code", "message", "innerError": {"request-id", …}}}`. */
interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> };
}

/** What a {@link GraphError} carries besides its message. */
export interface GraphErrorDetails {
  /** HTTP status of the failed response. */
  status: number;
  /** Graph's error code (`error.code`), e.g. `itemNotFound`; `unknown` when the body had none. */
  code: string;
  /** `request-id` from the response headers or `error.innerError`, for Microsoft support. */
  requestId?: string;
  /** `client-request-id` echoed by the service. */
  clientRequestId?: string;
  /** The parsed `Retry-After` header in milliseconds (429 and 503 responses). */
  retryAfterMs?: number;
  /** The raw parsed body, for anything else the service put there. */
  body?: unknown;
}

/** A non-2xx answer from Graph (or Switchboard), with the fields of the Graph error envelope. */
export class GraphError extends Error implements GraphErrorDetails {
  override readonly name = 'GraphError';
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly retryAfterMs?: number;
  readonly body?: unknown;

  constructor(message: string, details: GraphErrorDetails) {
    super(message);
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.retryAfterMs = details.retryAfterMs;
    this.body = details.body;
  }
}

/** Builds the {@link GraphError} for a failed response whose body text was already read. */
export function graphErrorFrom(response: Response, text: string, retryAfterMs: number | undefined): GraphError {
  const body = parseJson(text);
  const error = (body as ErrorEnvelope | undefined)?.error;
  const inner = error?.innerError ?? {};
  const code = typeof error?.code === 'string' ? error.code : 'unknown';
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`;
  const requestId = response.headers.get('request-id') ?? stringOrUndefined(inner['request-id']);
  const clientRequestId = response.headers.get('client-request-id') ?? stringOrUndefined(inner['client-request-id']);
  return new GraphError(message, { status: response.status, code, requestId, clientRequestId, retryAfterMs, body });
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** JSON when the text is JSON, else the text itself (or undefined when empty). */
export function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
