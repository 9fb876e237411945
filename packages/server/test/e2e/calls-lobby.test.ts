import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { joinAsGuest, joinByMeetingId } from './support/bodies.js';
import type { Json } from './support/harness.js';
import { assertCallbacksValid, describeNotice, isRoster, notificationsFor, waitForDeleted, waitForNotice, waitForState, type Notice } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const { standup: STANDUP, townHall: TOWN_HALL, partnerSync: PARTNER_SYNC } = DEMO.meetings;

/**
 * Lobby policies end to end (BEHAVIOR.md §4, §8): who waits per the meeting's lobbyBypass scope,
 * what a connected bot sees of the lobby, and a guest bot that gets no roster until admitted.
 */
describe('e2e: the meeting lobby', () => {
  const { e2e, p } = useMeetingE2e({ endMeetings: [STANDUP.id, TOWN_HALL.id, PARTNER_SYNC.id] });

  const entry = (n: Notice, participantId: string) => n.participants?.find((x) => x.id === participantId);

  it('sends people to the lobby per the meeting policy', async () => {
    // Fabrikam partner sync: organizer only. Its organizer bypasses; a Fabrikam member and a Contoso (federated) user wait.
    const organizer = await p.join(PARTNER_SYNC.id, { userId: DEMO.users.pradeep.id });
    const member = await p.join(PARTNER_SYNC.id, { userId: DEMO.users.lidia.id });
    const federated = await p.join(PARTNER_SYNC.id, { userId: DEMO.users.alex.id });
    const guest = await p.join(PARTNER_SYNC.id, { guest: { displayName: 'Visitor' } });
    assert.deepEqual([organizer, member, federated, guest].map((x) => x.isInLobby), [false, true, true, true]);
    // Stand-up: organization. Members bypass, guests wait. Town hall: everyone bypasses.
    assert.equal((await p.join(STANDUP.id, { userId: DEMO.users.megan.id })).isInLobby, false);
    assert.equal((await p.join(STANDUP.id, { guest: { displayName: 'Visitor' } })).isInLobby, true);
    assert.equal((await p.join(TOWN_HALL.id, { guest: { displayName: 'Visitor' } })).isInLobby, false);

    await p.admit(member);
    const roster = await p.roster(PARTNER_SYNC.id);
    assert.deepEqual(roster.participants.map((x) => [x.id, x.isInLobby]), [[organizer.participantId, false], [member.participantId, false], [federated.participantId, true], [guest.participantId, true]]);
    const again = await e2e.control.request('POST', `/conferences/${member.conferenceId}/participants/${member.participantId}/admit`);
    assert.equal(again.status, 409, 'admitting someone not in the lobby is a conflict');
  });

  it('shows a connected bot who waits in the lobby, and their admission', async () => {
    const rx = await e2e.receiver();
    const bot = (await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url))).body;
    const callId = String(bot.id);
    await waitForNotice(rx, callId, isRoster);

    const guest = await p.join(STANDUP.id, { guest: { displayName: 'Walk-in' } });
    assert.equal(guest.isInLobby, true);
    const waiting = await waitForNotice(rx, callId, (n) => entry(n, guest.participantId)?.isInLobby === true);
    assert.equal(entry(waiting, guest.participantId)!.identityKind, 'guest');

    await p.admit(guest);
    const admitted = await waitForNotice(rx, callId, (n) => entry(n, guest.participantId)?.isInLobby === false);
    assert.equal(admitted.changeType, 'updated');
    assert.ok(entry(admitted, guest.participantId)!.rosterSequenceNumber > entry(waiting, guest.participantId)!.rosterSequenceNumber);
    assertCallbacksValid(rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
  });

  it('keeps a guest bot in the lobby, without a roster, until the organizer admits it', async () => {
    const [rxHost, rxGuest] = [await e2e.receiver(), await e2e.receiver()];
    const host = (await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rxHost.url))).body;
    const hostCall = String(host.id);
    await waitForNotice(rxHost, hostCall, isRoster);

    const created = await e2e.graph.request('POST', '/communications/calls', joinAsGuest(rxGuest.url, STANDUP, 'Note taker'));
    assert.equal(created.status, 201, created.raw);
    const guestCall = String(created.body.id);
    const me = String(created.body.myParticipantId);
    assert.equal(created.body.state, 'establishing');
    assert.deepEqual(((created.body.source as Json).identity as Json & { guest: Json }).guest.displayName, 'Note taker');

    // The connected bot sees the guest bot waiting; the guest bot stays establishing and hears nothing of the others.
    const seen = await waitForNotice(rxHost, hostCall, (n) => entry(n, me)?.isInLobby === true);
    assert.equal(entry(seen, me)!.identityKind, 'guest');
    await e2e.server.workers.dispatcher.drained();
    assert.deepEqual(notificationsFor(rxGuest, guestCall).map(describeNotice), ['updated establishing']);
    assert.equal((await e2e.graph.request('GET', `/communications/calls/${guestCall}`)).body.state, 'establishing');
    const alone = await e2e.graph.request<{ value: Json[] }>('GET', `/communications/calls/${guestCall}/participants`);
    assert.deepEqual(alone.body.value.map((x) => [x.id, x.isInLobby]), [[me, true]], 'a leg in the lobby sees only itself');
    assert.equal((await e2e.graph.request('GET', `/communications/calls/${guestCall}/participants/${String(host.myParticipantId)}`)).status, 404);

    const { conferenceId } = await p.roster(STANDUP.id);
    await p.admit({ conferenceId: conferenceId!, participantId: me, isInLobby: true });
    await waitForState(rxGuest, guestCall, 'established');
    const snapshot = await waitForNotice(rxGuest, guestCall, isRoster);
    assert.deepEqual(snapshot.participants?.map((x) => x.id).sort(), [String(host.myParticipantId), me].sort());
    assert.equal(entry(snapshot, me)!.isInLobby, false);
    await waitForNotice(rxHost, hostCall, (n) => entry(n, me)?.isInLobby === false);

    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${guestCall}`)).status, 204);
    await waitForDeleted(rxGuest, guestCall);
    for (const rx of [rxHost, rxGuest]) assertCallbacksValid(rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
  });

  it('lets a guest bot straight in where everyone bypasses the lobby', async () => {
    const rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', joinAsGuest(rx.url, TOWN_HALL, 'Captioner'));
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'established');
    const roster = await waitForNotice(rx, callId, isRoster);
    assert.deepEqual(roster.participants?.map((x) => [x.identityKind, x.isInLobby]), [['guest', false]]);
  });
});
