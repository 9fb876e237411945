import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meetingToken } from '../../src/domain/calls/meeting-token.js';
import { DomainError } from '../../src/domain/errors/index.js';
import type { ErrorId } from '../../src/domain/errors/index.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldService } from '../../src/world/world-service.js';
import { PARTNER_SYNC, STANDUP, TOWN_HALL, botWith, callUsersCommand, demoBot, joinCommand, outbox, useCallKit } from './call-kit.js';

const fails = (id: ErrorId, status: number) => (error: unknown) => {
  assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
  assert.equal(error.id, id);
  assert.equal(error.status, status);
  return true;
};

describe('create call: meeting joins', () => {
  const kit = useCallKit();

  it('answers with the leg establishing, then notifies establishing, established and the roster', async () => {
    const call = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    assert.deepEqual([call.state, call.direction, call.scenario, call.meetingId, call.grantedBy], ['establishing', 'outgoing', 'meeting', STANDUP.id, 'Calls.JoinGroupCall.All']);
    assert.equal(call.source.kind, 'application');
    assert.equal(call.source.id, DEMO.appId);
    assert.ok(call.myParticipantId && call.conferenceId && call.callChainId);
    assert.deepEqual(kit().notifications.to(call.id), ['call:stateChanged:establishing']);
    await kit().runTimers();
    assert.deepEqual(kit().notifications.to(call.id), ['call:stateChanged:establishing', 'call:stateChanged:established', `roster:updated [${call.myParticipantId}]`]);
    assert.equal((await kit().calls.getCall(demoBot, call.id)).state, 'established');
  });

  it('writes one outbox message per notification on the leg’s stream', async () => {
    const call = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await kit().runTimers();
    const stream = `call:${call.id}`;
    assert.deepEqual(await outbox(kit().store), [
      [stream, 'call:stateChanged:establishing'],
      [stream, 'call:stateChanged:established'],
      [stream, 'roster:updated'],
    ]);
  });

  it('nudges the outbox and timer workers after the commit', async () => {
    let nudged = 0;
    kit().wake.outbox.notify = () => void nudged++;
    kit().wake.timers.notify = () => void (nudged += 10);
    await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    assert.equal(nudged, 11);
  });

  it('finds the meeting by organizer + thread, and by a meeting token', async () => {
    const byThread = await kit().calls.createCall(demoBot, joinCommand(STANDUP, { meeting: { method: 'organizerMeetingInfo', organizerId: STANDUP.organizerId, threadId: STANDUP.chatThreadId } }));
    const byToken = await kit().calls.createCall(demoBot, joinCommand(STANDUP, { meeting: { method: 'tokenMeetingInfo', token: meetingToken(STANDUP.id) } }));
    assert.equal(byThread.meetingId, STANDUP.id);
    assert.equal(byToken.conferenceId, byThread.conferenceId);
  });

  it('gives two joins of one meeting distinct call and participant ids in one conference', async () => {
    const first = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await kit().runTimers();
    const second = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await kit().runTimers();
    assert.notEqual(first.id, second.id);
    assert.notEqual(first.myParticipantId, second.myParticipantId);
    assert.equal(first.conferenceId, second.conferenceId);
    assert.deepEqual(kit().notifications.to(first.id).slice(3), [`roster:updated [${second.myParticipantId}]`]);
    assert.deepEqual(kit().notifications.to(second.id).slice(2), [`roster:updated [${first.myParticipantId},${second.myParticipantId}]`]);
    const ids = (await kit().calls.listParticipants(demoBot, first.id)).map((p) => p.id);
    assert.deepEqual((await kit().calls.listParticipants(demoBot, second.id)).map((p) => p.id), ids);
  });

  it('answers 404 for an unknown meeting, whichever way it is named', async () => {
    await assert.rejects(kit().calls.createCall(demoBot, joinCommand({ joinMeetingId: '999999999', passcode: 'x' })), fails('callMeetingNotFound', 404));
    await assert.rejects(kit().calls.createCall(demoBot, joinCommand(STANDUP, { meeting: { method: 'tokenMeetingInfo', token: 'bogus' } })), fails('callMeetingNotFound', 404));
    const wrongOrganizer = { method: 'organizerMeetingInfo' as const, organizerId: DEMO.users.alex.id, threadId: STANDUP.chatThreadId };
    await assert.rejects(kit().calls.createCall(demoBot, joinCommand(STANDUP, { meeting: wrongOrganizer })), /Thread '.*' organized by '.*' does not identify a meeting/);
  });

  it('answers 400 for a wrong or missing passcode', async () => {
    await assert.rejects(kit().calls.createCall(demoBot, joinCommand({ ...STANDUP, passcode: 'nope' })), /passcode for joinMeetingId '394817260531' is wrong/);
    const noPasscode = joinCommand(STANDUP, { meeting: { method: 'joinMeetingId', joinMeetingId: STANDUP.joinMeetingId } });
    await assert.rejects(kit().calls.createCall(demoBot, noPasscode), fails('meetingPasscodeInvalid', 400));
  });

  it('needs Calls.JoinGroupCall.All (or the RSC permission) to join', async () => {
    await assert.rejects(kit().calls.createCall(botWith(['Calls.Initiate.All', 'Calls.JoinGroupCallAsGuest.All']), joinCommand(STANDUP)), fails('insufficientTenantPermissions', 403));
    const rsc = await kit().calls.createCall(botWith(['Calls.JoinGroupCalls.Chat']), joinCommand(STANDUP));
    assert.equal(rsc.grantedBy, 'Calls.JoinGroupCalls.Chat');
  });

  it('needs Calls.JoinGroupCallAsGuest.All to join as a guest', async () => {
    const asGuest = joinCommand(TOWN_HALL, { guest: { displayName: 'Guest bot' } });
    await assert.rejects(kit().calls.createCall(botWith(['Calls.JoinGroupCall.All']), asGuest), fails('insufficientTenantPermissions', 403));
    const call = await kit().calls.createCall(botWith(['Calls.JoinGroupCallAsGuest.All']), asGuest);
    assert.deepEqual([call.joinedAsGuest, call.source.kind, call.source.displayName], [true, 'guest', 'Guest bot']);
  });

  it('needs Calls.AccessMedia.All as well for app-hosted media', async () => {
    const appMedia = joinCommand(STANDUP, { mediaHosting: 'app' });
    await assert.rejects(kit().calls.createCall(botWith(['Calls.JoinGroupCall.All']), appMedia), fails('insufficientTenantPermissions', 403));
    assert.equal((await kit().calls.createCall(botWith(['Calls.JoinGroupCall.All', 'Calls.AccessMedia.All']), appMedia)).mediaHosting, 'app');
  });

  it("answers 7505 for a meeting of a tenant where the app has no consent, or a body tenantId that is not the meeting's", async () => {
    await assert.rejects(kit().calls.createCall(demoBot, joinCommand(PARTNER_SYNC)), fails('tenantMismatch', 403));
    await assert.rejects(kit().calls.createCall(demoBot, joinCommand(STANDUP, { tenantId: DEMO.fabrikamTenantId })), /Request authorization tenant mismatch\./);
  });

  it("joins another tenant's meeting with consent there, authorized by that consent", async () => {
    const world = new WorldService(kit().store, kit().clock);
    await world.setConsent(DEMO.fabrikamTenantId, DEMO.appId, ['Calls.InitiateGroupCall.All']);
    await assert.rejects(kit().calls.createCall(demoBot, joinCommand(PARTNER_SYNC)), fails('insufficientTenantPermissions', 403));
    await world.setConsent(DEMO.fabrikamTenantId, DEMO.appId, ['Calls.JoinGroupCall.All']);
    const call = await kit().calls.createCall(demoBot, joinCommand(PARTNER_SYNC));
    assert.equal(call.tenantId, DEMO.fabrikamTenantId);
  });

  it('refuses a callback URL the policy rejects, before anything is stored', async () => {
    await assert.rejects(kit().calls.createCall(demoBot, joinCommand(STANDUP, { callbackUri: 'http://evil.example/' })), /callback URL not allowed/);
    assert.deepEqual(await kit().store.docs.list('call'), []);
  });
});

