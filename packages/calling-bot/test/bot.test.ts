import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { generateKeyPair } from 'jose';
import { Bot, CallingClient, OperationFailedError, OperationTimeoutError, expressHandler, fastifyPlugin, nodeHttpHandler, type FastifyLikeInstance } from '../src/index.js';
import { startFakeGraph, type FakeGraph } from './support/fake-graph.js';
import { APP_ID, close, listen, startOpenIdServer, type OpenIdServer } from './support/openid-server.js';

const operationDone = (callId: string, opId: string, status: string, clientContext?: string): unknown => ({
  '@odata.type': '#microsoft.graph.commsNotifications',
  value: [
    {
      changeType: 'deleted',
      resourceUrl: `/communications/calls/${callId}/operations/${opId}`,
      resourceData: { '@odata.type': '#microsoft.graph.startHoldMusicOperation', id: opId, status, clientContext, resultInfo: { code: status === 'failed' ? 500 : 200, subcode: 0 } },
    },
  ],
});
const rosterJoin = { value: [{ changeType: 'updated', resourceUrl: '/communications/calls/c1/participants', resourceData: [{ id: 'p1', info: {} }] }] };

describe('Bot with the adapters', { timeout: 20_000 }, () => {
  let idp: OpenIdServer;
  let graph: FakeGraph;
  let bot: Bot;
  let server: Server;
  let url: string;

  before(async () => {
    idp = await startOpenIdServer();
    graph = await startFakeGraph();
    graph.fallback = (request) => ({ status: 202, body: { id: 'op-1', status: 'running', clientContext: (request.body as { clientContext?: string }).clientContext } });
    bot = new Bot({ client: new CallingClient({ token: () => 't', baseUrl: graph.url }), verifier: { appId: APP_ID, openIdMetadataUrl: idp.metadataUrl }, operationTimeoutMs: 2000 });
    server = createServer(nodeHttpHandler(bot));
    await listen(server);
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  });
  after(async () => {
    await close(server);
    await graph.close();
    await idp.close();
  });

  const post = async (body: unknown, token?: string, target = url): Promise<number> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const response = await fetch(target, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return response.status;
  };

  it('node:http: accepts a signed callback and tracks the roster', async () => {
    const joined: string[] = [];
    bot.tracker.once('participant-joined', (_call, p) => joined.push(p.id ?? ''));
    assert.equal(await post(rosterJoin, await idp.mint()), 202);
    assert.deepEqual(joined, ['p1']);
    assert.equal(bot.call('c1').participants.has('p1'), true);
  });

  it('node:http: refuses forged, unsigned and wrong-audience callbacks with 403 without applying them', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const body = { value: [{ changeType: 'updated', resourceUrl: '/communications/calls/c-forged', resourceData: { state: 'established' } }] };
    assert.equal(await post(body, await idp.mint({}, { key: privateKey })), 403);
    assert.equal(await post(body), 403);
    assert.equal(await post(body, await idp.mint({ aud: 'someone-else' })), 403);
    assert.equal(bot.tracker.get('c-forged'), undefined);
  });

  it('node:http: 400 for a body that is not a notification, 405 for GET', async () => {
    assert.equal(await post('not json', await idp.mint()), 400);
    assert.equal(await post({ hello: 1 }, await idp.mint()), 400);
    assert.equal((await fetch(url)).status, 405);
  });

  it('participant.startHoldMusic() resolves on the completion notification', async () => {
    const holding = bot.call('c1').participant('p1').startHoldMusic();
    await waitFor(() => graph.seen.some((r) => r.path.endsWith('/participants/p1/startHoldMusic')));
    const sent = graph.seen.at(-1)!.body as { clientContext?: string };
    assert.ok(sent.clientContext, 'a clientContext is generated');
    assert.equal(await post(operationDone('c1', 'op-1', 'completed', sent.clientContext), await idp.mint()), 202);
    assert.equal((await holding).status, 'completed');
  });

  it('an awaited operation rejects on a failed notification and on timeout', async () => {
    graph.queue.push({ status: 202, body: { id: 'op-2', status: 'running' } });
    const failing = assert.rejects(bot.call('c1').participant('p1').stopHoldMusic(), OperationFailedError);
    await waitFor(() => graph.seen.some((r) => r.path.endsWith('/stopHoldMusic')));
    await post(operationDone('c1', 'op-2', 'failed'), await idp.mint());
    await failing;
    graph.queue.push({ status: 202, body: { id: 'op-3', status: 'running' } });
    await assert.rejects(bot.call('c1').participant('p1').startHoldMusic({}, { timeoutMs: 50 }), OperationTimeoutError);
  });

  it('createCall tracks the new call from its create answer on', async () => {
    graph.queue.push({ status: 201, body: { id: 'c-new', state: 'establishing', direction: 'outgoing' } });
    const call = await bot.createCall({ callbackUri: url, requestedModalities: ['audio'] });
    assert.deepEqual([call.id, call.state], ['c-new', 'establishing']);
    assert.equal(graph.seen.at(-1)?.path, '/v1.0/communications/calls');
    const established = { value: [{ changeType: 'updated', resourceUrl: '/communications/calls/c-new', resourceData: { state: 'established' } }] };
    await post(established, await idp.mint());
    assert.equal(call.state, 'established');
  });

  it('express: works with and without a body parser in front', async () => {
    const handler = expressHandler(bot);
    let parsed: unknown;
    const app = createServer((request, response) => {
      const next = (error?: unknown): void => void response.writeHead(error ? 500 : 404).end();
      if (parsed !== undefined) Object.assign(request, { body: parsed });
      handler(request, response, next);
    });
    await listen(app);
    const target = `http://127.0.0.1:${(app.address() as AddressInfo).port}/callback`;
    try {
      assert.equal(await post(rosterJoin, await idp.mint(), target), 202);
      parsed = { value: [{ changeType: 'updated', resourceUrl: '/communications/calls/c-express', resourceData: { state: 'established' } }] };
      assert.equal(await post('{}', await idp.mint(), target), 202);
      assert.equal(bot.tracker.get('c-express')?.state, 'established');
      assert.equal(await post('{}', undefined, target), 403);
    } finally {
      await close(app);
    }
  });

  it('fastify: plugs into a real Fastify instance (its JSON parser reads the body)', async () => {
    const app = Fastify();
    await app.register(fastifyPlugin(bot), { path: '/api/calls' });
    const body = { value: [{ changeType: 'updated', resourceUrl: '/communications/calls/c-fastify', resourceData: { state: 'established' } }] };
    const accepted = await app.inject({ method: 'POST', url: '/api/calls', headers: { authorization: `Bearer ${await idp.mint()}` }, payload: body });
    const refused = await app.inject({ method: 'POST', url: '/api/calls', payload: body });
    await app.close();
    assert.deepEqual([accepted.statusCode, refused.statusCode], [202, 403]);
    assert.equal(bot.tracker.get('c-fastify')?.state, 'established');
  });

  it('fastify: registers a POST route that answers with the handler status', async () => {
    const routes: Record<string, Parameters<FastifyLikeInstance['post']>[1]> = {};
    await fastifyPlugin(bot)({ post: (path, route) => (routes[path] = route) }, { path: '/api/calls' });
    const route = routes['/api/calls'];
    assert.ok(route);
    const answered: number[] = [];
    const reply = { code: (n: number) => (answered.push(n), { send: () => undefined }) };
    await route({ headers: { authorization: `Bearer ${await idp.mint()}` }, body: rosterJoin }, reply);
    await route({ headers: {}, body: rosterJoin }, reply);
    assert.deepEqual(answered, [202, 403]);
  });
});

async function waitFor(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
