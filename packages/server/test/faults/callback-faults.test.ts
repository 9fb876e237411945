import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock, type WaitableClock } from '../../src/domain/clock.js';
import { callbackFaultFacts } from '../../src/notify/callback-fault-facts.js';
import { deliverFaulted, faultSummary, type CallbackFaultDeps, type FiredCallbackRule } from '../../src/notify/callback-faults.js';
import type { CallbackMessage } from '../../src/notify/callback-message.js';
import type { OutboxMessage } from '../../src/storage/ports.js';

const CALL = '5d0f4c2e-1111-4111-8111-000000000001';

function message(resourceUrl: string, resourceData: unknown, changeType = 'updated', attempts = 1): OutboxMessage<CallbackMessage> {
  const body = { '@odata.type': '#microsoft.graph.commsNotifications', value: [{ changeType, resourceUrl, resourceData }] };
  const payload: CallbackMessage = { kind: 'callback', callId: CALL, appId: 'app', tenantId: 'tenant', url: 'https://127.0.0.1:1/cb', body, summary: 'call established' };
  return { seq: 7, stream: `call:${CALL}`, payload, createdAt: 0, availableAt: 0, attempts };
}

/** Deps for the paths that send nothing: drop, fail and a slow bot past the timeout never sign or POST. */
function unsentDeps(clock = new ManualClock(1_000)): CallbackFaultDeps {
  const time: WaitableClock = { now: () => clock.now(), waitUntil: async (at) => clock.set(Math.max(clock.now(), at)) };
  const never = new Proxy({}, { get: () => () => assert.fail('nothing may be signed or posted') });
  return {
    clock, time, timeoutMs: 30, limits: { callbackMaxAttempts: 3, callbackMaxAgeMs: 60_000 }, random: () => 0.5,
    signer: never as CallbackFaultDeps['signer'], policy: never as CallbackFaultDeps['policy'], transport: never as CallbackFaultDeps['transport'],
    store: { outbox: never as CallbackFaultDeps['store']['outbox'] },
  };
}

const rule = (action: FiredCallbackRule['action'], extra: Partial<FiredCallbackRule> = {}): FiredCallbackRule => ({ id: 'r1', kind: 'callback', match: {}, trigger: {}, action, ...extra });

describe('callback fault facts', () => {
  it('reads changeType, resource and state from the notification body', () => {
    assert.deepEqual(callbackFaultFacts(message(`/communications/calls/${CALL}`, { state: 'established' }).payload), { appId: 'app', callId: CALL, changeType: 'updated', resource: 'call', state: 'established' });
    assert.equal(callbackFaultFacts(message(`/communications/calls/${CALL}/participants`, [], 'deleted').payload).resource, 'participants');
    assert.equal(callbackFaultFacts(message(`/communications/calls/${CALL}/operations/op1`, { status: 'completed' }).payload).resource, 'operation');
    assert.equal(callbackFaultFacts(message(`/communications/calls/${CALL}/contentsharingsessions`, []).payload).resource, 'contentSharingSessions');
    assert.equal(callbackFaultFacts(message(`/communications/calls/${CALL}`, { state: 'established', toneInfo: { tone: 'tone1' } }).payload).resource, 'tones');
    assert.equal(callbackFaultFacts(message(`/communications/calls/${CALL}`, { state: 'terminated' }, 'deleted').payload).changeType, 'deleted');
  });
});

describe('callback faults that send nothing', () => {
  it('drop: logged as dropped, nothing signed, the message completes', async () => {
    const done = await deliverFaulted(unsentDeps(), message('/communications/calls/x', {}), rule('drop'));
    assert.equal(done.entry.outcome, 'dropped');
    assert.equal(done.retryAt, undefined);
    assert.deepEqual(done.entry.jwtClaims, {});
    assert.equal(done.entry.summary, 'call established [fault drop; rule r1]');
  });

  it('fail: a failed attempt with the status, retried by the normal policy, abandoned after the last attempt', async () => {
    const first = await deliverFaulted(unsentDeps(), message('/communications/calls/x', {}), rule('fail', { status: 503 }));
    assert.deepEqual([first.entry.status, first.entry.outcome, first.retryAt], [503, 'retrying', 1_000 + 1_000]);
    const last = await deliverFaulted(unsentDeps(), message('/communications/calls/x', {}, 'updated', 3), rule('fail'));
    assert.deepEqual([last.entry.status, last.entry.outcome, last.retryAt], [500, 'abandoned', undefined]);
  });

  it('slow past the attempt timeout: a timed-out attempt, retried', async () => {
    const started = Date.now();
    const done = await deliverFaulted(unsentDeps(), message('/communications/calls/x', {}), rule('slow', { delayMs: 5_000 }));
    assert.ok(Date.now() - started < 1_000, 'waits the timeout (30 ms), not the delay');
    assert.equal(done.entry.outcome, 'retrying');
    assert.match(done.entry.error ?? '', /timed out after 30 ms \(slow bot, fault rule r1\)/);
  });

  it('marks every faulted entry with the action and the rule', () => {
    assert.equal(faultSummary('roster updated (2)', rule('duplicate'), 'second of two'), 'roster updated (2) [fault duplicate: second of two; rule r1]');
  });
});
