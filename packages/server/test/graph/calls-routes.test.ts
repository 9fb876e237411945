import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { AnswerCommand, CreateCallCommand, RedirectCommand, RejectCommand } from '../../src/calls/calls-api.js';
import { CALLING_PERMISSIONS } from '../../src/domain/world/permissions.js';
import { DEMO } from '../../src/world/demo-world.js';
import { documentedAt } from '../../src/http/graph/documented-route.js';
import { loadFixture, only, scenarioOf } from '../conformance/support/fixtures.js';
import { buildCall } from '../wire/support/domain.js';
import { buildCallsTestApp, type CallsTestApp } from './support/calls-test-app.js';

type GraphError = { error: { code: string; message: string } };

const createBody = () => only(scenarioOf(loadFixture('v1.0', 'application-post-calls'), 'example-1').requests, 'request').body as Record<string, unknown>;
const answerBody = { acceptedModalities: ['audio'], mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' } };

describe('Graph call routes', () => {
  let t: CallsTestApp;
  before(async () => {
    t = await buildCallsTestApp();
  });
  after(() => t.close());
  beforeEach(() => {
    t.calls.received.length = 0;
  });

  const inject = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, headers = t.auth) =>
    t.app.inject({ method, url, headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' }, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) });

  const lastCommand = <T>() => t.calls.received.at(-1)?.command as T;

  describe('POST /communications/calls', () => {
    it('answers 201 with the call, Location on the dialled host and Graph’s create context', async () => {
      const res = await inject('POST', '/v1.0/communications/calls', createBody());
      assert.equal(res.statusCode, 201);
      const body = res.json<Record<string, unknown>>();
      assert.equal(res.headers.location, `http://localhost:80/v1.0/communications/calls/${String(body.id)}`);
      assert.equal(body['@odata.context'], 'http://localhost:80/v1.0/$metadata#app/calls/$entity');
      assert.equal(body.state, 'establishing');
      assert.equal(body.callbackUri, 'https://bot.contoso.com/callback');
      assert.ok(body.myParticipantId);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const command = lastCommand<CreateCallCommand>();
      assert.equal(command.version, 'v1.0');
      assert.equal(command.viaAppAlias, false);
      assert.equal(t.calls.received.at(-1)?.caller.appId, DEMO.appId);
    });

    it('serves the legacy /app/calls on beta and still points Location at /communications', async () => {
      const res = await inject('POST', '/beta/app/calls', createBody());
      assert.equal(res.statusCode, 201);
      assert.match(String(res.headers.location), /^http:\/\/localhost:80\/beta\/communications\/calls\/[^/]+$/);
      assert.equal(lastCommand<CreateCallCommand>().viaAppAlias, true);
      assert.ok('routingPolicies' in res.json<Record<string, unknown>>(), 'beta shape');
    });

    it('has no /app/calls on v1.0, as the method matrix says', async () => {
      const res = await inject('POST', '/v1.0/app/calls', createBody());
      assert.equal(res.statusCode, 400);
      // v1.0 lists /app for a few sub-resources (operations, addLargeGalleryView, audio routing groups), so the segment named is 'calls'.
      assert.match(res.json<GraphError>().error.message, /segment 'calls'/);
    });

    it('answers a bad body with a Graph-shaped 400 before CallService runs', async () => {
      const { mediaConfig: _dropped, ...body } = createBody();
      const res = await inject('POST', '/v1.0/communications/calls', body);
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json<GraphError>().error.code, '8523');
      const kiota = await inject('POST', '/v1.0/communications/calls', { ...body, mediaConfig: { '@odata.type': '#microsoft.graph.appHostedMediaConfig' } });
      assert.equal(kiota.statusCode, 400);
      assert.match(kiota.json<GraphError>().error.message, /mediaConfig\.blob/);
      const empty = await t.app.inject({ method: 'POST', url: '/v1.0/communications/calls', headers: t.auth });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json<GraphError>().error.message, 'Empty Payload. JSON content expected.');
      assert.equal(t.calls.received.length, 0);
    });

    it('lets any calling permission through to CallService (which checks the scenario) and refuses apps without one', async () => {
      const limited = await inject('POST', '/v1.0/communications/calls', createBody(), await t.tokenFor(DEMO.limitedAppId));
      assert.equal(limited.statusCode, 201);
      await t.deps.services.worldService.setConsent(DEMO.tenantId, DEMO.limitedAppId, []);
      try {
        const none = await inject('POST', '/v1.0/communications/calls', createBody(), await t.tokenFor(DEMO.limitedAppId));
        assert.equal(none.statusCode, 403);
        assert.equal(none.json<GraphError>().error.code, '7504');
      } finally {
        await t.deps.services.worldService.setConsent(DEMO.tenantId, DEMO.limitedAppId, ['Calls.Initiate.All']);
      }
    });
  });

  describe('the call resource', () => {
    const call = buildCall({ id: 'Call-ABC-1', state: 'established' });
    before(() => t.calls.add(call));

    it('GET answers the call with #communications/calls/$entity, or #app/… through /app', async () => {
      const res = await inject('GET', `/v1.0/communications/calls/${call.id}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json<Record<string, unknown>>()['@odata.context'], 'http://localhost:80/v1.0/$metadata#communications/calls/$entity');
      assert.equal(res.json<Record<string, unknown>>().state, 'established');
      const alias = await inject('GET', `/beta/app/calls/${call.id}`);
      assert.equal(alias.json<Record<string, unknown>>()['@odata.context'], 'http://localhost:80/beta/$metadata#app/calls/$entity');
    });

    it('treats call ids as case-sensitive while path segments are not', async () => {
      assert.equal((await inject('GET', `/V1.0/Communications/Calls/${call.id}`)).statusCode, 200);
      const res = await inject('GET', `/v1.0/communications/calls/${call.id.toLowerCase()}`);
      assert.equal(res.statusCode, 404);
      assert.equal(res.json<GraphError>().error.code, '8522');
    });

    it('answers another app’s call like an unknown one', async () => {
      const res = await inject('GET', `/v1.0/communications/calls/${call.id}`, undefined, await t.tokenFor(DEMO.limitedAppId));
      assert.equal(res.statusCode, 404);
    });

    it('DELETE answers 204 without a body', async () => {
      const res = await inject('DELETE', `/v1.0/communications/calls/${call.id}`);
      assert.equal(res.statusCode, 204);
      assert.equal(res.body, '');
      assert.deepEqual(t.calls.received.map((r) => [r.method, r.callId]), [['deleteCall', call.id]]);
    });

    it('keepAlive answers 200 without a body, bare or qualified, and 404 once the call ended', async () => {
      for (const action of ['keepAlive', 'microsoft.graph.keepAlive']) {
        const res = await inject('POST', `/v1.0/communications/calls/${call.id}/${action}`);
        assert.equal(res.statusCode, 200, action);
        assert.equal(res.body, '');
      }
      t.calls.add(buildCall({ id: 'ended', state: 'terminated' }));
      assert.equal((await inject('POST', '/v1.0/communications/calls/ended/keepAlive')).statusCode, 404);
      assert.equal((await inject('POST', `/beta/app/calls/${call.id}/keepAlive`)).statusCode, 400, 'keepAlive has no /app path');
    });
  });

  describe('incoming-call actions', () => {
    const incoming = buildCall({ id: 'incoming-1', direction: 'incoming', state: 'incoming', scenario: 'incoming', echo: {} });
    before(() => t.calls.add(incoming));

    it('answer parses the body and answers 202 without a body', async () => {
      const res = await inject('POST', `/v1.0/communications/calls/${incoming.id}/answer`, { ...answerBody, callbackUri: 'https://bot.contoso.com/api/calls' });
      assert.equal(res.statusCode, 202);
      assert.equal(res.body, '');
      const command = lastCommand<AnswerCommand>();
      assert.deepEqual([command.mediaHosting, command.acceptedModalities, command.callbackUri], ['service', ['audio'], 'https://bot.contoso.com/api/calls']);
    });

    it('answer refuses a body without acceptedModalities', async () => {
      const res = await inject('POST', `/beta/app/calls/${incoming.id}/microsoft.graph.answer`, { mediaConfig: answerBody.mediaConfig });
      assert.equal(res.statusCode, 400);
      assert.match(res.json<GraphError>().error.message, /'acceptedModalities'/);
    });

    it('reject accepts no body at all', async () => {
      const res = await inject('POST', `/v1.0/communications/calls/${incoming.id}/reject`);
      assert.equal(res.statusCode, 202);
      assert.deepEqual(lastCommand<RejectCommand>(), { reason: 'none' });
      const busy = await inject('POST', `/beta/communications/calls/${incoming.id}/reject`, { reason: 'Busy' });
      assert.equal(busy.statusCode, 202);
      assert.deepEqual(lastCommand<RejectCommand>(), { reason: 'busy' });
    });

    it('redirect answers 202 and refuses a timeout out of range', async () => {
      const targets = [{ identity: { user: { id: DEMO.users.alex.id } } }];
      const res = await inject('POST', `/v1.0/communications/calls/${incoming.id}/redirect`, { targets, timeout: 30 });
      assert.equal(res.statusCode, 202);
      assert.deepEqual(lastCommand<RedirectCommand>(), { targets: [{ kind: 'user', id: DEMO.users.alex.id }], timeoutSeconds: 30 });
      const bad = await inject('POST', `/v1.0/communications/calls/${incoming.id}/redirect`, { targets, timeout: 5 });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json<GraphError>().error.message, /'timeout'/);
    });

    it('redirect needs Calls.Initiate.All; answer needs a join permission (method pages)', async () => {
      await t.deps.services.worldService.setConsent(DEMO.tenantId, DEMO.appId, ['Calls.JoinGroupCall.All']);
      try {
        const token = await t.tokenFor(DEMO.appId);
        assert.equal((await inject('POST', `/v1.0/communications/calls/${incoming.id}/redirect`, { targets: [{ identity: { user: { id: 'u' } } }] }, token)).statusCode, 403);
        assert.equal((await inject('POST', `/v1.0/communications/calls/${incoming.id}/answer`, answerBody, token)).statusCode, 202);
      } finally {
        await t.deps.services.worldService.setConsent(DEMO.tenantId, DEMO.appId, [...CALLING_PERMISSIONS]);
      }
    });
  });
});

describe('documentedAt: routes exactly where the method pages list them', () => {
  it('reads versions and the /app alias from the method matrix', () => {
    assert.deepEqual(documentedAt('call.create'), { versions: ['v1.0', 'beta'], appAlias: ['beta'] });
    assert.deepEqual(documentedAt('call.keepAlive'), { versions: ['v1.0', 'beta'], appAlias: [] });
    assert.deepEqual(documentedAt('participant.get'), { versions: ['v1.0', 'beta'], appAlias: ['beta'] });
    assert.deepEqual(documentedAt('participant.muteAll'), { versions: ['beta'], appAlias: ['beta'] });
  });
});
