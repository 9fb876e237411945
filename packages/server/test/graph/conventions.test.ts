import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCallsTestApp, type CallsTestApp } from './support/calls-test-app.js';
import { DEMO } from '../../src/world/demo-world.js';
import { CALLING_PERMISSIONS } from '../../src/domain/world/permissions.js';

type GraphError = { error: { code: string; message: string; innerError: Record<string, string> } };

describe('Graph conventions on /v1.0 and /beta', () => {
  let t: CallsTestApp;
  let auth: { authorization: string };
  before(async () => {
    t = await buildCallsTestApp();
    auth = { authorization: `Bearer ${await t.deps.services.tokens.issueAppToken(DEMO.appId, DEMO.tenantId, '1')}` };
  });
  after(() => t.close());

  const get = (url: string, headers: Record<string, string> = auth) => t.app.inject({ method: 'GET', url, headers });

  it('answers an unknown call with a Graph-shaped 404 carrying request ids', async () => {
    const res = await get('/v1.0/communications/calls/no-such-call', { ...auth, 'client-request-id': 'my-client-id-1' });
    assert.equal(res.statusCode, 404);
    const body = res.json<GraphError>();
    assert.equal(body.error.code, '8522');
    assert.equal(body.error.message, 'Call not found.');
    assert.equal(res.headers['client-request-id'], 'my-client-id-1');
    assert.match(String(res.headers['request-id']), /^[0-9a-f-]{36}$/);
    assert.equal(body.error.innerError['request-id'], res.headers['request-id']);
    assert.equal(body.error.innerError['client-request-id'], 'my-client-id-1');
    assert.match(body.error.innerError.date!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('repeats the request id as client-request-id when the client sent none', async () => {
    const res = await get('/beta/communications/calls/x');
    assert.equal(res.headers['client-request-id'], res.headers['request-id']);
  });

  it('matches path segments case-insensitively and collapses //', async () => {
    for (const url of ['/V1.0/Communications/CALLS/abc', '/v1.0//communications//calls/abc', '/beta/app/calls/abc']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json<GraphError>().error.code, '8522', url);
    }
  });

  it('names the first unknown segment with a 400', async () => {
    const res = await get('/v1.0/communications/callz/abc');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json<GraphError>().error.code, 'BadRequest');
    assert.equal(res.json<GraphError>().error.message, "Resource not found for the segment 'callz'.");
  });

  it('serves /app only where the docs list it (v1.0 call GET has no /app alias)', async () => {
    const res = await get('/v1.0/app/calls/abc');
    assert.equal(res.statusCode, 400);
    // v1.0 lists /app only below a call (operations, addLargeGalleryView, audio routing groups): the call itself is not there.
    assert.match(res.json<GraphError>().error.message, /segment 'abc'/);
  });

  it('answers a known path with a wrong method with 405 and Allow', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/v1.0/communications/calls/abc', headers: auth, payload: {} });
    assert.equal(res.statusCode, 405);
    assert.match(String(res.headers.allow), /GET/);
  });

  it('accepts actions bare and microsoft.graph.-qualified', async () => {
    for (const action of ['keepAlive', 'microsoft.graph.keepAlive', 'Microsoft.Graph.KeepAlive']) {
      const res = await t.app.inject({ method: 'POST', url: `/v1.0/communications/calls/abc/${action}`, headers: auth });
      assert.equal(res.statusCode, 404, action);
      assert.equal(res.json<GraphError>().error.code, '8522', action);
    }
  });

  it('rejects malformed JSON with 400, other content types with 415, big bodies with 413', async () => {
    const url = '/v1.0/communications/calls/abc/keepAlive';
    const bad = await t.app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': 'application/json' }, payload: '{"a":' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<GraphError>().error.code, 'BadRequest');
    const xml = await t.app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': 'application/xml' }, payload: '<a/>' });
    assert.equal(xml.statusCode, 415);
    assert.equal(xml.json<GraphError>().error.code, 'UnsupportedMediaType');
    const text = await t.app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hi' });
    assert.equal(text.statusCode, 415);
    const big = await t.app.inject({ method: 'POST', url, headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) }) });
    assert.equal(big.statusCode, 413);
    assert.equal(big.json<GraphError>().error.code, 'RequestEntityTooLarge');
  });

  it('answers 401 with Graph’s challenge and no claims= when the token is missing or bad', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'Access token is empty.'],
      [{ authorization: 'Bearer not-a-jwt' }, 'CompactToken parsing failed with error code: 80049217'],
    ];
    for (const [headers, message] of cases) {
      const res = await get('/v1.0/communications/calls/abc', headers);
      assert.equal(res.statusCode, 401);
      assert.equal(res.json<GraphError>().error.code, 'InvalidAuthenticationToken');
      assert.equal(res.json<GraphError>().error.message, message);
      assert.match(String(res.headers['www-authenticate']), /^Bearer realm="", authorization_uri="https:\/\/login\.microsoftonline\.com\/common\/oauth2\/authorize", client_id="00000003-0000-0000-c000-000000000000"$/);
    }
  });

  it('answers 401 before revealing unknown segments', async () => {
    const res = await get('/v1.0/nothing/here', {});
    assert.equal(res.statusCode, 401);
  });

  it('answers 403 (7504) when the tenant granted the app no calling permission', async () => {
    await t.deps.services.worldService.setConsent(DEMO.tenantId, DEMO.appId, []);
    try {
      const token = await t.deps.services.tokens.issueAppToken(DEMO.appId, DEMO.tenantId, '1');
      const res = await get('/v1.0/communications/calls/abc', { authorization: `Bearer ${token}` });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json<GraphError>().error.code, '7504');
    } finally {
      await t.deps.services.worldService.setConsent(DEMO.tenantId, DEMO.appId, [...CALLING_PERMISSIONS]);
    }
  });

  it('answers unknown non-Graph paths with a Graph-shaped 404', async () => {
    const res = await get('/nowhere', {});
    assert.equal(res.statusCode, 404);
    assert.equal(res.json<GraphError>().error.code, 'NotFound');
  });
});
