import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { SERVICE_HOSTED_MEDIA } from './support/bodies.js';
import type { E2e, Json } from './support/harness.js';
import { entryOf, meetingLeg, waitForEntry, type Leg } from './support/features.js';
import { assertCallbacksValid, isRoster, waitForDeleted, waitForNotice, waitForState } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';
import type { PersonJoined } from './support/people.js';

const STANDUP = DEMO.meetings.standup;
const expected = { appId: DEMO.appId, tenantId: DEMO.tenantId };
const streamOf = (entry: Json, mediaType: string) => (entry.mediaStreams as Json[]).find((stream) => stream.mediaType === mediaType);
const identityOf = (entry: Json) => (entry.info as Json).identity as Json;

/**
 * What a bot in the meeting observes, over HTTPS with JWT-validated callbacks, when simulated
 * people act through the control API (docs/people.md): who joins, lobby denial, camera, hold,
 * dominant speaker, and a user answering, declining or ignoring the app's peer-to-peer call.
 */
describe('e2e: people actions', () => {
  const { e2e, p } = useMeetingE2e();
  const at = (joined: PersonJoined) => `/conferences/${joined.conferenceId}/participants/${joined.participantId}`;
  const join = (who: Json) => e2e.control.expect<PersonJoined>(201, 'POST', `/meetings/${STANDUP.id}/people`, who);
  const entryFor = async (bot: Leg, joined: PersonJoined, match: (entry: Json) => boolean) =>
    entryOf(await waitForEntry(bot, (entry) => entry.id === joined.participantId && match(entry)), (entry) => entry.id === joined.participantId && match(entry));

  it('shows a phone caller as identity.phone and an anonymous joiner as a guest, both in the lobby', async () => {
    const bot = await meetingLeg(e2e);
    const caller = await join({ phone: { number: '+14255550100' } });
    const anonymous = await join({ anonymous: {} });
    const phoneEntry = await entryFor(bot, caller, () => true);
    assert.deepEqual([identityOf(phoneEntry).phone, phoneEntry.isInLobby], [{ '@odata.type': '#microsoft.graph.identity', id: '+14255550100' }, true]);
    const guestEntry = await entryFor(bot, anonymous, () => true);
    assert.equal((identityOf(guestEntry).guest as Json).displayName, 'Anonymous');
    assertCallbacksValid(bot.rx, expected);
  });

  it('denies a guest waiting in the lobby: the bot gets the entry as `deleted` on /participants', async () => {
    const bot = await meetingLeg(e2e);
    const guest = await join({ guest: { displayName: 'Visitor' } });
    await e2e.control.expect(204, 'POST', `${at(guest)}/deny`);
    const removed = await waitForNotice(bot.rx, bot.callId, (n) => isRoster(n) && n.changeType === 'deleted');
    assert.deepEqual((removed.resourceData as Json[]).map((entry) => entry.id), [guest.participantId]);
  });

  it('turns the camera on and off: main-video sendReceive, then receiveOnly', async () => {
    const bot = await meetingLeg(e2e);
    const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id });
    await e2e.control.expect(200, 'POST', `${at(alex)}/video`, { on: true });
    assert.equal(streamOf(await entryFor(bot, alex, (e) => streamOf(e, 'video') !== undefined), 'video')?.label, 'main-video');
    await e2e.control.expect(200, 'POST', `${at(alex)}/video`, { on: false });
    await entryFor(bot, alex, (e) => streamOf(e, 'video')?.direction === 'receiveOnly');
  });

  it('holds and resumes: the audio stream goes inactive, then sendReceive again', async () => {
    const bot = await meetingLeg(e2e);
    const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id });
    const held = await e2e.control.expect<Json>(200, 'POST', `${at(alex)}/hold`);
    assert.deepEqual(held.held, { audio: 'sendReceive', video: 'inactive' });
    const onHold = await entryFor(bot, alex, (e) => streamOf(e, 'audio')?.direction === 'inactive');
    await e2e.control.expect(200, 'POST', `${at(alex)}/resume`);
    await entryFor(bot, alex, (e) => streamOf(e, 'audio')?.direction === 'sendReceive' && (e.rosterSequenceNumber as number) > (onHold.rosterSequenceNumber as number));
  });

  it("sets and reads the dominant speaker, named by the sourceId of the speaker's roster audio stream", async () => {
    const bot = await meetingLeg(e2e);
    const alex = await p.join(STANDUP.id, { userId: DEMO.users.alex.id });
    const sourceId = streamOf(await entryFor(bot, alex, () => true), 'audio')?.sourceId;
    const url = `/conferences/${alex.conferenceId}/dominant-speaker`;
    const speaker = { conferenceId: alex.conferenceId, participantId: alex.participantId, sourceId };
    assert.deepEqual(await e2e.control.expect<Json>(200, 'PUT', url, { participantId: alex.participantId }), speaker);
    assert.deepEqual(await e2e.control.expect<Json>(200, 'GET', url), speaker);
    assert.deepEqual(await e2e.control.expect<Json>(200, 'PUT', url, { participantId: null }), { conferenceId: alex.conferenceId });
  });
});

