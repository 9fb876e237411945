import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CreateCallCommand } from '../../src/calls/calls-api.js';
import { END_REASONS, type EndReason } from '../../src/domain/calls/end-reasons.js';
import { PEER_RING_TIMEOUT_MS } from '../../src/domain/calls/peer-ring.js';
import type { Identity } from '../../src/domain/calls/types.js';
import { DomainError, type ErrorId } from '../../src/domain/errors/index.js';
import { MAGIC_DIALED_NUMBERS, MAGIC_PHONE_NUMBERS } from '../../src/simulation/magic-values.js';
import { DEMO } from '../../src/world/demo-world.js';
import { botWith, callUsersCommand, demoBot, useCallKit, type CallKit } from './call-kit.js';

const fails = (id: ErrorId, status: number) => (error: unknown) => {
  assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
  assert.deepEqual([error.id, error.status], [id, status]);
  return true;
};

const INSTANCE: Identity = { kind: 'applicationInstance', id: '3d913abb-aec0-4964-8fa6-3c6850c4f278', displayName: 'Calling Bot' };

/** An app calls `number` from its application instance (application-post-calls example 9). */
const dial = (number: string, overrides: Partial<CreateCallCommand> = {}): CreateCallCommand =>
  callUsersCommand([], { tenantId: DEMO.tenantId, applicationInstance: INSTANCE, targets: [{ kind: 'phone', id: number }], ...overrides });

const stateOf = async (kit: CallKit, callId: string): Promise<[string, number?, number?]> => {
  const call = await kit.people.getCall(callId);
  return [call.state, call.resultInfo?.code, call.resultInfo?.subcode];
};
const ended = (reason: EndReason): [string, number, number] => ['terminated', END_REASONS[reason].code, END_REASONS[reason].subcode];

describe('create call: an app calls a phone number (PSTN)', () => {
  const kit = useCallKit();

  it('places a peer-to-peer call from the application instance; the phone answers and joins the roster', async () => {
    const call = await kit().calls.createCall(demoBot, dial('+14255550100'));
    assert.deepEqual([call.state, call.scenario, call.grantedBy, call.tenantId], ['establishing', 'peerToPeer', 'Calls.Initiate.All', DEMO.tenantId]);
    assert.deepEqual(call.source, INSTANCE);
    assert.deepEqual(call.targets, [{ kind: 'phone', id: '+14255550100' }]);
    await kit().runTimers();
    assert.deepEqual(await stateOf(kit(), call.id), ['established', undefined, undefined]);
    assert.deepEqual(kit().notifications.to(call.id), ['call:stateChanged:establishing', 'call:stateChanged:established']);
    const roster = await kit().calls.listParticipants(demoBot, call.id);
    assert.deepEqual(roster.map((p) => [p.kind, p.identity.kind, p.identity.id]), [['app', 'applicationInstance', INSTANCE.id], ['person', 'phone', '+14255550100']]);
  });

  it('needs Calls.Initiate.All, as any peer-to-peer call', async () => {
    await assert.rejects(kit().calls.createCall(botWith(['Calls.InitiateGroupCall.All', 'Calls.JoinGroupCall.All']), dial('+14255550100')), fails('insufficientTenantPermissions', 403));
    assert.equal((await kit().calls.createCall(botWith(['Calls.Initiate.All']), dial('+14255550100'))).grantedBy, 'Calls.Initiate.All');
  });

  it('refuses a phone target without an application instance, next to other targets, or from another tenant’s instance', async () => {
    const { applicationInstance: _none, ...noInstance } = dial('+14255550100');
    await assert.rejects(kit().calls.createCall(demoBot, noInstance), fails('phoneCallNeedsApplicationInstance', 400));
    const withUser = dial('+14255550100', { targets: [{ kind: 'phone', id: '+14255550100' }, { kind: 'user', id: DEMO.users.megan.id }] });
    await assert.rejects(kit().calls.createCall(demoBot, withUser), fails('unsupportedCallTarget', 400));
    const foreign = dial('+14255550100', { applicationInstance: { ...INSTANCE, tenantId: '00000000-0000-4000-8000-000000000001' } });
    await assert.rejects(kit().calls.createCall(demoBot, foreign), fails('tenantMismatch', 403));
  });

  it('takes the tenant from the application instance when the body names none', async () => {
    const call = await kit().calls.createCall(demoBot, dial('+14255550100', { tenantId: undefined, applicationInstance: { ...INSTANCE, tenantId: DEMO.tenantId } }));
    assert.equal(call.tenantId, DEMO.tenantId);
  });

  it('the phone person hangs up: the leg ends with 200/540000 (ended by PSTN user)', async () => {
    const call = await kit().calls.createCall(demoBot, dial('+14255550100'));
    await kit().runTimers();
    await kit().people.hangUp(call.id);
    assert.deepEqual(await stateOf(kit(), call.id), ended('pstnUserHungUp'));
    assert.deepEqual(kit().notifications.to(call.id), ['call:stateChanged:establishing', 'call:stateChanged:established', 'call:deleted:terminated']);
  });
});

describe('magic phone numbers an app calls', () => {
  const kit = useCallKit();

  for (const magic of [MAGIC_DIALED_NUMBERS.unreachable, MAGIC_DIALED_NUMBERS.declines]) {
    it(`${magic.number} (${magic.answer}) ends the leg instead of establishing it, with ${magic.reason}`, async () => {
      const call = await kit().calls.createCall(demoBot, dial(magic.number));
      await kit().runTimers();
      assert.deepEqual(await stateOf(kit(), call.id), ended(magic.reason));
      assert.deepEqual(kit().notifications.to(call.id), ['call:stateChanged:establishing', 'call:deleted:terminated']);
    });
  }

  it('the number that never answers rings until the ring timeout, then ends with 408/10057', async () => {
    const call = await kit().calls.createCall(demoBot, dial(MAGIC_DIALED_NUMBERS.neverAnswers.number));
    await kit().runTimers();
    await kit().advance(PEER_RING_TIMEOUT_MS - 1);
    assert.deepEqual(await stateOf(kit(), call.id), ['establishing', undefined, undefined]);
    await kit().advance(1);
    assert.deepEqual(await stateOf(kit(), call.id), ended('calleeNoSignal'));
  });

  it('the number that never answers can still be answered by hand through the control API', async () => {
    const call = await kit().calls.createCall(demoBot, dial(MAGIC_DIALED_NUMBERS.neverAnswers.number));
    await kit().runTimers();
    await kit().people.answerCall(call.id);
    await kit().runTimers();
    assert.deepEqual(await stateOf(kit(), call.id), ['established', undefined, undefined]);
  });

  it('the hang-up number answers, then hangs up 10 s after the call is established', async () => {
    const magic = MAGIC_PHONE_NUMBERS.hangsUpAfterAnswer;
    const call = await kit().calls.createCall(demoBot, dial(magic.number));
    await kit().runTimers();
    await kit().advance(magic.afterMs - 1);
    assert.deepEqual(await stateOf(kit(), call.id), ['established', undefined, undefined]);
    await kit().advance(1);
    assert.deepEqual(await stateOf(kit(), call.id), ended('pstnUserHungUp'));
  });

  it('an ordinary number is not magic: it stays on the line', async () => {
    const call = await kit().calls.createCall(demoBot, dial('+14255550199'));
    await kit().runTimers();
    await kit().advance(PEER_RING_TIMEOUT_MS + 60_000);
    assert.deepEqual(await stateOf(kit(), call.id), ['established', undefined, undefined]);
  });
});
