import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { DEMO } from '../../src/world/demo-world.js';
import { adminHeaders, buildTestApp, type TestApp } from '../helpers/app.js';

describe('control API: signing keys, tokens, permissions', () => {
  let t: TestApp;
  before(async () => (t = await buildTestApp()));
  after(() => t.close());

  it('requires the admin key on every service route', async () => {
    for (const [method, url] of [['POST', '/_switchboard/keys/rotate'], ['POST', '/_switchboard/token'], ['GET', '/_switchboard/permissions'], ['GET', '/_switchboard/permissions/Calls.Initiate.All']] as const) {
      const res = await t.app.inject({ method, url });
      assert.equal(res.statusCode, 401, url);
      assert.equal(res.json().error.code, 'Unauthorized', url);
    }
  });

  it('rotates the signing key and lists the published kids, newest first', async () => {
    const [before] = await t.deps.services.keys.kids();
    const res = await t.app.inject({ method: 'POST', url: '/_switchboard/keys/rotate', headers: adminHeaders });
    assert.equal(res.statusCode, 200, res.body);
    assert.notEqual(res.json().kid, before);
    assert.deepEqual(res.json().keys, [res.json().kid, before]);
  });

  it('mints a token for an app in a tenant named by domain, and rejects a bad body clearly', async () => {
    const payload = { appId: DEMO.appId, tenantId: DEMO.tenantDomain, appidacr: '2' };
    const res = await t.app.inject({ method: 'POST', url: '/_switchboard/token', headers: adminHeaders, payload });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().expires_in, 3599);
    const claims = decodeJwt(res.json().access_token);
    assert.deepEqual([claims.tid, claims.appidacr], [DEMO.tenantId, '2']);
    const bad = await t.app.inject({ method: 'POST', url: '/_switchboard/token', headers: adminHeaders, payload: { appId: DEMO.appId } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /tenantId/);
  });

  it('serves the permission catalogue and matrix', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/_switchboard/permissions', headers: adminHeaders });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { versions: string[]; permissions: { name: string; id: string | null; methodCount: number }[]; operations: unknown[] };
    assert.deepEqual(body.versions, ['v1.0', 'beta']);
    assert.equal(body.permissions.length, 7);
    assert.equal(body.permissions.find((p) => p.name === 'Calls.AccessMedia.Chat')?.id, null);
    assert.ok((body.permissions.find((p) => p.name === 'Calls.JoinGroupCall.All')?.methodCount ?? 0) > 28);
    assert.equal(body.operations.length, 36);
  });

  it('serves one permission page, matching the name case-insensitively, and 404s an unknown one', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/_switchboard/permissions/calls.initiate.all', headers: adminHeaders });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().id, '284383ee-7f6e-4e40-a2a8-e85dcb029101');
    assert.ok((res.json().rows as { operation: string }[]).some((row) => row.operation === 'call.transfer'));
    const missing = await t.app.inject({ method: 'GET', url: '/_switchboard/permissions/Calls.Nope.All', headers: adminHeaders });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().error.message, /Calls\.Nope\.All/);
  });

  it('documents these routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/_switchboard/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [['/_switchboard/keys/rotate', 'post'], ['/_switchboard/token', 'post'], ['/_switchboard/permissions', 'get'], ['/_switchboard/permissions/{name}', 'get']]) {
      assert.ok(doc.paths[path!]?.[method!], `${method} ${path}`);
    }
  });
});
