import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CallingClient, GraphError, parseRetryAfter } from '../src/index.js';
import { startFakeGraph, type FakeGraph } from './support/fake-graph.js';

describe('CallingClient', { timeout: 20_000 }, () => {
  let graph: FakeGraph;
  let sleeps: number[];
  let v1: CallingClient;
  let beta: CallingClient<'beta'>;

  before(async () => {
    graph = await startFakeGraph();
  });
  after(() => graph.close());
  beforeEach(() => {
    graph.seen.length = 0;
    graph.queue.length = 0;
    sleeps = [];
    const sleep = async (ms: number): Promise<void> => void sleeps.push(ms);
    v1 = new CallingClient({ token: () => 'tok-1', baseUrl: graph.url, sleep });
    beta = new CallingClient({ token: async () => 'tok-b', baseUrl: `${graph.url}/`, version: 'beta', sleep });
  });

  const last = (): { method: string; path: string; body: unknown } => {
    const { method, path, body } = graph.seen.at(-1)!;
    return { method, path, body };
  };

  it('sends every call-level method to its documented path and verb', async () => {
    const id = 'call 1';
    const c = '/v1.0/communications/calls/call%201';
    const cases: [() => Promise<unknown>, string, string, unknown][] = [
      [() => v1.calls.create({ callbackUri: 'https://bot/cb' }), 'POST', '/v1.0/communications/calls', { callbackUri: 'https://bot/cb' }],
      [() => v1.calls.get(id), 'GET', c, undefined],
      [() => v1.calls.delete(id), 'DELETE', c, undefined],
      [() => v1.calls.answer(id, { callbackUri: 'https://bot/cb', acceptedModalities: ['audio'], mediaConfig: {} }), 'POST', `${c}/answer`, { callbackUri: 'https://bot/cb', acceptedModalities: ['audio'], mediaConfig: {} }],
      [() => v1.calls.reject(id, { reason: 'busy' }), 'POST', `${c}/reject`, { reason: 'busy' }],
      [() => v1.calls.redirect(id, { targets: [], timeout: 30 }), 'POST', `${c}/redirect`, { targets: [], timeout: 30 }],
      [() => v1.calls.transfer(id, { transferTarget: {} }), 'POST', `${c}/transfer`, { transferTarget: {} }],
      [() => v1.calls.keepAlive(id), 'POST', `${c}/keepAlive`, undefined],
      [() => v1.calls.mute(id, { clientContext: 'x' }), 'POST', `${c}/mute`, { clientContext: 'x' }],
      [() => v1.calls.unmute(id), 'POST', `${c}/unmute`, {}],
      [() => v1.calls.changeScreenSharingRole(id, 'sharer'), 'POST', `${c}/changeScreenSharingRole`, { role: 'sharer' }],
      [() => v1.calls.playPrompt(id, { prompts: [] }), 'POST', `${c}/playPrompt`, { prompts: [] }],
      [() => v1.calls.recordResponse(id, { maxRecordDurationInSeconds: 10 }), 'POST', `${c}/recordResponse`, { maxRecordDurationInSeconds: 10 }],
      [() => v1.calls.cancelMediaProcessing(id), 'POST', `${c}/cancelMediaProcessing`, {}],
      [() => v1.calls.subscribeToTone(id), 'POST', `${c}/subscribeToTone`, {}],
      [() => v1.calls.sendDtmfTones(id, { tones: ['tone1', 'pound'] }), 'POST', `${c}/sendDtmfTones`, { tones: ['tone1', 'pound'] }],
      [() => v1.calls.updateRecordingStatus(id, { status: 'recording' }), 'POST', `${c}/updateRecordingStatus`, { status: 'recording' }],
      [() => v1.calls.addLargeGalleryView(id), 'POST', `${c}/addLargeGalleryView`, {}],
      [() => v1.calls.getOperation(id, 'op1'), 'GET', `${c}/operations/op1`, undefined],
      [() => v1.calls.logTeleconferenceDeviceQuality({ callChainId: 'x' }, 'CVI/1.0'), 'POST', '/v1.0/communications/calls/logTeleconferenceDeviceQuality', { quality: { callChainId: 'x' } }],
    ];
    for (const [send, method, path, body] of cases) {
      await send();
      assert.deepEqual(last(), { method, path, body }, `${method} ${path}`);
    }
    assert.equal(graph.seen.at(-1)?.headers['user-agent'], 'CVI/1.0');
    assert.equal(graph.seen[0]?.headers.authorization, 'Bearer tok-1');
  });

  it('sends every roster, audio routing group and content sharing method', async () => {
    const c = '/beta/communications/calls/c1';
    const p = beta.participants('c1');
    const groups = beta.audioRoutingGroups('c1');
    const sharing = beta.contentSharingSessions('c1');
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => p.list(), 'GET', `${c}/participants`],
      [() => p.get('p1'), 'GET', `${c}/participants/p1`],
      [() => p.delete('p1'), 'DELETE', `${c}/participants/p1`],
      [() => p.invite({ participants: [] }), 'POST', `${c}/participants/invite`],
      [() => p.mute('p1'), 'POST', `${c}/participants/p1/mute`],
      [() => p.startHoldMusic('p1', { customPrompt: { '@odata.type': '#microsoft.graph.mediaPrompt' } as never }), 'POST', `${c}/participants/p1/startHoldMusic`],
      [() => p.stopHoldMusic('p1'), 'POST', `${c}/participants/p1/stopHoldMusic`],
      [() => p.muteAll({ participants: ['p1'] }), 'POST', `${c}/participants/muteAll`],
      [() => p.configureMixer({ participantMixerLevels: [] }), 'POST', `${c}/participants/configureMixer`],
      [() => groups.list(), 'GET', `${c}/audioRoutingGroups`],
      [() => groups.get('g1'), 'GET', `${c}/audioRoutingGroups/g1`],
      [() => groups.create({ routingMode: 'oneToOne', sources: ['a'], receivers: ['b'] }), 'POST', `${c}/audioRoutingGroups`],
      [() => groups.update('g1', { receivers: ['b', 'c'] }), 'PATCH', `${c}/audioRoutingGroups/g1`],
      [() => groups.delete('g1'), 'DELETE', `${c}/audioRoutingGroups/g1`],
      [() => sharing.list(), 'GET', `${c}/contentSharingSessions`],
      [() => sharing.get('s1'), 'GET', `${c}/contentSharingSessions/s1`],
    ];
    for (const [send, method, path] of cases) {
      await send();
      assert.deepEqual([last().method, last().path], [method, path]);
    }
    assert.equal(graph.seen[0]?.headers.authorization, 'Bearer tok-b');
  });

  it('returns collections as arrays and fills an operation id from Location', async () => {
    graph.queue.push({ status: 200, body: { value: [{ id: 'p1' }, { id: 'p2' }] } });
    assert.deepEqual((await v1.participants('c1').list()).map((x) => x.id), ['p1', 'p2']);
    graph.queue.push({ status: 202, body: { status: 'running' }, headers: { location: `${graph.url}/v1.0/communications/calls/c1/operations/op-9` } });
    const op = await v1.participants('c1').startHoldMusic('p1');
    assert.deepEqual([op.id, op.status], ['op-9', 'running']);
  });

  it('follows @odata.nextLink within the service root only', async () => {
    const next = `${graph.url}/v1.0/communications/calls/c1/participants?$skiptoken=2`;
    graph.queue.push({ status: 200, body: { value: [{ id: 'p1' }], '@odata.nextLink': next } });
    graph.queue.push({ status: 200, body: { value: [{ id: 'p2' }], '@odata.nextLink': 'https://elsewhere.example/v1.0/steal?token' } });
    assert.deepEqual((await v1.participants('c1').list()).map((x) => x.id), ['p1', 'p2']);
    assert.deepEqual(graph.seen.map((r) => r.path), ['/v1.0/communications/calls/c1/participants', '/v1.0/communications/calls/c1/participants?$skiptoken=2']);
  });

  it('throws a GraphError with code, message, status and request id', async () => {
    graph.queue.push({ status: 404, body: { error: { code: 'itemNotFound', message: 'no such call', innerError: { 'request-id': 'r-1' } } }, headers: { 'client-request-id': 'c-1' } });
    await assert.rejects(v1.calls.get('nope'), (error: unknown) => {
      assert.ok(error instanceof GraphError);
      assert.deepEqual([error.status, error.code, error.message, error.requestId, error.clientRequestId], [404, 'itemNotFound', 'no such call', 'r-1', 'c-1']);
      return true;
    });
  });

  it('retries 429 and 503 honouring Retry-After, then succeeds', async () => {
    graph.queue.push({ status: 429, headers: { 'retry-after': '2' } }, { status: 503 }, { status: 200, body: { id: 'c1' } });
    assert.equal((await v1.calls.get('c1')).id, 'c1');
    assert.equal(graph.seen.length, 3);
    assert.deepEqual(sleeps, [2000, 2000]);
  });

  it('gives up after the configured number of retries with the last GraphError (Retry-After exposed)', async () => {
    const limited = new CallingClient({ token: () => 't', baseUrl: graph.url, retry: { maxRetries: 1, maxDelayMs: 5 }, sleep: async () => {} });
    graph.fallback = () => ({ status: 429, body: { error: { code: 'TooManyRequests', message: 'slow down' } }, headers: { 'retry-after': '1' } });
    try {
      await assert.rejects(limited.calls.get('c1'), (error: unknown) => error instanceof GraphError && error.status === 429 && error.retryAfterMs === 1000);
      assert.equal(graph.seen.length, 2);
    } finally {
      graph.fallback = () => ({ status: 200, body: {} });
    }
  });

  it('does not retry other errors', async () => {
    graph.queue.push({ status: 400, body: { error: { code: 'badRequest', message: 'bad' } } });
    await assert.rejects(v1.calls.keepAlive('c1'), GraphError);
    assert.equal(graph.seen.length, 1);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });
});
