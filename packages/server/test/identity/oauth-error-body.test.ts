import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../src/domain/errors/index.js';
import { oauthCorrelationId } from '../../src/http/identity/correlation-id.js';
import { entraTimestamp, oauthErrorBody } from '../../src/http/identity/oauth-error-body.js';

const ctx = { traceId: 'trace-1', correlationId: 'corr-1', now: new Date('2026-11-28T12:34:56.789Z') };

describe('oauthErrorBody', () => {
  it("renders Entra's error body (CLIENTS.md §1.4)", () => {
    const body = oauthErrorBody(new DomainError('oauthInvalidSecret', { appId: 'app-1' }), ctx);
    assert.deepEqual(body, {
      error: 'invalid_client',
      error_description:
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'app-1'.\r\nTrace ID: trace-1\r\nCorrelation ID: corr-1\r\nTimestamp: 2026-11-28 12:34:56Z",
      error_codes: [7000215],
      timestamp: '2026-11-28 12:34:56Z',
      trace_id: 'trace-1',
      correlation_id: 'corr-1',
      error_uri: 'https://login.microsoftonline.com/error?code=7000215',
    });
  });

  it('maps a non-OAuth catalogue error onto an OAuth error code', () => {
    const body = oauthErrorBody(new DomainError('internal'), ctx);
    assert.equal(body.error, 'server_error');
    assert.deepEqual(body.error_codes, []);
    assert.equal('error_uri' in body, false);
  });

  it("formats timestamps like Entra's", () => {
    assert.equal(entraTimestamp(new Date('2016-01-09T02:02:12.345Z')), '2016-01-09 02:02:12Z');
  });
});

describe('oauthCorrelationId', () => {
  const request = (parts: { headers?: Record<string, string>; query?: unknown; body?: unknown }) =>
    ({ id: 'req-id', headers: parts.headers ?? {}, query: parts.query ?? {}, body: parts.body }) as unknown as FastifyRequest;

  it("reads msal's client-request-id from the header, the query or the form, else the request id", () => {
    assert.equal(oauthCorrelationId(request({ headers: { 'client-request-id': 'h' }, query: { 'client-request-id': 'q' } })), 'h');
    assert.equal(oauthCorrelationId(request({ query: { 'client-request-id': 'q' }, body: { 'client-request-id': 'b' } })), 'q');
    assert.equal(oauthCorrelationId(request({ body: { 'client-request-id': 'b' } })), 'b');
    assert.equal(oauthCorrelationId(request({ query: { 'client-request-id': 'bad id with spaces' } })), 'req-id');
  });
});
