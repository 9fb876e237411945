import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJoinWebUrl } from '../../src/domain/world/meeting-links.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldReader } from '../../src/world/world-reader.js';
import { useWorldKit } from './world-test-kit.js';

describe('WorldReader meeting lookups', () => {
  const kit = useWorldKit();

  it('finds a meeting from its join link, thread id or join meeting id', async () => {
    const reader = new WorldReader(kit().store);
    const link = parseJoinWebUrl(DEMO.meetings.townHall.joinWebUrl);
    assert.ok(link.ok);
    assert.equal((await reader.meetingByThreadId(link.parts.threadId))?.id, DEMO.meetings.townHall.id);
    assert.equal((await reader.meetingByJoinMeetingId('394 817 260 531'))?.id, DEMO.meetings.standup.id);
    assert.equal(await reader.meetingByJoinMeetingId('000000000000'), undefined);
    assert.equal((await reader.tenantByIdOrDomain('Fabrikam.Example'))?.id, DEMO.fabrikamTenantId);
  });
});
