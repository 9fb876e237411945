import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENDED_CALL_RETENTION_MS, callTimerKey } from '../../src/calls/call-timers.js';
import { LATENCY_PROFILES } from '../../src/calls/latency.js';
import { KEEPALIVE_TIMEOUT_MS } from '../../src/domain/calls/call-rules.js';
import type { Call } from '../../src/domain/calls/types.js';
import { DomainError } from '../../src/domain/errors/index.js';
import { DEMO } from '../../src/world/demo-world.js';
import { STANDUP, demoBot, joinCommand, useCallKit, type CallKit } from './call-kit.js';

const is404 = (error: unknown): boolean => error instanceof DomainError && error.id === 'callNotFound' && error.status === 404;
const otherApp = { appId: DEMO.limitedAppId, tenantId: DEMO.tenantId, roles: ['Calls.Initiate.All'] };

async function joined(kit: CallKit): Promise<Call> {
  const call = await kit.calls.createCall(demoBot, joinCommand(STANDUP));
  await kit.runTimers();
  kit.notifications.clear();
  return call;
}

describe('hanging up (DELETE)', () => {
  const kit = useCallKit({ latency: LATENCY_PROFILES.realistic });

  it('notifies terminating at once and terminated with 200/5001 after the terminate latency', async () => {
    const call = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await kit().advance(2000);
    kit().notifications.clear();
    await kit().calls.deleteCall(demoBot, call.id);
    assert.deepEqual(kit().notifications.to(call.id), ['call:stateChanged:terminating']);
    await kit().advance(LATENCY_PROFILES.realistic.terminateMs - 1);
    assert.equal((await kit().people.getCall(call.id)).state, 'terminating');
    await kit().advance(1);
    const ended = await kit().people.getCall(call.id);
    assert.deepEqual([ended.state, ended.resultInfo], ['terminated', { code: 200, subcode: 5001, message: 'The conversation has ended.' }]);
    assert.deepEqual(kit().notifications.to(call.id), ['call:stateChanged:terminating', 'call:deleted:terminated']);
  });

  it('takes the leg out of the roster, telling the legs that stay', async () => {
    const leaving = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    const staying = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await kit().advance(2000);
    await kit().advance(1000);
    kit().notifications.clear();
    await kit().calls.deleteCall(demoBot, leaving.id);
    await kit().advance(1000);
    assert.deepEqual(kit().notifications.to(staying.id), [`roster:removed [${leaving.myParticipantId}]`]);
    assert.deepEqual((await kit().calls.listParticipants(demoBot, staying.id)).map((p) => p.id), [staying.myParticipantId]);
  });
});

describe('per-call actions', () => {
  const kit = useCallKit();

  it('answers 404 for a call of another app, exactly like an unknown one', async () => {
    const call = await joined(kit());
    await assert.rejects(kit().calls.getCall(otherApp, call.id), is404);
    await assert.rejects(kit().calls.deleteCall(otherApp, call.id), is404);
    await assert.rejects(kit().calls.keepAlive(otherApp, call.id), is404);
    await assert.rejects(kit().calls.listParticipants(otherApp, call.id), is404);
    await assert.rejects(kit().calls.getCall(demoBot, 'no-such-call'), is404);
  });

  it('ignores a second DELETE while terminating, and forgets the call once terminated', async () => {
    const call = await joined(kit());
    kit().clock.advance(1);
    await kit().calls.deleteCall(demoBot, call.id);
    await kit().calls.deleteCall(demoBot, call.id);
    assert.deepEqual(kit().notifications.to(call.id), ['call:stateChanged:terminating']);
    await kit().runTimers();
    await assert.rejects(kit().calls.getCall(demoBot, call.id), is404);
    await assert.rejects(kit().calls.deleteCall(demoBot, call.id), is404);
    await assert.rejects(kit().calls.listParticipants(demoBot, call.id), is404);
  });

  it('purges an ended leg after the retention time', async () => {
    const call = await joined(kit());
    await kit().calls.deleteCall(demoBot, call.id);
    await kit().runTimers();
    await kit().advance(ENDED_CALL_RETENTION_MS - 1);
    assert.equal((await kit().people.getCall(call.id)).state, 'terminated');
    await kit().advance(1);
    assert.deepEqual(await kit().people.listCalls(), []);
  });

  it('reads one participant, and 404 for one that is not in the roster', async () => {
    const call = await joined(kit());
    assert.equal((await kit().calls.getParticipant(demoBot, call.id, call.myParticipantId ?? '')).callId, call.id);
    await assert.rejects(kit().calls.getParticipant(demoBot, call.id, 'nobody'), (e: unknown) => e instanceof DomainError && e.id === 'participantNotFound');
  });
});

describe('keepAlive and the 45-minute rule', () => {
  const kit = useCallKit();

  it('ends a call without keepAlive for 45 minutes with 408/8537, telling the other legs', async () => {
    const idle = await joined(kit());
    kit().clock.advance(60_000);
    const other = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await kit().runTimers();
    await kit().calls.keepAlive(demoBot, other.id);
    kit().notifications.clear();
    await kit().advance(KEEPALIVE_TIMEOUT_MS - 60_000 - 1);
    assert.equal((await kit().calls.getCall(demoBot, idle.id)).state, 'established');
    await kit().advance(1);
    const ended = await kit().people.getCall(idle.id);
    assert.deepEqual(ended.resultInfo, { code: 408, subcode: 8537, message: 'Keep Alive timeout, cleaned up inactive call.' });
    assert.deepEqual(kit().notifications.to(idle.id), ['call:deleted:terminated']);
    assert.deepEqual(kit().notifications.to(other.id), [`roster:removed [${idle.myParticipantId}]`]);
  });

  it('counts the 45 minutes from the last keepAlive', async () => {
    const call = await joined(kit());
    await kit().advance(30 * 60_000);
    await kit().calls.keepAlive(demoBot, call.id);
    assert.equal((await kit().store.timers.get(callTimerKey('keepAlive', call.id)))?.dueAt, kit().clock.now() + KEEPALIVE_TIMEOUT_MS);
    await kit().advance(KEEPALIVE_TIMEOUT_MS - 1);
    assert.equal((await kit().calls.getCall(demoBot, call.id)).state, 'established');
    await kit().advance(1);
    await assert.rejects(kit().calls.getCall(demoBot, call.id), is404);
  });

  it('answers keepAlive for an ended call with 404 (call-keepalive)', async () => {
    const call = await joined(kit());
    await kit().calls.deleteCall(demoBot, call.id);
    await kit().runTimers();
    await assert.rejects(kit().calls.keepAlive(demoBot, call.id), is404);
  });
});
