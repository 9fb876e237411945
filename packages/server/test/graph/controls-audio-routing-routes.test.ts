import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { buildControlsTestApp, type ControlsTestApp } from './support/controls-test-app.js';

type GraphError = { error: { code: string; message: string } };

const CALL = 'b2c1f0a4-0c1e-4d2f-9a1b-3c4d5e6f7a8b';
const ORIGIN = 'http://localhost:80';
const oneToOne = { id: 'oneToOne', routingMode: 'oneToOne', sources: ['632899f8-2ea1-4604-8413-27bd2892079f'], receivers: ['550fae72-d251-43ec-868c-373732c2704f'] };

describe('Graph audio routing group routes', () => {
  let t: ControlsTestApp;
  before(async () => {
    t = await buildControlsTestApp();
    t.controls.calls.add(CALL);
  });
  after(() => t.close());

  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers = t.auth) =>
    t.app.inject({ method, url, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });

  it('creates a group with 200 (not 201) and the entity context, on both versions and prefixes', async () => {
    for (const [version, prefix] of [['v1.0', 'communications'], ['v1.0', 'app'], ['beta', 'communications'], ['beta', 'app']] as const) {
      t.controls.groups.clear();
      const res = await send('POST', `/${version}/${prefix}/calls/${CALL}/audioRoutingGroups`, oneToOne);
      assert.equal(res.statusCode, 200, `${version} /${prefix}: ${res.body}`);
      assert.deepEqual(res.json(), { '@odata.context': `${ORIGIN}/${version}/$metadata#${prefix}/calls('${CALL}')/audioRoutingGroups/$entity`, ...oneToOne });
      assert.equal(res.headers.location, undefined);
    }
    assert.deepEqual(t.controls.last()?.command, oneToOne);
  });

  it('reads the routing mode case-insensitively and leaves the id to the service when absent', async () => {
    t.controls.groups.clear();
    const { id: _id, ...body } = oneToOne;
    const res = await send('POST', `/v1.0/communications/calls/${CALL}/audioRoutingGroups`, { ...body, routingMode: 'MultiCast', '@odata.type': '#microsoft.graph.audioRoutingGroup' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(t.controls.last()?.command, { ...body, routingMode: 'multicast' });
  });

  it('lists, gets, patches and deletes', async () => {
    t.controls.groups.set(CALL, [{ ...oneToOne, routingMode: 'oneToOne' }]);
    const list = await send('GET', `/beta/communications/calls/${CALL}/audioRoutingGroups`);
    assert.deepEqual(list.json(), { '@odata.context': `${ORIGIN}/beta/$metadata#communications/calls('${CALL}')/audioRoutingGroups`, value: [oneToOne] });
    const one = await send('GET', `/v1.0/app/calls/${CALL}/audioRoutingGroups/oneToOne`);
    assert.equal(one.json<Record<string, unknown>>()['@odata.context'], `${ORIGIN}/v1.0/$metadata#app/calls('${CALL}')/audioRoutingGroups/$entity`);
    const patched = await send('PATCH', `/v1.0/communications/calls/${CALL}/audioRoutingGroups/oneToOne`, { receivers: ['72f988bf-86f1-41af-91ab-2d7cd011db47'] });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual(patched.json<Record<string, unknown>>().receivers, ['72f988bf-86f1-41af-91ab-2d7cd011db47']);
    assert.deepEqual(t.controls.last()?.command, { receivers: ['72f988bf-86f1-41af-91ab-2d7cd011db47'] });
    const deleted = await send('DELETE', `/v1.0/communications/calls/${CALL}/audioRoutingGroups/oneToOne`);
    assert.deepEqual([deleted.statusCode, deleted.body], [204, '']);
    assert.equal((await send('GET', `/v1.0/communications/calls/${CALL}/audioRoutingGroups/oneToOne`)).statusCode, 404);
  });

  it('answers a bad body with a Graph-shaped 400 before the service runs', async () => {
    const cases: [unknown, RegExp][] = [
      [undefined, /Empty Payload/],
      [{ ...oneToOne, routingMode: undefined }, /'routingMode' is missing/],
      [{ ...oneToOne, routingMode: 'broadcast' }, /'broadcast' is not one of oneToOne, multicast/],
      [{ ...oneToOne, receivers: 'x' }, /'receivers' is invalid/],
      [{ ...oneToOne, sources: [''] }, /'sources\[0\]' is invalid: must not be empty/],
      [{ ...oneToOne, '@odata.type': '#microsoft.graph.participant' }, /not assignable/],
    ];
    for (const [body, message] of cases) {
      const before = t.controls.received.length;
      const res = await send('POST', `/v1.0/communications/calls/${CALL}/audioRoutingGroups`, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.match(res.json<GraphError>().error.message, message);
      assert.equal(t.controls.received.length, before);
    }
    const patch = await send('PATCH', `/v1.0/communications/calls/${CALL}/audioRoutingGroups/x`, { routingMode: 7 });
    assert.equal(patch.statusCode, 400);
  });

  it('checks the method’s own permissions (JoinGroupCall / InitiateGroupCall) and the call’s owner', async () => {
    const limited = await t.tokenFor(DEMO.limitedAppId);
    const res = await send('GET', `/v1.0/communications/calls/${CALL}/audioRoutingGroups`, undefined, limited);
    assert.equal(res.statusCode, 403);
    const unknown = await send('GET', '/v1.0/communications/calls/other-call/audioRoutingGroups');
    assert.deepEqual([unknown.statusCode, unknown.json<GraphError>().error.code], [404, '8522']);
  });
});
