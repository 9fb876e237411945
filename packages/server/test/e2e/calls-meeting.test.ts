import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { decodeJoinWebUrl, joinByJoinUrl, joinByMeetingId } from './support/bodies.js';
import type { Json } from './support/harness.js';
import { assertCallbacksValid, describeNotice, isRoster, notificationsFor, waitForDeleted, waitForNotice, waitForState, type Notice } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const STANDUP = DEMO.meetings.standup;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The documented meeting sequence over real HTTPS with real callbacks (BEHAVIOR.md §4–5): join →
 * establishing/established → roster → people join, mute, leave → hang up → terminating/terminated.
 */
describe('e2e: a bot in a scheduled meeting', () => {
  const { e2e, p } = useMeetingE2e();

  const rosterNotices = (rx: Parameters<typeof notificationsFor>[0], callId: string) => notificationsFor(rx, callId).filter(isRoster);
  const entry = (n: Notice, participantId: string) => n.participants?.find((x) => x.id === participantId);

  it('joins by joinMeetingId, follows people joining, muting and leaving, and hangs up', async () => {
    const rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    const call = created.body;
    const callId = String(call.id);
    assert.match(callId, GUID);
    assert.equal(created.headers.location, `${e2e.server.httpsUrl}/v1.0/communications/calls/${callId}`);
    assert.match(String(created.headers['content-type']), /^application\/json/);
    assert.equal(call['@odata.context'], `${e2e.server.httpsUrl}/v1.0/$metadata#app/calls/$entity`);
    assert.equal(call.state, 'establishing');
    assert.equal(call.direction, 'outgoing');
    assert.equal(call.callbackUri, rx.url);
    assert.equal(call.tenantId, DEMO.tenantId);
    assert.match(String(call.callChainId), GUID);
    assert.match(String(call.myParticipantId), GUID);
    assert.equal(((call.source as Json).identity as Json & { application: Json }).application.id, DEMO.appId);
    const me = String(call.myParticipantId);

    // establishing and established, in either order (Graph does not guarantee it), then the roster with the bot.
    await Promise.all([waitForState(rx, callId, 'establishing'), waitForState(rx, callId, 'established')]);
    const first = await waitForNotice(rx, callId, (n) => isRoster(n) && n.changeType === 'updated');
    assert.deepEqual(first.participants?.map((x) => [x.id, x.identityKind, x.identityId]), [[me, 'application', DEMO.appId]]);

    const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id });
    assert.equal(alex.isInLobby, false, 'a member of the organizer’s tenant bypasses an organization lobby');
    const joined = await waitForNotice(rx, callId, (n) => isRoster(n) && n.changeType === 'updated' && entry(n, alex.participantId) !== undefined);
    assert.deepEqual(joined.participants?.map((x) => [x.identityKind, x.identityId, x.isMuted]), [['user', DEMO.users.alex.id, false]]);
    assert.ok(entry(joined, alex.participantId)!.rosterSequenceNumber > entry(first, me)!.rosterSequenceNumber);

    await p.mute(alex);
    const muted = await waitForNotice(rx, callId, (n) => isRoster(n) && entry(n, alex.participantId)?.isMuted === true);
    assert.equal(muted.changeType, 'updated');
    assert.ok(entry(muted, alex.participantId)!.rosterSequenceNumber > entry(joined, alex.participantId)!.rosterSequenceNumber);

    await p.leave(alex);
    const left = await waitForNotice(rx, callId, (n) => isRoster(n) && n.changeType === 'deleted');
    assert.deepEqual(left.participants?.map((x) => x.id), [alex.participantId]);

    const listed = await e2e.graph.request<{ value: Json[] }>('GET', `/communications/calls/${callId}/participants`);
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body.value.map((x) => x.id), [me]);
    const mine = await e2e.graph.request('GET', `/communications/calls/${callId}/participants/${me}`);
    assert.equal(mine.status, 200);
    assert.equal(mine.body.id, me);

    const hungUp = await e2e.graph.request('DELETE', `/communications/calls/${callId}`);
    assert.equal(hungUp.status, 204);
    assert.equal(hungUp.raw, '');
    const deleted = await waitForDeleted(rx, callId);
    assert.equal(deleted.state, 'terminated');
    assert.deepEqual(deleted.resultInfo, { '@odata.type': '#microsoft.graph.resultInfo', code: 200, subcode: 5001, message: 'The conversation has ended.' });

    const gone = await e2e.graph.request<{ error: Json }>('GET', `/communications/calls/${callId}`);
    assert.equal(gone.status, 404);
    assert.equal(gone.body.error.code, '8522');

    await e2e.server.workers.dispatcher.drained();
    const sequence = notificationsFor(rx, callId).map(describeNotice);
    const [a, b] = sequence;
    assert.deepEqual([a, b].sort(), ['updated established', 'updated establishing']);
    assert.deepEqual(sequence.slice(2), ['updated roster[1]', 'updated roster[1]', 'updated roster[1]', 'deleted roster[1]', 'updated terminating', 'deleted terminated 200/5001']);
    const sequenceNumbers = rosterNotices(rx, callId).flatMap((n) => n.participants!.map((x) => x.rosterSequenceNumber));
    assert.deepEqual(sequenceNumbers, [...sequenceNumbers].sort((x, y) => x - y), 'roster versions only grow');
    assert.equal(new Set(sequenceNumbers).size, sequenceNumbers.length);
    for (const n of notificationsFor(rx, callId)) assert.equal(n.item.callbackUri, rx.url);
    assertCallbacksValid(rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
  });

  it('joins by organizerMeetingInfo + chatInfo decoded from the join link, and reads back the call', async () => {
    const link = decodeJoinWebUrl(STANDUP.joinWebUrl);
    assert.deepEqual(link, { threadId: STANDUP.chatThreadId, messageId: '0', tenantId: DEMO.tenantId, organizerId: STANDUP.organizerId });
    const rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', joinByJoinUrl(rx.url, STANDUP.joinWebUrl));
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    assert.equal((created.body.chatInfo as Json).threadId, STANDUP.chatThreadId);
    assert.equal((created.body.meetingInfo as Json)['@odata.type'], '#microsoft.graph.organizerMeetingInfo');
    await waitForState(rx, callId, 'established');
    await waitForNotice(rx, callId, isRoster);

    const read = await e2e.graph.request('GET', `/communications/calls/${callId}`);
    assert.equal(read.status, 200);
    assert.equal(read.body['@odata.context'], `${e2e.server.httpsUrl}/v1.0/$metadata#communications/calls/$entity`);
    assert.equal(read.body.state, 'established');
    for (const key of ['id', 'callChainId', 'myParticipantId', 'callbackUri', 'chatInfo', 'meetingInfo', 'source']) assert.deepEqual(read.body[key], created.body[key], key);

    const legacy = await e2e.graph.request('GET', `/app/calls/${callId}`, undefined, { version: 'beta' });
    assert.equal(legacy.status, 200, 'the legacy /app alias reads the same call');
    assert.equal(legacy.body['@odata.context'], `${e2e.server.httpsUrl}/beta/$metadata#app/calls/$entity`);

    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${callId}`)).status, 204);
    await waitForDeleted(rx, callId);
    assertCallbacksValid(rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
  });

  it('gives two legs in the same meeting one roster with the same participant ids', async () => {
    const [rxA, rxB] = [await e2e.receiver(), await e2e.receiver()];
    const a = (await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rxA.url))).body;
    const [callA, meA] = [String(a.id), String(a.myParticipantId)];
    await waitForNotice(rxA, callA, isRoster);
    const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id });
    const b = (await e2e.graph.request('POST', '/communications/calls', joinByJoinUrl(rxB.url, STANDUP.joinWebUrl))).body;
    const [callB, meB] = [String(b.id), String(b.myParticipantId)];
    assert.notEqual(callA, callB);
    assert.notEqual(meA, meB);

    // B's first roster is the whole meeting; A hears of B joining.
    const snapshot = await waitForNotice(rxB, callB, isRoster);
    assert.deepEqual(snapshot.participants?.map((x) => x.id).sort(), [meA, alex.participantId, meB].sort());
    await waitForNotice(rxA, callA, (n) => isRoster(n) && entry(n, meB) !== undefined);

    const idsSeenBy = async (callId: string) => (await e2e.graph.request<{ value: Json[] }>('GET', `/communications/calls/${callId}/participants`)).body.value.map((x) => String(x.id)).sort();
    assert.deepEqual(await idsSeenBy(callA), await idsSeenBy(callB));
    const alexSeenByB = await e2e.graph.request('GET', `/communications/calls/${callB}/participants/${alex.participantId}`);
    assert.equal(alexSeenByB.status, 200);
    assert.equal(alexSeenByB.body.id, alex.participantId);

    await p.leave(alex);
    for (const [rx, callId] of [[rxA, callA], [rxB, callB]] as const) {
      const left = await waitForNotice(rx, callId, (n) => isRoster(n) && n.changeType === 'deleted');
      assert.deepEqual(left.participants?.map((x) => x.id), [alex.participantId]);
    }

    // B hangs up: A sees B's participant leave; A's call goes on.
    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${callB}`)).status, 204);
    await waitForDeleted(rxB, callB);
    const bLeft = await waitForNotice(rxA, callA, (n) => isRoster(n) && n.changeType === 'deleted' && entry(n, meB) !== undefined);
    assert.equal(bLeft.participants?.length, 1);
    assert.equal((await e2e.graph.request('GET', `/communications/calls/${callA}`)).body.state, 'established');
    assert.deepEqual(await idsSeenBy(callA), [meA]);
    // The other app's leg is not visible through this app's calls.
    assert.equal((await e2e.graph.request('GET', `/communications/calls/${callB}`)).status, 404);

    for (const rx of [rxA, rxB]) assertCallbacksValid(rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
  });

  it('ends the bot’s call when the organizer ends the meeting (200/5003) or removes the bot (200/5300)', async () => {
    const rx = await e2e.receiver();
    const join = async () => {
      const body = (await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url))).body;
      await waitForState(rx, String(body.id), 'established');
      return { callId: String(body.id), me: String(body.myParticipantId) };
    };
    const ended = await join();
    await p.endMeeting(STANDUP.id);
    const end = await waitForDeleted(rx, ended.callId);
    assert.deepEqual([end.resultInfo?.code, end.resultInfo?.subcode], [200, 5003]);

    const removed = await join();
    const { conferenceId } = await p.roster(STANDUP.id);
    await p.remove({ conferenceId: conferenceId!, participantId: removed.me, isInLobby: false });
    const removal = await waitForDeleted(rx, removed.callId);
    assert.deepEqual([removal.resultInfo?.code, removal.resultInfo?.subcode], [200, 5300]);
    assert.equal(notificationsFor(rx, removed.callId).filter((n) => n.state === 'terminating').length, 0, 'the platform ends the call without a terminating step');
    assert.equal((await e2e.graph.request('GET', `/communications/calls/${removed.callId}`)).status, 404);
    assertCallbacksValid(rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
  });
});
