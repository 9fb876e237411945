import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Everything acknowledged before a restart is there after it (SQLite store, same data dir). */
describe('restart on the same data directory', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-restart-'));
  after(() => rm(dataDir, { recursive: true, force: true }));

  const call = async (server: TestServer, method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const res = await request(`${server.httpsUrl}${path}`, {
      method: method as 'GET',
      dispatcher: server.dispatcher,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.statusCode, json: (await res.body.json().catch(() => undefined)) as Record<string, unknown> };
  };

  it('keeps the world, the admin key, the CA and the signing keys', async () => {
    const first = await startTestServer({ inMemory: false, dataDir });
    const admin = { authorization: `Bearer ${first.deps.adminKey}` };
    const created = await call(first, 'POST', '/_switchboard/users', admin, {
      tenantId: DEMO.tenantId,
      displayName: 'Restart Tester',
      userPrincipalName: 'restart.tester@contoso.example',
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const token = await first.deps.services.tokens.issueAppToken(DEMO.appId, DEMO.tenantId, '1');
    const { caPem, certPem } = first.tls;
    const adminKey = first.deps.adminKey;
    await first.close();

    const second = await startTestServer({ inMemory: false, dataDir });
    try {
      assert.equal(second.deps.adminKey, adminKey);
      assert.equal(second.tls.caPem, caPem);
      assert.equal(second.tls.certPem, certPem);
      const user = await call(second, 'GET', `/_switchboard/users/${String(created.json.id)}`, admin);
      assert.equal(user.status, 200);
      assert.equal(user.json.displayName, 'Restart Tester');
      const graph = await call(second, 'GET', '/v1.0/communications/calls/abc', { authorization: `Bearer ${token}` });
      assert.equal(graph.status, 404, 'a token from before the restart still authenticates');
      const world = await call(second, 'GET', '/_switchboard/world', admin);
      assert.equal((world.json.tenants as unknown[]).length, 2, 'the demo world is not seeded twice');
    } finally {
      await second.close();
    }
  });
});
