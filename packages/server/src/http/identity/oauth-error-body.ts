import { specOf, type DomainError } from '../../domain/errors/index.js';

export interface OAuthErrorContext {
  traceId: string;
  /** Entra echoes the client's `client-request-id` here. */
  correlationId: string;
  now: Date;
}

/** Entra's timestamp format: `2016-01-09 02:02:12Z`. */
export const entraTimestamp = (now: Date): string => `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;

/**
 * The Entra error body (learn.microsoft.com/entra/identity-platform/reference-error-codes):
 * msal-node turns it into ServerError{errorCode: error, errorNo: error_codes[0]} (CLIENTS.md §1.4).
 * The description ends with the trace, correlation and timestamp lines, CRLF-separated as Entra does.
 */
export function oauthErrorBody(err: DomainError, ctx: OAuthErrorContext): Record<string, unknown> {
  const spec = specOf(err.id);
  const timestamp = entraTimestamp(ctx.now);
  const prefix = spec.aadsts === undefined ? '' : `AADSTS${spec.aadsts}: `;
  const trailer = `Trace ID: ${ctx.traceId}\r\nCorrelation ID: ${ctx.correlationId}\r\nTimestamp: ${timestamp}`;
  return {
    error: spec.envelope === 'oauth' ? spec.code : oauthCodeForStatus(spec.status),
    error_description: `${prefix}${err.message}\r\n${trailer}`,
    error_codes: spec.aadsts === undefined ? [] : [spec.aadsts],
    timestamp,
    trace_id: ctx.traceId,
    correlation_id: ctx.correlationId,
    ...(spec.aadsts === undefined ? {} : { error_uri: `https://login.microsoftonline.com/error?code=${spec.aadsts}` }),
  };
}

/** For non-OAuth catalogue errors raised on an identity route (e.g. a body that is too large). */
function oauthCodeForStatus(status: number): string {
  if (status >= 500) return 'server_error';
  return status === 401 ? 'invalid_client' : 'invalid_request';
}
