import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer } from '../helpers/server.js';
import { joinByMeetingId } from './support/bodies.js';
import { harnessFor, send, startE2e, type E2e, type Json } from './support/harness.js';
import { waitForState } from './support/notifications.js';

const UNKNOWN_CALL = '/communications/calls/00000000-0000-0000-0000-000000000000';

interface Rule extends Json {
  id: string;
  matched: number;
  fired: number;
}

/** Graph request faults and throttling over real HTTPS, seen by a bot's HTTP client and receiver. */
describe('e2e: Graph faults and throttling', () => {
  let e2e: E2e;
  before(async () => (e2e = await startE2e()));
  after(() => e2e.close());
  beforeEach(async () => {
    await e2e.control.expect(204, 'DELETE', '/faults');
    await e2e.control.expect(200, 'PUT', '/faults/throttling', { profile: 'off' });
  });

  const addRule = (rule: Json) => e2e.control.expect<Rule>(201, 'POST', '/faults', rule);
  const ruleNow = (id: string) => e2e.control.expect<Rule>(200, 'GET', `/faults/${id}`);
  const legCount = async () => (await e2e.control.expect<{ value: Json[] }>(200, 'GET', '/calls')).value.length;

  it('fails a create call with 503 + Retry-After without creating anything; the retry works and the bot gets its callbacks', async () => {
    const rx = await e2e.receiver();
    const rule = await addRule({ kind: 'graphError', status: 503, retryAfterSeconds: 2, match: { operation: 'call.create' }, trigger: { times: 1 } });
    const before = await legCount();
    const failed = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(failed.status, 503, failed.raw);
    assert.equal(failed.headers['retry-after'], '2');
    assert.equal((failed.body.error as Json).code, 'serviceNotAvailable');
    assert.equal(((failed.body.error as Json).innerError as Json)['request-id'], failed.headers['request-id']);
    assert.equal(await legCount(), before, 'the faulted request changed nothing');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(rx.received.length, 0, 'and the bot was not called back');
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    await waitForState(rx, String(created.body.id), 'established');
    assert.ok(rx.received.every((callback) => callback.valid), 'callbacks after the retry are signed as usual');
    assert.deepEqual([(await ruleNow(rule.id)).matched, (await ruleNow(rule.id)).fired], [2, 1]);
    await e2e.graph.request('DELETE', `/communications/calls/${String(created.body.id)}`);
  });

  it('adds latency to the matching operation only (real time, bounded)', async () => {
    await addRule({ kind: 'latency', delayMs: 400, match: { operation: 'call.get' } });
    let started = Date.now();
    assert.equal((await e2e.graph.request('GET', UNKNOWN_CALL)).status, 404);
    const slow = Date.now() - started;
    started = Date.now();
    assert.equal((await e2e.graph.request('GET', `${UNKNOWN_CALL}/participants`)).status, 404);
    const fast = Date.now() - started;
    assert.ok(slow >= 390 && slow < 5000, `delayed ${slow} ms`);
    assert.ok(fast < 390, `not delayed: ${fast} ms`);
  });

  it('applies an X-Switchboard-Fault header to that request only', async () => {
    const token = await e2e.graph.token();
    const headers = { authorization: `Bearer ${token}` };
    const faulted = await send(e2e.server, 'GET', `/v1.0${UNKNOWN_CALL}`, { ...headers, 'x-switchboard-fault': '{"kind":"graphError","status":504}' });
    assert.deepEqual([faulted.status, (faulted.body as { error: Json }).error.code], [504, 'GatewayTimeout']);
    const plain = await send(e2e.server, 'GET', `/v1.0${UNKNOWN_CALL}`, headers);
    assert.equal(plain.status, 404);
  });

  it('throttles per app and tenant with 429 + Retry-After, and penalises retrying too early', async () => {
    await e2e.control.expect(200, 'PUT', '/faults/throttling', { profile: 'graph-calls', requests: 2, perSeconds: 2 });
    const statuses = [];
    for (let i = 0; i < 2; i++) statuses.push((await e2e.graph.request('GET', UNKNOWN_CALL)).status);
    assert.deepEqual(statuses, [404, 404]);
    const throttled = await e2e.graph.request('GET', UNKNOWN_CALL);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['retry-after'], '1');
    assert.equal((throttled.body.error as Json).code, 'TooManyRequests');
    const early = await e2e.graph.request('GET', UNKNOWN_CALL);
    assert.deepEqual([early.status, early.headers['retry-after']], [429, '2'], 'retried before Retry-After: longer wait');
    const otherApp = await e2e.graph.request('GET', UNKNOWN_CALL, undefined, { appId: DEMO.limitedAppId });
    assert.notEqual(otherApp.status, 429, 'another app has its own limit');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    assert.equal((await e2e.graph.request('GET', UNKNOWN_CALL)).status, 404, 'waited out Retry-After');
  });

  describe('with the official graph client', () => {
    let untrust: () => void;
    let client: Client;
    before(async () => {
      untrust = e2e.server.trustGlobally();
      const token = await e2e.graph.token();
      client = Client.init({ authProvider: (done) => done(null, token), baseUrl: e2e.server.httpsUrl, customHosts: new Set([new URL(e2e.server.httpsUrl).hostname]) });
    });
    after(() => untrust());

    it('honours Retry-After on a 503 and retries into the real answer', async () => {
      const rule = await addRule({ kind: 'graphError', status: 503, retryAfterSeconds: 1, match: { operation: 'call.get' }, trigger: { times: 1 } });
      await assert.rejects(client.api(UNKNOWN_CALL).get(), (error: unknown) => error instanceof GraphError && error.statusCode === 404 && error.code === '8522');
      const seen = await ruleNow(rule.id);
      assert.deepEqual([seen.matched, seen.fired], [2, 1], 'the client retried once after the 503');
    });

    it('surfaces a non-retryable injected error with its code and message', async () => {
      await addRule({ kind: 'graphError', status: 500, code: 'generalException', message: 'injected by the test', match: { operation: 'call.get' } });
      await assert.rejects(client.api(UNKNOWN_CALL).get(), (error: unknown) => {
        assert.ok(error instanceof GraphError);
        assert.deepEqual([error.statusCode, error.code, error.message], [500, 'generalException', 'injected by the test']);
        return true;
      });
    });
  });
});

