import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnswerCommand } from '../../src/calls/calls-api.js';
import { ANSWER_TIMEOUT_MS } from '../../src/domain/calls/call-rules.js';
import { DomainError } from '../../src/domain/errors/index.js';
import type { ErrorId } from '../../src/domain/errors/index.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldService } from '../../src/world/world-service.js';
import { STANDUP, botWith, demoBot, joinCommand, outbox, useCallKit, type CallKit } from './call-kit.js';

const WEBHOOK = 'https://bot.example/api/calling';
const answerBody: AnswerCommand = { mediaHosting: 'service', acceptedModalities: ['audio'], contentSharingNotifications: false, echo: {} };
const fails = (id: ErrorId) => (error: unknown) => error instanceof DomainError && error.id === id;

async function withWebhook(kit: CallKit): Promise<void> {
  await new WorldService(kit.store, kit.clock).updateApplication(DEMO.appId, { callingWebhookUrl: WEBHOOK });
}

async function ringing(kit: CallKit): Promise<string> {
  await withWebhook(kit);
  return (await kit.people.callApp(DEMO.users.adele.id, DEMO.appId)).id;
}

describe('incoming calls', () => {
  const kit = useCallKit();

  it('needs a calling webhook on the app', async () => {
    await assert.rejects(kit().people.callApp(DEMO.users.adele.id, DEMO.appId), /has no callingWebhookUrl/);
  });

  it('rings the app: `created` to its calling webhook, the caller as source', async () => {
    const callId = await ringing(kit());
    const call = await kit().calls.getCall(demoBot, callId);
    assert.deepEqual([call.state, call.direction, call.callbackUri, call.source.id, call.targets[0]?.id], ['incoming', 'incoming', WEBHOOK, DEMO.users.adele.id, DEMO.appId]);
    assert.ok(call.myParticipantId);
    assert.deepEqual(kit().notifications.to(callId), ['call:created:incoming']);
    assert.deepEqual(await outbox(kit().store), [[`call:${callId}`, 'call:created:incoming']]);
  });

  it('answers: establishing, then established, on the answer’s callback; no roster for P2P', async () => {
    const callId = await ringing(kit());
    await kit().calls.answer(demoBot, callId, { ...answerBody, callbackUri: 'https://bot.example/calls/1' });
    assert.deepEqual(kit().notifications.to(callId), ['call:created:incoming', 'call:stateChanged:establishing']);
    await kit().runTimers();
    const call = await kit().calls.getCall(demoBot, callId);
    assert.deepEqual([call.state, call.callbackUri, call.grantedBy], ['established', 'https://bot.example/calls/1', 'Calls.JoinGroupCall.All']);
    assert.deepEqual(kit().notifications.to(callId), ['call:created:incoming', 'call:stateChanged:establishing', 'call:stateChanged:established']);
    assert.deepEqual((await kit().calls.listParticipants(demoBot, callId)).map((p) => p.kind), ['person', 'app']);
  });

  it('needs Calls.JoinGroupCall.All or Calls.JoinGroupCallAsGuest.All to answer', async () => {
    const callId = await ringing(kit());
    await assert.rejects(kit().calls.answer(botWith(['Calls.Initiate.All']), callId, answerBody), fails('insufficientTenantPermissions'));
    await kit().calls.answer(botWith(['Calls.JoinGroupCallAsGuest.All']), callId, answerBody);
    assert.equal((await kit().calls.getCall(demoBot, callId)).grantedBy, 'Calls.JoinGroupCallAsGuest.All');
  });

  it('answers 400 callNotIncoming for answer, reject or redirect on a call that is not ringing', async () => {
    const callId = await ringing(kit());
    await kit().calls.answer(demoBot, callId, answerBody);
    await assert.rejects(kit().calls.answer(demoBot, callId, answerBody), /is establishing: only an incoming call .* can be answered/);
    await assert.rejects(kit().calls.reject(demoBot, callId, { reason: 'busy' }), fails('callNotIncoming'));
    await assert.rejects(kit().calls.redirect(demoBot, callId, { targets: [{ kind: 'user', id: DEMO.users.alex.id }] }), fails('callNotIncoming'));
    const meetingLeg = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await assert.rejects(kit().calls.answer(demoBot, meetingLeg.id, answerBody), fails('callNotIncoming'));
  });

  it('answers 404 when another app tries to answer', async () => {
    const callId = await ringing(kit());
    const other = { appId: DEMO.limitedAppId, tenantId: DEMO.tenantId, roles: ['Calls.JoinGroupCall.All'] };
    await assert.rejects(kit().calls.answer(other, callId, answerBody), fails('callNotFound'));
  });

  it('rejects: `deleted` at once, no permission needed', async () => {
    const callId = await ringing(kit());
    await kit().calls.reject(botWith([]), callId, { reason: 'busy' });
    assert.deepEqual(kit().notifications.to(callId), ['call:created:incoming', 'call:deleted:terminated']);
    assert.equal((await kit().people.getCall(callId)).rejectReason, 'busy');
    await assert.rejects(kit().calls.answer(demoBot, callId, answerBody), fails('callNotFound'));
  });

  it('redirects (Calls.Initiate.All): nothing until the call ends with `deleted`', async () => {
    const callId = await ringing(kit());
    const targets = [{ kind: 'user' as const, id: DEMO.users.alex.id }];
    await assert.rejects(kit().calls.redirect(botWith(['Calls.JoinGroupCall.All']), callId, { targets }), fails('insufficientTenantPermissions'));
    await kit().calls.redirect(demoBot, callId, { targets, callbackUri: 'https://bot.example/redirected' });
    assert.equal((await kit().people.getCall(callId)).state, 'redirecting');
    assert.deepEqual(kit().notifications.to(callId), ['call:created:incoming']);
    await kit().runTimers();
    const call = await kit().people.getCall(callId);
    assert.deepEqual([call.state, call.callbackUri], ['terminated', 'https://bot.example/redirected']);
    assert.deepEqual(kit().notifications.to(callId), ['call:created:incoming', 'call:deleted:terminated']);
  });

  it('times out after 15 s without an answer (408/1106)', async () => {
    const callId = await ringing(kit());
    await kit().advance(ANSWER_TIMEOUT_MS - 1);
    assert.equal((await kit().people.getCall(callId)).state, 'incoming');
    await kit().advance(1);
    const call = await kit().people.getCall(callId);
    assert.deepEqual([call.state, call.resultInfo?.code, call.resultInfo?.subcode], ['terminated', 408, 1106]);
    assert.deepEqual(kit().notifications.to(callId), ['call:created:incoming', 'call:deleted:terminated']);
  });

  it('does not time out an answered call', async () => {
    const callId = await ringing(kit());
    await kit().calls.answer(demoBot, callId, answerBody);
    await kit().advance(ANSWER_TIMEOUT_MS * 2);
    assert.equal((await kit().calls.getCall(demoBot, callId)).state, 'established');
  });

  it('ends the app’s leg with 200/4521 when the person hangs up', async () => {
    const callId = await ringing(kit());
    await kit().calls.answer(demoBot, callId, answerBody);
    await kit().runTimers();
    await kit().people.hangUp(callId);
    const call = await kit().people.getCall(callId);
    assert.deepEqual(call.resultInfo, { code: 200, subcode: 4521, message: 'Call ended by the other participant in peer-to-peer call.' });
    assert.deepEqual(kit().notifications.to(callId).at(-1), 'call:deleted:terminated');
    await assert.rejects(kit().people.hangUp(callId), fails('callNotFound'));
  });

  it('lets the caller give up while it still rings', async () => {
    const callId = await ringing(kit());
    await kit().people.hangUp(callId);
    assert.equal((await kit().people.getCall(callId)).state, 'terminated');
    await kit().advance(ANSWER_TIMEOUT_MS);
    assert.deepEqual(kit().notifications.to(callId), ['call:created:incoming', 'call:deleted:terminated']);
  });

  it('refuses a person’s hang-up of a meeting leg (people leave meetings instead)', async () => {
    const meetingLeg = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await assert.rejects(kit().people.hangUp(meetingLeg.id), fails('notPeerToPeerCall'));
  });
});
