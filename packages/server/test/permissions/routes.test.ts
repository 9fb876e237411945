import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { DomainError, isDomainError } from '../../src/domain/errors/index.js';
import { registerPermissionRoutes } from '../../src/http/permissions/register.js';

/** A bare app with a stand-in admin guard (header `x-admin: yes`) and a minimal error renderer. */
function buildApp(): { app: FastifyInstance; guarded: string[] } {
  const guarded: string[] = [];
  const app = Fastify();
  app.setErrorHandler((error, _request, reply) => {
    const status = isDomainError(error) ? error.status : 500;
    return reply.code(status).send({ id: isDomainError(error) ? error.id : 'internal', message: error instanceof Error ? error.message : '' });
  });
  const preHandler = async (request: FastifyRequest): Promise<void> => {
    guarded.push(request.url);
    if (request.headers['x-admin'] !== 'yes') throw new DomainError('adminKeyRequired');
  };
  registerPermissionRoutes(app, { preHandler });
  return { app, guarded };
}

const admin = { 'x-admin': 'yes' };

describe('GET /_switchboard/permissions', () => {
  it('returns the catalogue with method counts and the matrix', async () => {
    const { app } = buildApp();
    const res = await app.inject({ method: 'GET', url: '/_switchboard/permissions', headers: admin });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { versions: string[]; permissions: { name: string; id: string | null; methodCount: number }[]; operations: { operation: string }[] };
    assert.deepEqual(body.versions, ['v1.0', 'beta']);
    assert.equal(body.permissions.length, 7);
    assert.equal(body.permissions.find((p) => p.name === 'Calls.AccessMedia.Chat')?.id, null);
    assert.ok((body.permissions.find((p) => p.name === 'Calls.JoinGroupCall.All')?.methodCount ?? 0) > 28);
    assert.equal(body.operations.length, 36);
  });
});

describe('GET /_switchboard/permissions/:name', () => {
  it('returns one page, matching the name case-insensitively', async () => {
    const { app } = buildApp();
    const res = await app.inject({ method: 'GET', url: '/_switchboard/permissions/calls.initiate.all', headers: admin });
    assert.equal(res.statusCode, 200);
    const page = res.json() as { name: string; id: string; rows: { operation: string }[] };
    assert.equal(page.name, 'Calls.Initiate.All');
    assert.equal(page.id, '284383ee-7f6e-4e40-a2a8-e85dcb029101');
    assert.ok(page.rows.some((row) => row.operation === 'call.transfer'));
  });

  it('answers permissionNotFound (404) for an unknown name', async () => {
    const { app } = buildApp();
    const res = await app.inject({ method: 'GET', url: '/_switchboard/permissions/Calls.Nope.All', headers: admin });
    assert.equal(res.statusCode, 404);
    assert.equal((res.json() as { id: string }).id, 'permissionNotFound');
    assert.match((res.json() as { message: string }).message, /Calls\.Nope\.All/);
  });
});

describe('admin preHandler', () => {
  it('runs on both routes and blocks callers it rejects', async () => {
    const { app, guarded } = buildApp();
    for (const url of ['/_switchboard/permissions', '/_switchboard/permissions/Calls.Initiate.All']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 401, url);
      assert.equal((res.json() as { id: string }).id, 'adminKeyRequired');
    }
    assert.deepEqual(guarded, ['/_switchboard/permissions', '/_switchboard/permissions/Calls.Initiate.All']);
  });
});
