import type { LightMyRequestResponse } from 'fastify';
import { buildCallsTestApp, type CallsTestApp } from '../../graph/support/calls-test-app.js';
import type { FixtureRequest } from './fixtures.js';

export { buildCallsTestApp, type CallsTestApp };

/**
 * Sends a fixture request to our app as the docs show it, with the demo bot's token. `{id}`
 * placeholders and the docs' ids become `callId` (our fake's call).
 */
export function sendFixtureRequest(t: CallsTestApp, request: FixtureRequest, callId?: string): Promise<LightMyRequestResponse> {
  const url = callId ? request.path.replace(/\/calls\/[^/]+/, `/calls/${callId}`) : request.path;
  const hasBody = request.body !== null && request.body !== undefined;
  return t.app.inject({
    method: request.method as 'GET' | 'POST' | 'DELETE',
    url,
    headers: { ...t.auth, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(hasBody ? { payload: JSON.stringify(request.body) } : {}),
  });
}

/** The body of a response, or null when it has none (as the fixtures record empty bodies). */
export function bodyOrNull(response: LightMyRequestResponse): unknown {
  return response.body === '' ? null : response.json();
}
