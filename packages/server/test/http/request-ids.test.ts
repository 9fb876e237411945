/**
 * `request-id` and `client-request-id` on every response, whichever part of the app answers:
 * Graph routes, the token endpoint, the control API (success and guard refusal), the health check,
 * unknown paths, HEAD, and Fastify's own errors (a body over the limit).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { adminHeaders, buildTestApp } from '../helpers/app.js';
import { DEMO } from '../../src/world/demo-world.js';

type TestApp = Awaited<ReturnType<typeof buildTestApp>>;

function assertRequestIds(res: LightMyRequestResponse, clientId?: string): void {
  assert.match(String(res.headers['request-id']), /^[0-9a-f-]{36}$/, `${res.statusCode} ${res.body.slice(0, 200)}`);
  assert.equal(res.headers['client-request-id'], clientId ?? res.headers['request-id']);
}

describe('request ids on every response', () => {
  let t: TestApp;
  let graph: { authorization: string };
  before(async () => {
    t = await buildTestApp();
    graph = { authorization: `Bearer ${await t.deps.services.tokens.issueAppToken(DEMO.appId, DEMO.tenantId, '1')}` };
  });
  after(() => t.app.close());

  it('on Graph answers: success-shaped routes, errors, 401 and unknown segments', async () => {
    assertRequestIds(await t.app.inject({ method: 'GET', url: '/v1.0/communications/calls/none', headers: { ...graph, 'client-request-id': 'c-1' } }), 'c-1');
    assertRequestIds(await t.app.inject({ method: 'GET', url: '/v1.0/communications/calls/none' }));
    assertRequestIds(await t.app.inject({ method: 'GET', url: '/beta/communications/nothing-here', headers: graph }));
    assertRequestIds(await t.app.inject({ method: 'HEAD', url: '/v1.0/communications/calls/none', headers: graph }));
  });

  it('on the health check, the control API and unknown paths', async () => {
    assertRequestIds(await t.app.inject({ method: 'GET', url: '/_switchboard/health', headers: { 'client-request-id': 'h-1' } }), 'h-1');
    const refused = await t.app.inject({ method: 'GET', url: '/_switchboard/tenants' });
    assert.equal(refused.statusCode, 401);
    assertRequestIds(refused);
    const listed = await t.app.inject({ method: 'GET', url: '/_switchboard/tenants', headers: adminHeaders });
    assert.equal(listed.statusCode, 200);
    assertRequestIds(listed);
    assertRequestIds(await t.app.inject({ method: 'GET', url: '/no/such/path' }));
  });

  it('on the token endpoint and on a body over the limit', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    assertRequestIds(await t.app.inject({ method: 'POST', url: `/${DEMO.tenantId}/oauth2/v2.0/token`, headers: form, payload: 'grant_type=client_credentials' }));
    const big = JSON.stringify({ pad: 'x'.repeat(t.deps.config.bodyLimit + 1) });
    const res = await t.app.inject({ method: 'POST', url: '/v1.0/communications/calls', headers: { ...graph, 'content-type': 'application/json' }, payload: big });
    assert.equal(res.statusCode, 413);
    assertRequestIds(res);
  });
});
