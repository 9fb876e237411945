import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { botParticipant, buildCall, buildParticipant } from '../wire/support/domain.js';
import { buildCallsTestApp, type CallsTestApp } from './support/calls-test-app.js';

type Collection = { '@odata.context': string; value: Record<string, unknown>[] };

describe('Graph participant routes', () => {
  let t: CallsTestApp;
  const call = buildCall({ id: 'meeting-leg-1', scenario: 'meeting', state: 'established', targets: [] });
  const john = buildParticipant({ rosterSequenceNumber: 4 });
  before(async () => {
    t = await buildCallsTestApp();
    t.calls.add(call, [john, botParticipant(call)]);
  });
  after(() => t.close());

  const get = async (url: string, headers = t.auth) => t.app.inject({ method: 'GET', url, headers });

  it('lists the roster with the collection context', async () => {
    const res = await get(`/v1.0/communications/calls/${call.id}/participants`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    const body = res.json<Collection>();
    assert.equal(body['@odata.context'], `http://localhost:80/v1.0/$metadata#communications/calls('${call.id}')/participants`);
    assert.deepEqual(body.value.map((p) => p.id), [john.id, call.myParticipantId]);
    assert.equal(body.value[0]!.rosterSequenceNumber, 4);
    assert.equal('isIdentityAnonymized' in body.value[0]!, false);
  });

  it('lists through beta’s /app alias in beta’s shape', async () => {
    const body = (await get(`/beta/app/calls/${call.id}/participants`)).json<Collection>();
    assert.equal(body['@odata.context'], `http://localhost:80/beta/$metadata#app/calls('${call.id}')/participants`);
    assert.equal(body.value[0]!.isIdentityAnonymized, false);
  });

  it('gets one participant with the entity context', async () => {
    const res = await get(`/v1.0/communications/calls/${call.id}/participants/${john.id}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    const body = res.json<Record<string, unknown>>();
    assert.equal(body['@odata.context'], `http://localhost:80/v1.0/$metadata#communications/calls('${call.id}')/participants/$entity`);
    assert.equal(body.id, john.id);
    assert.equal(body['@odata.type'], '#microsoft.graph.participant');
  });

  it('answers an unknown participant or call with 404', async () => {
    assert.equal((await get(`/v1.0/communications/calls/${call.id}/participants/nobody`)).statusCode, 404);
    assert.equal((await get('/v1.0/communications/calls/nope/participants')).statusCode, 404);
  });

  it('checks participant GET’s own permissions (join permissions), not the list’s', async () => {
    t.calls.add(buildCall({ id: 'limited-call', appId: DEMO.limitedAppId }), [john]);
    const limited = await t.tokenFor(DEMO.limitedAppId);
    assert.equal((await get('/v1.0/communications/calls/limited-call/participants', limited)).statusCode, 200);
    const res = await get(`/v1.0/communications/calls/limited-call/participants/${john.id}`, limited);
    assert.equal(res.statusCode, 403);
  });

  it('has no /app alias on v1.0', async () => {
    assert.equal((await get(`/v1.0/app/calls/${call.id}/participants`)).statusCode, 400);
  });
});
