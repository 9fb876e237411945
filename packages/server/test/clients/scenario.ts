import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { DEMO } from '../../src/world/demo-world.js';
import { joinByJoinUrl } from '../e2e/support/bodies.js';
import type { E2e } from '../e2e/support/harness.js';
import { entryOf, waitForEntry, waitForOperation, type Leg } from '../e2e/support/features.js';
import { assertCallbacksValid, isRoster, waitForNotice, waitForState } from '../e2e/support/notifications.js';
import type { People } from '../e2e/support/people.js';
import type { ClientDriver, DriverResponse, GraphMethod, Json } from './driver.js';

/**
 * The client conformance scenario (issue 8, item 1), written once against `ClientDriver`: what a
 * meeting bot does in a call, from the token to the hang-up, with every callback validated the
 * way a production bot validates it.
 */

const STANDUP = DEMO.meetings.standup;
const HOLD_PROMPT = { '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri: 'https://bot.contoso.com/onHold.wav' } };
const SHARING_NOTIFICATIONS = { callOptions: { '@odata.type': '#microsoft.graph.outgoingCallOptions', isContentSharingNotificationEnabled: true } };

export interface ScenarioContext {
  driver: ClientDriver;
  e2e: E2e;
  p: People;
}

/** Fails with the client's name, the request and what came back. */
async function expectStatus(driver: ClientDriver, expected: number, method: GraphMethod, path: string, body?: Json): Promise<Json> {
  const response: DriverResponse = await driver.request(method, path, body);
  assert.equal(response.status, expected, `${driver.name}: ${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body ?? {};
}

/** Runs every step in order; each step builds on the call the first one joined. */
export async function runScenario({ driver, e2e, p }: ScenarioContext): Promise<void> {
  await checkToken(driver);
  const leg = await joinByLink(driver, e2e);
  const [alex, megan] = [await p.join(STANDUP.id, { userId: DEMO.users.alex.id }), await p.join(STANDUP.id, { userId: DEMO.recordedUserId })];
  await listParticipants(driver, leg, [alex.participantId, megan.participantId]);
  await audioRoutingGroup(driver, leg, alex.participantId);
  await muteParticipant(driver, leg, alex.participantId);
  await holdMusic(driver, leg, megan.participantId);
  await recordingStatus(driver, leg);
  await contentSharing(driver, e2e, leg, alex);
  await hangUp(driver, leg);
  assertCallbacksValid(leg.rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
}

async function checkToken(driver: ClientDriver): Promise<void> {
  const claims = decodeJwt(await driver.token());
  assert.deepEqual([claims.aud, claims.appid, claims.tid], ['https://graph.microsoft.com', DEMO.appId, DEMO.tenantId], `${driver.name}: token claims`);
}

/** Join by the Teams join link (organizerMeetingInfo + chatInfo), then wait for established and the first roster. */
async function joinByLink(driver: ClientDriver, e2e: E2e): Promise<Leg> {
  const rx = await e2e.receiver();
  const created = await expectStatus(driver, 201, 'POST', '/communications/calls', joinByJoinUrl(rx.url, STANDUP.joinWebUrl, SHARING_NOTIFICATIONS));
  const callId = String(created.id);
  assert.equal(created.state, 'establishing', `${driver.name}: created call state`);
  await waitForState(rx, callId, 'established');
  await waitForNotice(rx, callId, isRoster);
  return { callId, me: String(created.myParticipantId), rx };
}

async function listParticipants(driver: ClientDriver, leg: Leg, expected: string[]): Promise<void> {
  const list = await expectStatus(driver, 200, 'GET', `/communications/calls/${leg.callId}/participants`);
  const ids = (list.value as Json[]).map((participant) => String(participant.id));
  for (const id of [leg.me, ...expected]) assert.ok(ids.includes(id), `${driver.name}: participant ${id} missing from ${ids.join(', ')}`);
}

async function audioRoutingGroup(driver: ClientDriver, leg: Leg, receiver: string): Promise<void> {
  const groups = `/communications/calls/${leg.callId}/audioRoutingGroups`;
  const created = await expectStatus(driver, 200, 'POST', groups, { id: 'whisper', routingMode: 'oneToOne', sources: [leg.me], receivers: [receiver] });
  assert.deepEqual([created.id, created.routingMode], ['whisper', 'oneToOne'], `${driver.name}: created group`);
  const patched = await expectStatus(driver, 200, 'PATCH', `${groups}/whisper`, { receivers: [receiver] });
  assert.deepEqual(patched.receivers, [receiver], `${driver.name}: patched group`);
}

/** Server mute: a completed operation, then the roster shows the participant muted. */
async function muteParticipant(driver: ClientDriver, leg: Leg, participantId: string): Promise<void> {
  const operation = await expectStatus(driver, 200, 'POST', `/communications/calls/${leg.callId}/participants/${participantId}/mute`, { clientContext: 'conformance-mute' });
  assert.deepEqual([operation.status, operation.clientContext], ['completed', 'conformance-mute'], `${driver.name}: mute operation`);
  const isMuted = (entry: Json) => entry.id === participantId && entry.isMuted === true;
  assert.ok(entryOf(await waitForEntry(leg, isMuted), isMuted), `${driver.name}: roster after mute`);
}

/** Hold music: 202 + running operation each way, completion arrives as the operation's `deleted` notification. */
async function holdMusic(driver: ClientDriver, leg: Leg, participantId: string): Promise<void> {
  const participant = `/communications/calls/${leg.callId}/participants/${participantId}`;
  for (const [action, body] of [['startHoldMusic', { customPrompt: HOLD_PROMPT, clientContext: 'hold' }], ['stopHoldMusic', { clientContext: 'unhold' }]] as const) {
    const started = await expectStatus(driver, 202, 'POST', `${participant}/${action}`, body);
    assert.equal(started.status, 'running', `${driver.name}: ${action} operation`);
    const done = await waitForOperation(leg, String(started.id));
    assert.deepEqual([(done.resourceData as Json).status, (done.resourceData as Json).clientContext], ['completed', body.clientContext], `${driver.name}: ${action} completion`);
  }
}

/** Allowed because Megan (in the meeting) is under a compliance recording policy naming the demo app. */
async function recordingStatus(driver: ClientDriver, leg: Leg): Promise<void> {
  const operation = await expectStatus(driver, 200, 'POST', `/communications/calls/${leg.callId}/updateRecordingStatus`, { clientContext: 'rec', status: 'recording' });
  assert.equal(operation.status, 'completed', `${driver.name}: updateRecordingStatus operation`);
  const isRecording = (entry: Json) => entry.id === leg.me && (entry.recordingInfo as Json | null)?.recordingStatus === 'recording';
  await waitForEntry(leg, isRecording);
}

/** A person shares: the leg that asked is notified, and GET lists and reads the session. */
async function contentSharing(driver: ClientDriver, e2e: E2e, leg: Leg, person: { conferenceId: string; participantId: string }): Promise<void> {
  const session = await e2e.control.expect<Json>(200, 'POST', `/conferences/${person.conferenceId}/participants/${person.participantId}/share`);
  await waitForNotice(leg.rx, leg.callId, (n) => n.changeType === 'created' && n.resourceUrl.endsWith('/contentsharingsessions'));
  const sessions = `/communications/calls/${leg.callId}/contentSharingSessions`;
  const list = await expectStatus(driver, 200, 'GET', sessions);
  assert.deepEqual((list.value as Json[]).map((s) => s.id), [session.id], `${driver.name}: sessions`);
  assert.equal((await expectStatus(driver, 200, 'GET', `${sessions}/${String(session.id)}`)).id, session.id);
}

async function hangUp(driver: ClientDriver, leg: Leg): Promise<void> {
  await expectStatus(driver, 204, 'DELETE', `/communications/calls/${leg.callId}`);
  // The call's own `deleted` (its routing groups and sessions end with it and are notified too).
  const ended = await waitForNotice(leg.rx, leg.callId, (n) => n.changeType === 'deleted' && n.resourceUrl === `/communications/calls/${leg.callId}`);
  assert.deepEqual([ended.state, ended.resultInfo?.subcode], ['terminated', 5001], `${driver.name}: hang-up notification`);
}
