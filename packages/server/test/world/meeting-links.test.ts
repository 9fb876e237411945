import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildJoinWebUrl, parseJoinWebUrl } from '../../src/domain/world/meeting-links.js';
import {
  MEETING_THREAD_PATTERN,
  buildMeeting,
  deriveMeetingCoordinates,
  joinMeetingIdFrom,
  normalizeJoinMeetingId,
} from '../../src/domain/world/meeting-coordinates.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ORGANIZER = '550fae72-d251-43ec-868c-373732c2704f';
const THREAD = '19:meeting_NzA3ZjFmNjAtYmI2Mi00MmM2LWI4ZDktMGY5ZTFhN2EzMjM5@thread.v2';

describe('Teams join links', () => {
  it('builds the meetup-join format and parses it back', () => {
    const url = buildJoinWebUrl({ threadId: THREAD, tenantId: TENANT, organizerId: ORGANIZER });
    assert.ok(url.startsWith('https://teams.microsoft.com/l/meetup-join/19%3Ameeting_NzA3'));
    assert.ok(url.includes('%40thread.v2/0?context='));
    assert.deepEqual(parseJoinWebUrl(url), { ok: true, parts: { threadId: THREAD, messageId: '0', tenantId: TENANT, organizerId: ORGANIZER } });
  });

  it('parses a link as Teams prints it (lowercase escapes, extra context keys)', () => {
    const url =
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzA3ZjFmNjAtYmI2Mi00MmM2LWI4ZDktMGY5ZTFhN2EzMjM5%40thread.v2/0' +
      '?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22550fae72-d251-43ec-868c-373732c2704f%22%2c%22IsBroadcastMeeting%22%3afalse%7d';
    const parsed = parseJoinWebUrl(url);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.parts, { threadId: THREAD, messageId: '0', tenantId: TENANT, organizerId: ORGANIZER });
  });

  it('accepts another host and a non-root message id', () => {
    const url = buildJoinWebUrl({ threadId: THREAD, tenantId: TENANT, organizerId: ORGANIZER, messageId: '1592835129384' }).replace('teams.microsoft.com', 'localhost:8443');
    const parsed = parseJoinWebUrl(url);
    assert.ok(parsed.ok && parsed.parts.messageId === '1592835129384');
  });

  it('explains why a string is not a join link', () => {
    const cases: [string, RegExp][] = [
      ['not a url', /is not a URL/],
      ['https://teams.microsoft.com/l/chat/0/0', /not a Teams meeting join link/],
      ['https://teams.microsoft.com/l/meetup-join/abc/0?context=%7B%7D', /chat thread id/],
      [`https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0`, /context must be JSON/],
      [`https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7Bbroken`, /context must be JSON/],
    ];
    for (const [url, reason] of cases) {
      const parsed = parseJoinWebUrl(url);
      assert.ok(!parsed.ok, url);
      assert.match(parsed.reason, reason, url);
    }
  });
});

describe('meeting coordinates', () => {
  it('derives Teams-shaped values, stable per meeting id', () => {
    const a = deriveMeetingCoordinates('11111111-1111-4111-8111-111111111111');
    assert.match(a.chatThreadId, MEETING_THREAD_PATTERN);
    assert.match(a.joinMeetingId, /^[1-9]\d{11,12}$/);
    assert.match(a.passcode, /^[A-Za-z2-9]{6}$/);
    assert.deepEqual(deriveMeetingCoordinates('11111111-1111-4111-8111-111111111111'), a);
    assert.notEqual(deriveMeetingCoordinates('22222222-2222-4222-8222-222222222222').joinMeetingId, a.joinMeetingId);
  });

  it('produces both 12- and 13-digit join meeting ids', () => {
    const lengths = new Set([0, 1].map((b) => joinMeetingIdFrom(Buffer.from([b, 1, 2, 3, 4, 5, 6, 7, 8])).length));
    assert.deepEqual([...lengths].sort(), [12, 13]);
  });

  it('strips the spaces people paste with a meeting id', () => {
    assert.equal(normalizeJoinMeetingId('394 817 260 531'), '394817260531');
  });

  it('keeps pinned values, derives the rest and always matches the join link', () => {
    const meeting = buildMeeting({ id: 'm1', tenantId: TENANT, organizerId: ORGANIZER, subject: 's', startDateTime: 'a', endDateTime: 'b', joinMeetingId: '1234567', passcode: null });
    assert.equal(meeting.joinMeetingId, '1234567');
    assert.equal(meeting.passcode, undefined);
    assert.equal(meeting.lobbyBypass, 'organization');
    const parsed = parseJoinWebUrl(meeting.joinWebUrl);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.parts, { threadId: meeting.chatThreadId, messageId: '0', tenantId: TENANT, organizerId: ORGANIZER });
  });
});
