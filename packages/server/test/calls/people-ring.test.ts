import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PEER_RING_TIMEOUT_MS, ringOutcome } from '../../src/domain/calls/peer-ring.js';
import type { AnswerMode } from '../../src/domain/world/types.js';
import { DomainError, type ErrorId } from '../../src/domain/errors/index.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldService } from '../../src/world/world-service.js';
import { callUsersCommand, demoBot, useCallKit, type CallKit } from './call-kit.js';

const { megan } = DEMO.users;
const fails = (id: ErrorId) => (error: unknown) => error instanceof DomainError && error.id === id;

/** The demo bot calls Megan, whose client answers per `mode`; the establish step has run. */
async function callMegan(kit: CallKit, mode: AnswerMode, echo: Record<string, unknown> = {}): Promise<string> {
  await new WorldService(kit.store, kit.clock).updateUser(megan.id, { answerMode: mode });
  const call = await kit.calls.createCall(demoBot, callUsersCommand([megan.id], { echo }));
  await kit.runTimers();
  return call.id;
}

const stateOf = async (kit: CallKit, callId: string): Promise<[string, number?, number?]> => {
  const call = await kit.people.getCall(callId);
  return [call.state, call.resultInfo?.code, call.resultInfo?.subcode];
};

describe('people: a user an app calls answers, declines or lets it ring', () => {
  const kit = useCallKit();

  it('maps answer modes to ring outcomes (auto when the user has none)', () => {
    assert.deepEqual([undefined, { answerMode: 'auto' as const }, { answerMode: 'manual' as const }, { answerMode: 'decline' as const }, { answerMode: 'noAnswer' as const }].map(ringOutcome), ['answer', 'answer', 'wait', 'decline', 'wait']);
  });

  it('answers automatically by default', async () => {
    const callId = await callMegan(kit(), 'auto');
    assert.deepEqual(await stateOf(kit(), callId), ['established', undefined, undefined]);
  });

  it('rings a manual user until answered: establishing, then established', async () => {
    const callId = await callMegan(kit(), 'manual');
    assert.deepEqual(await stateOf(kit(), callId), ['establishing', undefined, undefined]);
    await kit().people.answerCall(callId);
    await kit().runTimers();
    assert.deepEqual(await stateOf(kit(), callId), ['established', undefined, undefined]);
    assert.deepEqual(kit().notifications.to(callId), ['call:stateChanged:establishing', 'call:stateChanged:established']);
    await assert.rejects(kit().people.answerCall(callId), fails('peerNotRinging'));
  });

  it('ends the call with 480/10076 when a manual user declines', async () => {
    const callId = await callMegan(kit(), 'manual');
    await kit().people.declineCall(callId);
    assert.deepEqual(await stateOf(kit(), callId), ['terminated', 480, 10076]);
    assert.deepEqual(kit().notifications.to(callId), ['call:stateChanged:establishing', 'call:deleted:terminated']);
  });

  it('lets a manual user answer or decline before the establish step has started the ring', async () => {
    await new WorldService(kit().store, kit().clock).updateUser(megan.id, { answerMode: 'manual' });
    const declined = await kit().calls.createCall(demoBot, callUsersCommand([megan.id]));
    await kit().people.declineCall(declined.id);
    assert.deepEqual(await stateOf(kit(), declined.id), ['terminated', 480, 10076]);
    const answered = await kit().calls.createCall(demoBot, callUsersCommand([megan.id]));
    await kit().people.answerCall(answered.id);
    await kit().runTimers();
    assert.deepEqual(await stateOf(kit(), answered.id), ['established', undefined, undefined]);
  });

  it('refuses to answer for an auto user before the establish step (their client answers by itself)', async () => {
    const call = await kit().calls.createCall(demoBot, callUsersCommand([megan.id]));
    await assert.rejects(kit().people.answerCall(call.id), fails('peerNotRinging'));
  });

  it('declines by itself for a user whose answerMode is decline', async () => {
    const callId = await callMegan(kit(), 'decline');
    assert.deepEqual(await stateOf(kit(), callId), ['terminated', 480, 10076]);
  });

  it('times out with 408/10057 when nobody answers, and refuses to answer afterwards', async () => {
    const callId = await callMegan(kit(), 'noAnswer');
    await kit().advance(PEER_RING_TIMEOUT_MS - 1);
    assert.deepEqual(await stateOf(kit(), callId), ['establishing', undefined, undefined]);
    await kit().advance(1);
    assert.deepEqual(await stateOf(kit(), callId), ['terminated', 408, 10057]);
    await assert.rejects(kit().people.answerCall(callId), fails('peerNotRinging'));
  });

  it('rings for ringingTimeoutInSeconds when the app asked for it', async () => {
    const callId = await callMegan(kit(), 'manual', { ringingTimeoutInSeconds: 5 });
    await kit().advance(5_000);
    assert.deepEqual(await stateOf(kit(), callId), ['terminated', 408, 10057]);
  });

  it('refuses answer and decline for a call that is not a ringing peer-to-peer call', async () => {
    const callId = await callMegan(kit(), 'auto');
    await assert.rejects(kit().people.declineCall(callId), fails('peerNotRinging'));
  });
});
