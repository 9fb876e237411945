import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { describe, it } from 'node:test';
import { CallbackTransport } from '../../src/notify/callback-transport.js';
import { CallbackUrlPolicy } from '../../src/notify/callback-url-policy.js';
import type { ResolveAll } from '../../src/notify/guarded-lookup.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

/** A resolver where every name points at 127.0.0.1: what a rebinding attacker's DNS answers. */
const rebinding: ResolveAll = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 } satisfies LookupAddress]);

async function postVia(policy: CallbackUrlPolicy, host: string) {
  const receiver = await startWebhookReceiver();
  const transport = new CallbackTransport(policy, 2000, rebinding);
  try {
    const url = receiver.url.replace('127.0.0.1', host);
    const result = await transport.post(url, '{}', { 'content-type': 'application/json' });
    return { result, received: receiver.received.length };
  } finally {
    await transport.close();
    await receiver.close();
  }
}

describe('callback transport: DNS-rebinding guard', { timeout: 20_000 }, () => {
  it('refuses a name allowed by * that resolves to loopback, permanently and without connecting', async () => {
    const policy = new CallbackUrlPolicy({ callbackHosts: ['*'], allowHttpCallbacks: true });
    const { result, received } = await postVia(policy, 'rebind.example');
    assert.equal(result.permanent, true);
    assert.equal(result.status, undefined);
    assert.match(result.error ?? '', /'rebind\.example' resolves to 127\.0\.0\.1.*callbackHosts/);
    assert.equal(received, 0);
  });

  it('lets an explicitly listed name reach loopback', async () => {
    const policy = new CallbackUrlPolicy({ callbackHosts: ['dev.example'], allowHttpCallbacks: true });
    const { result, received } = await postVia(policy, 'dev.example');
    assert.deepEqual([result.status, result.error, received], [202, undefined, 1]);
  });

  it('reports a refused connection as a retryable failure', async () => {
    const policy = new CallbackUrlPolicy({ callbackHosts: [], allowHttpCallbacks: false });
    const transport = new CallbackTransport(policy, 2000);
    try {
      const result = await transport.post('http://127.0.0.1:1/callback', '{}', {});
      assert.equal(result.permanent, false);
      assert.match(result.error ?? '', /ECONNREFUSED/);
    } finally {
      await transport.close();
    }
  });
});

describe('callback transport: requests', { timeout: 20_000 }, () => {
  it('posts to each URL’s own path and query, however many URLs share an origin', async () => {
    const receiver = await startWebhookReceiver();
    const transport = new CallbackTransport(new CallbackUrlPolicy({ callbackHosts: [], allowHttpCallbacks: false }), 2000);
    try {
      const urls = [`${receiver.url}/a`, `${receiver.url}/b?tenant=t1`, `${receiver.url}/a`, `${receiver.url}/b?tenant=t2`];
      for (const url of urls) assert.equal((await transport.post(url, '{}', { 'content-type': 'application/json' })).status, 202);
      assert.deepEqual(receiver.received.map((callback) => callback.path), ['/callback/a', '/callback/b?tenant=t1', '/callback/a', '/callback/b?tenant=t2']);
    } finally {
      await transport.close();
      await receiver.close();
    }
  });

  it('gives up on an answer that takes longer than the timeout, as a retryable failure', async () => {
    const receiver = await startWebhookReceiver({ respond: () => new Promise<number>((resolve) => setTimeout(() => resolve(202), 1500)) });
    const transport = new CallbackTransport(new CallbackUrlPolicy({ callbackHosts: [], allowHttpCallbacks: false }), 150);
    try {
      const result = await transport.post(receiver.url, '{}', {});
      assert.deepEqual([result.status, result.permanent, result.error], [undefined, false, 'no answer within 150 ms (callbackTimeoutMs)']);
      assert.ok(result.latencyMs < 1000, `aborted after ${result.latencyMs} ms`);
    } finally {
      await transport.close();
      await receiver.close();
    }
  });
});