describe('create call: group and peer-to-peer calls', () => {
  const kit = useCallKit();
  const { adele, alex, megan, lynne, diego, pradeep } = DEMO.users;

  it('calls one user peer to peer (Calls.Initiate.All): call states only, no roster notifications', async () => {
    await assert.rejects(kit().calls.createCall(botWith(['Calls.InitiateGroupCall.All']), callUsersCommand([adele.id])), fails('insufficientTenantPermissions', 403));
    const call = await kit().calls.createCall(botWith(['Calls.Initiate.All']), callUsersCommand([adele.id]));
    await kit().runTimers();
    assert.equal(call.scenario, 'peerToPeer');
    assert.deepEqual(kit().notifications.to(call.id), ['call:stateChanged:establishing', 'call:stateChanged:established']);
    const roster = await kit().calls.listParticipants(demoBot, call.id);
    assert.deepEqual(roster.map((p) => [p.kind, p.identity.displayName]), [['app', DEMO.appName], ['person', 'Adele Vance']]);
  });

  it('does not support getting one participant of a peer-to-peer call (participant-get)', async () => {
    const call = await kit().calls.createCall(demoBot, callUsersCommand([adele.id]));
    await assert.rejects(kit().calls.getParticipant(demoBot, call.id, call.myParticipantId ?? ''), fails('participantGetNotSupported', 400));
  });

  it('creates a group call (Calls.InitiateGroupCall.All) whose people answer before the roster is sent', async () => {
    await assert.rejects(kit().calls.createCall(botWith(['Calls.Initiate.All']), callUsersCommand([adele.id, alex.id])), fails('insufficientTenantPermissions', 403));
    const call = await kit().calls.createCall(botWith(['Calls.InitiateGroupCall.All']), callUsersCommand([adele.id, alex.id]));
    await kit().runTimers();
    assert.equal(call.scenario, 'groupCall');
    const roster = await kit().calls.listParticipants(demoBot, call.id);
    assert.deepEqual(roster.map((p) => p.identity.id), [DEMO.appId, adele.id, alex.id]);
    assert.deepEqual(kit().notifications.to(call.id), ['call:stateChanged:establishing', 'call:stateChanged:established', `roster:updated [${roster.map((p) => p.id).join(',')}]`]);
    assert.equal((await kit().calls.getParticipant(demoBot, call.id, roster[1]?.id ?? '')).identity.displayName, 'Adele Vance');
  });

  it('allows at most 5 users in a group call', async () => {
    const six = [adele, alex, megan, lynne, diego, adele].map((u) => u.id);
    await assert.rejects(kit().calls.createCall(demoBot, callUsersCommand(six)), /at most 5 VoIP users; the request names 6/);
  });

  it('answers 400 for users not in the tenant and for targets that are not users', async () => {
    await assert.rejects(kit().calls.createCall(demoBot, callUsersCommand(['00000000-0000-4000-8000-000000000000'])), fails('callTargetNotFound', 400));
    await assert.rejects(kit().calls.createCall(demoBot, callUsersCommand([pradeep.id])), /does not exist in tenant/);
    const app = callUsersCommand([], { targets: [{ kind: 'application', id: DEMO.appId }] });
    await assert.rejects(kit().calls.createCall(demoBot, app), fails('unsupportedCallTarget', 400));
  });
});
