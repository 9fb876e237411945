import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { END_REASONS } from '../../src/domain/calls/end-reasons.js';
import { MAGIC_MEETINGS, MAGIC_USERS, MAGIC_WRONG_PASSCODE } from '../../src/simulation/magic-values.js';
import { DEMO } from '../../src/world/demo-world.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { joinByMeetingId, SERVICE_HOSTED_MEDIA } from './support/bodies.js';
import type { Json } from './support/harness.js';
import { useMeetingE2e } from './support/meeting-e2e.js';
import { waitForDeleted, waitForState, type Notice } from './support/notifications.js';

type MagicMeeting = (typeof MAGIC_MEETINGS)[keyof typeof MAGIC_MEETINGS];

/**
 * Magic values (docs/magic-values.md) with no configuration at all: the demo world has them, and
 * each gives its documented outcome. Time is moved with the virtual clock, not waited for.
 */
describe('e2e: magic values', () => {
  const { e2e } = useMeetingE2e({ endMeetings: Object.values(MAGIC_MEETINGS).map((m) => m.id) });

  const joinMagic = (rx: WebhookReceiver, meeting: MagicMeeting, passcode?: string) => {
    const body = joinByMeetingId(rx.url, DEMO.meetings.standup, {
      meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: meeting.joinMeetingId, ...(passcode ? { passcode } : {}) },
    });
    return e2e.graph.request('POST', '/communications/calls', body);
  };
  const callUser = (rx: WebhookReceiver, userId: string) =>
    e2e.graph.request('POST', '/communications/calls', {
      '@odata.type': '#microsoft.graph.call', callbackUri: rx.url, requestedModalities: ['audio'], mediaConfig: SERVICE_HOSTED_MEDIA, tenantId: DEMO.tenantId,
      targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id: userId } } }],
    });
  const advance = (ms: number) => e2e.control.expect(200, 'POST', '/clock/advance', { ms });
  const resultOf = (notice: Notice) => {
    const { '@odata.type': _type, ...info } = (notice.resultInfo ?? {}) as Json;
    return info;
  };

  it('lists every magic value with its outcome, and the world has each meeting and user', async () => {
    const listed = await e2e.control.expect<{ value: { kind: string; value: string; resultInfo?: Json }[] }>(200, 'GET', '/magic-values');
    const values = listed.value.map((row) => row.value);
    for (const meeting of Object.values(MAGIC_MEETINGS)) {
      assert.ok(values.includes(meeting.id), meeting.subject);
      assert.equal((await e2e.control.request('GET', `/meetings/${meeting.id}`)).status, 200, meeting.subject);
    }
    for (const user of Object.values(MAGIC_USERS)) {
      assert.ok(values.includes(user.id), user.displayName);
      assert.equal((await e2e.control.request('GET', `/users/${user.id}`)).status, 200, user.displayName);
    }
    assert.ok(values.includes(MAGIC_WRONG_PASSCODE));
  });

  it('a meeting whose lobby always times out: the bot waits in the lobby, then is removed (200/5855)', async () => {
    const rx = await e2e.receiver();
    const created = await joinMagic(rx, MAGIC_MEETINGS.lobbyTimeout);
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'establishing');
    await advance(MAGIC_MEETINGS.lobbyTimeout.afterMs);
    assert.deepEqual(resultOf(await waitForDeleted(rx, callId)), { ...END_REASONS.lobbyTimeout });
  });

  for (const [name, meeting] of [['endsAfterJoin', MAGIC_MEETINGS.endsAfterJoin], ['mediaLost', MAGIC_MEETINGS.mediaLost]] as const) {
    it(`${name}: the leg ends ${meeting.afterMs} ms after it is established with ${meeting.reason}`, async () => {
      const rx = await e2e.receiver();
      const created = await joinMagic(rx, meeting);
      assert.equal(created.status, 201, created.raw);
      const callId = String(created.body.id);
      await waitForState(rx, callId, 'established');
      await advance(meeting.afterMs);
      assert.deepEqual(resultOf(await waitForDeleted(rx, callId)), { ...END_REASONS[meeting.reason] });
    });
  }

  it('a user who always declines: the call ends instead of being established (480/10076)', async () => {
    const rx = await e2e.receiver();
    const created = await callUser(rx, MAGIC_USERS.declines.id);
    assert.equal(created.status, 201, created.raw);
    const deleted = await waitForDeleted(rx, String(created.body.id));
    assert.deepEqual(resultOf(deleted), { ...END_REASONS.calleeUnreachable });
  });

  it('a user who never answers: the call rings out (408/10057)', async () => {
    const rx = await e2e.receiver();
    const created = await callUser(rx, MAGIC_USERS.neverAnswers.id);
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'establishing');
    await advance(30_000);
    assert.deepEqual(resultOf(await waitForDeleted(rx, callId)), { ...END_REASONS.calleeNoSignal });
  });

  it('the wrong passcode fails every join by meeting id, even of a meeting without a passcode', async () => {
    const rx = await e2e.receiver();
    const standup = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url, DEMO.meetings.standup, {
      meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: DEMO.meetings.standup.joinMeetingId, passcode: MAGIC_WRONG_PASSCODE },
    }));
    assert.equal(standup.status, 400, standup.raw);
    assert.match(String((standup.body.error as Json).message), /passcode .* is wrong/);
    assert.equal((await joinMagic(rx, MAGIC_MEETINGS.endsAfterJoin, MAGIC_WRONG_PASSCODE)).status, 400);
    assert.equal((await joinMagic(rx, MAGIC_MEETINGS.endsAfterJoin)).status, 201, 'without it the same join works');
  });
});