describe('e2e: a user answers, declines or ignores the app calling', () => {
  const { e2e } = useMeetingE2e({ endMeetings: [] });

  /** The bot calls `userId` (whose answerMode is set first) peer to peer. */
  async function callUser(userId: string, answerMode: string, extra: Json = {}, version: 'v1.0' | 'beta' = 'v1.0'): Promise<Leg> {
    await e2e.control.expect(200, 'PATCH', `/users/${userId}`, { answerMode });
    return placeCall(e2e, userId, extra, version);
  }

  it('a manual user rings until answered; the call then becomes established', async () => {
    const leg = await callUser(DEMO.users.megan.id, 'manual');
    await waitForState(leg.rx, leg.callId, 'establishing');
    assert.equal((await e2e.control.expect<Json>(200, 'GET', `/calls/${leg.callId}`)).state, 'establishing');
    await e2e.control.expect(200, 'POST', `/calls/${leg.callId}/answer`);
    await waitForState(leg.rx, leg.callId, 'established');
    assertCallbacksValid(leg.rx, expected);
  });

  it('a manual user declines: the call is deleted with 480/10076', async () => {
    const leg = await callUser(DEMO.users.lynne.id, 'manual');
    await waitForState(leg.rx, leg.callId, 'establishing');
    await e2e.control.expect(204, 'POST', `/calls/${leg.callId}/decline`);
    const deleted = await waitForDeleted(leg.rx, leg.callId);
    assert.deepEqual([deleted.resultInfo?.code, deleted.resultInfo?.subcode], [480, 10076]);
  });

  it('nobody answers: after ringingTimeoutInSeconds the call is deleted with 408/10057', async () => {
    const leg = await callUser(DEMO.users.diego.id, 'noAnswer', { ringingTimeoutInSeconds: 1 }, 'beta');
    const deleted = await waitForDeleted(leg.rx, leg.callId, 5000);
    assert.deepEqual([deleted.resultInfo?.code, deleted.resultInfo?.subcode], [408, 10057]);
    const refused = await e2e.control.request('POST', `/calls/${leg.callId}/answer`);
    assert.equal(refused.status, 409);
  });
});

async function placeCall(e2e: E2e, userId: string, extra: Json, version: 'v1.0' | 'beta'): Promise<Leg> {
  const rx = await e2e.receiver();
  const body = {
    '@odata.type': '#microsoft.graph.call',
    callbackUri: rx.url,
    requestedModalities: ['audio'],
    mediaConfig: SERVICE_HOSTED_MEDIA,
    targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: userId } } }],
    ...extra,
  };
  const created = await e2e.graph.request('POST', '/communications/calls', body, { version });
  if (created.status !== 201) throw new Error(`create call: ${created.status} ${created.raw}`);
  return { callId: String(created.body.id), me: String(created.body.myParticipantId), rx };
}
