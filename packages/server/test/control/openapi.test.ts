import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTROL_ROUTES } from '../../src/http/control/routes.js';
import { openApiPath } from '../../src/http/control/route-table.js';
import { controlTestApp, type ControlTestApp } from './control-test-app.js';

interface Operation {
  operationId: string;
  security?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

describe('control API OpenAPI document', () => {
  let t: ControlTestApp;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } };
  before(async () => {
    t = await controlTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/_switchboard/openapi.json' });
    assert.equal(res.statusCode, 200);
    doc = res.json();
  });
  after(() => t.close());

  it('is OpenAPI 3.1 with a bearer security scheme', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(doc.components.securitySchemes.adminKey, { type: 'http', scheme: 'bearer', description: 'The admin key from <data>/admin.key (printed at start).' });
  });

  it('lists every route of the table, and nothing else', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`));
    const table = CONTROL_ROUTES.map((r) => `${r.method} ${openApiPath(r.url)} ${r.operationId}`);
    assert.deepEqual(documented.sort(), table.sort());
    assert.equal(new Set(CONTROL_ROUTES.map((r) => r.operationId)).size, CONTROL_ROUTES.length, 'operation ids are unique');
  });

  it('documents bodies, responses and the public document route', () => {
    const createTenant = doc.paths['/_switchboard/tenants']?.post;
    assert.ok(createTenant?.requestBody && createTenant.responses['201'] && createTenant.responses['400']);
    assert.deepEqual(doc.paths['/_switchboard/openapi.json']?.get?.security, []);
  });

  it('resolves every $ref to a component', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1] ?? '');
    assert.ok(refs.length > 20);
    for (const ref of refs) assert.ok(doc.components.schemas[ref], `missing component ${ref}`);
  });
});
