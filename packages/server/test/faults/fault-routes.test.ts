import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { buildOpenApiDocument } from '../../src/http/control/openapi.js';
import { faultRoutes } from '../../src/http/control/fault-routes.js';
import { adminHeaders, buildTestApp, type TestApp } from '../helpers/app.js';

const FAULTS = '/_switchboard/faults';

describe('control API: fault rules', () => {
  let t: TestApp;
  before(async () => (t = await buildTestApp()));
  after(() => t.close());
  beforeEach(async () => {
    await t.app.inject({ method: 'DELETE', url: FAULTS, headers: adminHeaders });
  });

  const control = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) => t.app.inject({ method, url, headers: adminHeaders, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('needs the admin key', async () => {
    const res = await t.app.inject({ method: 'GET', url: FAULTS });
    assert.equal(res.statusCode, 401);
  });

  it('adds a rule (201 with its location), reads, lists and removes it', async () => {
    const added = await control('POST', FAULTS, { kind: 'graphError', status: 503, retryAfterSeconds: 2, match: { operation: 'call.create' }, trigger: { everyNth: 2 } });
    assert.equal(added.statusCode, 201, added.body);
    const rule = added.json();
    assert.equal(added.headers.location, `${FAULTS}/${rule.id}`);
    assert.deepEqual([rule.kind, rule.status, rule.matched, rule.fired, rule.source], ['graphError', 503, 0, 0, 'api']);
    assert.equal((await control('GET', `${FAULTS}/${rule.id}`)).json().id, rule.id);
    const book = (await control('GET', FAULTS)).json();
    assert.deepEqual([book.seed, book.throttling, book.rules.length], [1, { profile: 'off' }, 1]);
    assert.equal((await control('DELETE', `${FAULTS}/${rule.id}`)).statusCode, 204);
    const gone = await control('GET', `${FAULTS}/${rule.id}`);
    assert.equal(gone.statusCode, 404);
    assert.equal(gone.json().error.code, 'NotFound');
    assert.equal((await control('DELETE', `${FAULTS}/${rule.id}`)).statusCode, 404);
  });

  it('rejects invalid rules with a 400 naming each field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ kind: 'graphError', status: 200 }, /status/],
      [{ kind: 'explode' }, /kind/],
      [{ kind: 'latency', delayMs: 10, colour: 'red' }, /unknown key 'colour'/],
      [{ kind: 'latency', delayMs: 10, match: { operation: 'call.explode' } }, /match\.operation: not a Graph operation name/],
      [{ kind: 'graphError', status: 500, trigger: { rate: 2 } }, /trigger\.rate/],
    ];
    for (const [body, message] of cases) {
      const res = await control('POST', FAULTS, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.match(res.json().error.message, message);
    }
    assert.deepEqual((await control('GET', FAULTS)).json().rules, []);
  });

  it('lists Graph operation names and the call fault catalogue', async () => {
    const catalog = (await control('GET', `${FAULTS}/catalog`)).json();
    assert.ok(catalog.graphOperations.includes('call.create'));
    assert.ok(catalog.graphOperations.includes('participant.mute'));
    assert.ok(Array.isArray(catalog.callFaults));
  });

  it('sets the throttling profile and the seed, and validates them', async () => {
    const set = await control('PUT', `${FAULTS}/throttling`, { profile: 'graph-calls', limitScale: 0.001 });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(set.json(), { profile: 'graph-calls', limitScale: 0.001 });
    assert.equal((await control('PUT', `${FAULTS}/throttling`, { profile: 'fast' })).statusCode, 400);
    assert.equal((await control('PUT', `${FAULTS}/seed`, { seed: 12 })).json().seed, 12);
    assert.equal((await control('PUT', `${FAULTS}/seed`, { seed: -1 })).statusCode, 400);
    await control('PUT', `${FAULTS}/throttling`, { profile: 'off' });
  });

  it('documents the Faults routes in the OpenAPI document', () => {
    const doc = buildOpenApiDocument(faultRoutes) as { paths: Record<string, Record<string, { tags: string[] }>>; components: { schemas: Record<string, unknown> } };
    assert.equal(doc.paths['/_switchboard/faults']?.post?.tags[0], 'Faults');
    assert.ok(doc.paths['/_switchboard/faults/{faultId}']?.delete);
    assert.ok(doc.components.schemas.FaultRuleInput);
  });

  describe('on the Graph surface (inject)', () => {
    const graph = async (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, payload?: object) => {
      const token = await t.deps.services.tokens.issueAppToken(DEMO.appId, DEMO.tenantId, '1');
      return t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...headers }, ...(payload ? { payload } : {}) });
    };

    it('answers a matching request with the Graph envelope, status, code, message and Retry-After', async () => {
      const rule = (await control('POST', FAULTS, { kind: 'graphError', status: 503, retryAfterSeconds: 3, match: { operation: 'call.get' } })).json();
      const res = await graph('GET', '/v1.0/communications/calls/00000000-0000-0000-0000-000000000001', { 'client-request-id': 'my-req-1' });
      assert.equal(res.statusCode, 503);
      assert.equal(res.headers['retry-after'], '3');
      assert.equal(res.headers['client-request-id'], 'my-req-1');
      const error = res.json().error;
      assert.equal(error.code, 'serviceNotAvailable');
      assert.match(error.message, new RegExp(rule.id));
      assert.deepEqual([error.innerError['request-id'], error.innerError['client-request-id']], [res.headers['request-id'], 'my-req-1']);
      assert.deepEqual((await control('GET', `${FAULTS}/${rule.id}`)).json().fired, 1);
    });

    it('uses the code and message the rule gives, and leaves other operations alone', async () => {
      await control('POST', FAULTS, { kind: 'graphError', status: 418, code: 'teapot', message: 'short and stout', match: { operation: 'call.get', version: 'beta' } });
      const res = await graph('GET', '/beta/communications/calls/x');
      assert.deepEqual([res.statusCode, res.json().error.code, res.json().error.message], [418, 'teapot', 'short and stout']);
      assert.equal((await graph('GET', '/v1.0/communications/calls/x')).statusCode, 404, 'v1.0 is not matched: the real answer');
    });

    it('never hides a 401: faults apply after authentication', async () => {
      await control('POST', FAULTS, { kind: 'graphError', status: 503 });
      const res = await t.app.inject({ method: 'GET', url: '/v1.0/communications/calls/x', headers: { 'x-switchboard-fault': '{"kind":"graphError","status":500}' } });
      assert.equal(res.statusCode, 401);
    });

    it('applies an X-Switchboard-Fault header to that request only, ahead of the rules', async () => {
      const rule = (await control('POST', FAULTS, { kind: 'graphError', status: 503 })).json();
      const res = await graph('GET', '/v1.0/communications/calls/x', { 'x-switchboard-fault': '{"kind":"graphError","status":429,"retryAfterSeconds":7}' });
      assert.deepEqual([res.statusCode, res.headers['retry-after'], res.json().error.code], [429, '7', 'TooManyRequests']);
      assert.equal((await control('GET', `${FAULTS}/${rule.id}`)).json().matched, 0, 'the rules were not asked');
    });

    it('rejects an invalid X-Switchboard-Fault header with a 400 that says why', async () => {
      const notJson = await graph('GET', '/v1.0/communications/calls/x', { 'x-switchboard-fault': 'please fail' });
      assert.equal(notJson.statusCode, 400);
      assert.match(notJson.json().error.message, /X-Switchboard-Fault header is invalid: not JSON/);
      const withMatch = await graph('GET', '/v1.0/communications/calls/x', { 'x-switchboard-fault': '{"kind":"graphError","status":500,"match":{}}' });
      assert.equal(withMatch.statusCode, 400);
      assert.match(withMatch.json().error.message, /unknown key 'match'/);
      const callbackKind = await graph('GET', '/v1.0/communications/calls/x', { 'x-switchboard-fault': '{"kind":"callback","action":"drop"}' });
      assert.equal(callbackKind.statusCode, 400);
    });
  });
});