describe('e2e: fault rules across a restart and from a --faults file', () => {
  let dataDir: string;
  before(async () => (dataDir = await mkdtemp(join(tmpdir(), 'switchboard-faults-'))));
  after(() => rm(dataDir, { recursive: true, force: true }));

  const start = (flags: Json = {}) => startTestServer({ inMemory: false, dataDir, flags: { latency: 'instant', ...flags } });

  it('keeps API rules, seed and throttling; file rules are replaced, not duplicated, on each start', async () => {
    const file = join(dataDir, 'faults.yaml');
    await writeFile(file, 'rules:\n  - kind: graphError\n    status: 503\n    match: { operation: call.create }\n');
    let e2e = harnessFor(await start({ faultsFile: file }));
    try {
      await e2e.control.expect(201, 'POST', '/faults', { kind: 'latency', delayMs: 10, match: { operation: 'call.get' } });
      await e2e.control.expect(200, 'PUT', '/faults/seed', { seed: 99 });
      await e2e.control.expect(200, 'PUT', '/faults/throttling', { profile: 'graph-calls', limitScale: 0.5 });
    } finally {
      await e2e.close();
    }
    e2e = harnessFor(await start({ faultsFile: file }));
    try {
      const book = await e2e.control.expect<{ seed: number; throttling: Json; rules: Rule[] }>(200, 'GET', '/faults');
      assert.deepEqual(book.rules.map((r) => [r.source, r.kind]), [['file', 'graphError'], ['api', 'latency']]);
      assert.equal(book.seed, 99);
      assert.deepEqual(book.throttling, { profile: 'graph-calls', limitScale: 0.5 });
      assert.equal((await e2e.graph.request('POST', '/communications/calls', joinByMeetingId('https://localhost:1/cb'))).status, 503);
    } finally {
      await e2e.close();
    }
  });

  it('refuses to start with an invalid faults file, naming file:line:col', async () => {
    const file = join(dataDir, 'bad.yaml');
    await writeFile(file, 'rules:\n  - kind: latency\n    delayMs: -5\n');
    await assert.rejects(start({ faultsFile: file }), (error: Error) => {
      assert.match(error.message, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:14 rules\\[0\\]\\.delayMs`));
      return true;
    });
  });
});
