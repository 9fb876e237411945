import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attemptCallback, type AttemptDeps } from '../../src/notify/callback-attempt.js';
import type { CallbackMessage } from '../../src/notify/callback-message.js';
import type { CallbackSigner } from '../../src/notify/callback-signer.js';
import type { CallbackTransport, PostResult } from '../../src/notify/callback-transport.js';
import { CallbackUrlPolicy } from '../../src/notify/callback-url-policy.js';
import type { OutboxMessage } from '../../src/storage/ports.js';
import { callbackMessage, NOW } from './fixtures.js';

const claims = { aud: 'app', iss: 'https://api.botframework.com', iat: 1, nbf: 1, exp: 2, tid: 'tenant' };
const signer = { sign: async () => ({ jwt: 'a.b.c', kid: 'k1', claims }) } as unknown as CallbackSigner;

/** Deps whose transport answers `answer` and remembers the bodies it was given. */
function deps(answer: PostResult, policy = new CallbackUrlPolicy({ callbackHosts: ['*'], allowHttpCallbacks: true })) {
  const posted: string[] = [];
  const transport = {
    post: async (_url: string, body: string) => {
      posted.push(body);
      return answer;
    },
  } as unknown as CallbackTransport;
  const attemptDeps: AttemptDeps = { clock: { now: () => NOW }, signer, policy, transport, limits: { callbackMaxAttempts: 3, callbackMaxAgeMs: 60_000 }, random: () => 0 };
  return { attemptDeps, posted };
}

function claimed(payload: CallbackMessage): OutboxMessage<CallbackMessage> {
  return { seq: 7, stream: `call:${payload.callId}`, payload, createdAt: NOW, availableAt: NOW, attempts: 1 };
}

describe('callback attempt: the delivery-log entry', () => {
  it('carries the POSTed text as payloadJson, so the log does not encode the body again', async () => {
    const { attemptDeps, posted } = deps({ status: 202, latencyMs: 3 });
    const message = callbackMessage('c1', 'http://bot.example/cb', 'call established');
    const { entry } = await attemptCallback(attemptDeps, claimed(message));
    assert.equal(posted.length, 1);
    assert.equal(entry.payloadJson, posted[0]);
    assert.deepEqual(JSON.parse(entry.payloadJson ?? ''), entry.payload);
  });

  it('leaves out the fields an attempt did not produce', async () => {
    const refusing = new CallbackUrlPolicy({ callbackHosts: [], allowHttpCallbacks: false });
    const { attemptDeps, posted } = deps({ status: 202, latencyMs: 3 }, refusing);
    const { entry, retryAt } = await attemptCallback(attemptDeps, claimed(callbackMessage('c1', 'http://bot.example/cb', 'x')));
    assert.equal(posted.length, 0);
    assert.equal(retryAt, undefined);
    assert.equal(entry.outcome, 'abandoned');
    for (const field of ['status', 'latencyMs', 'requestId', 'payloadJson']) assert.equal(field in entry, false, field);
    assert.equal(typeof entry.error, 'string');
  });

  it('records status, latency and request id of an answered POST', async () => {
    const { attemptDeps } = deps({ status: 500, latencyMs: 9, error: 'HTTP 500' });
    const { entry, retryAt } = await attemptCallback(attemptDeps, claimed(callbackMessage('c1', 'http://bot.example/cb', 'x')));
    assert.equal(entry.outcome, 'retrying');
    assert.equal(typeof retryAt, 'number');
    assert.deepEqual([entry.status, entry.latencyMs, entry.error, typeof entry.requestId], [500, 9, 'HTTP 500', 'string']);
    assert.deepEqual(entry.jwtClaims, claims);
  });
});
