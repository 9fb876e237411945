import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { openStore } from '../../src/storage/open-store.js';
import type { DocumentPort, Store } from '../../src/storage/ports.js';
import { DEMO } from '../../src/world/demo-world.js';
import { MEETING_INDEX_KINDS } from '../../src/world/meeting-index.js';
import { worldFileSchema, type WorldFileInput } from '../../src/world/world-file.schema.js';
import { WorldReader } from '../../src/world/world-reader.js';
import { WorldService } from '../../src/world/world-service.js';
import { T0, sequentialIds, useWorldKit } from './world-test-kit.js';

const file = (input: Omit<WorldFileInput, 'version'>) => worldFileSchema.parse({ version: 1, ...input });
const { standup, townHall } = DEMO.meetings;
const entry = (m: typeof standup | typeof townHall) => ({ id: m.id, tenantId: m.tenantId, organizerId: m.organizerId, subject: m.subject });

/** A reader whose store counts `docs.list` calls: a lookup by index must not scan. */
function spiedReader(store: Pick<Store, 'docs'>): { reader: WorldReader; lists: () => number } {
  let lists = 0;
  const docs: DocumentPort = {
    get: (kind, id) => store.docs.get(kind, id),
    put: (kind, id, data, version) => store.docs.put(kind, id, data, version),
    delete: (kind, id, version) => store.docs.delete(kind, id, version),
    kinds: () => store.docs.kinds(),
    list: (kind, options) => {
      lists++;
      return store.docs.list(kind, options);
    },
  };
  return { reader: new WorldReader({ docs }), lists: () => lists };
}

async function indexIds(store: Store, kind: string): Promise<string[]> {
  return (await store.docs.list(kind)).map((d) => d.id);
}

describe('Meeting indexes', () => {
  const kit = useWorldKit();

  it('finds a created meeting by join id and thread id without listing documents', async () => {
    const meeting = await kit().service.createMeeting({ tenantId: DEMO.tenantId, organizerId: DEMO.users.megan.id, subject: 'Design review', joinMeetingId: '5550001112' });
    const { reader, lists } = spiedReader(kit().store);
    assert.equal((await reader.meetingByJoinMeetingId('555 000 1112'))?.id, meeting.id);
    assert.equal((await reader.meetingByThreadId(meeting.chatThreadId))?.id, meeting.id);
    assert.equal(await reader.meetingByJoinMeetingId('999999999'), undefined);
    assert.equal(await reader.meetingByThreadId('19:meeting_nope@thread.v2'), undefined);
    assert.equal(lists(), 0);
  });

  it('follows an update and forgets a deleted meeting', async () => {
    const reader = new WorldReader(kit().store);
    await kit().service.updateMeeting(standup.id, { subject: 'Renamed standup', organizerId: DEMO.users.adele.id });
    assert.equal((await reader.meetingByJoinMeetingId(standup.joinMeetingId))?.subject, 'Renamed standup');
    assert.equal((await reader.meetingByThreadId(standup.chatThreadId))?.organizerId, DEMO.users.adele.id);
    await kit().service.deleteMeeting(standup.id);
    assert.equal(await reader.meetingByJoinMeetingId(standup.joinMeetingId), undefined);
    assert.equal(await reader.meetingByThreadId(standup.chatThreadId), undefined);
    assert.ok(!(await indexIds(kit().store, MEETING_INDEX_KINDS.byJoinMeetingId)).includes(standup.joinMeetingId));
    assert.ok(!(await indexIds(kit().store, MEETING_INDEX_KINDS.byThreadId)).includes(standup.chatThreadId));
  });

  it('moves entries when an extend file changes or swaps join coordinates', async () => {
    const reader = new WorldReader(kit().store);
    await kit().service.seed(
      file({
        meetings: [
          { ...entry(standup), joinMeetingId: townHall.joinMeetingId, chatThreadId: townHall.chatThreadId },
          { ...entry(townHall), joinMeetingId: '1234567890', chatThreadId: standup.chatThreadId },
        ],
      }),
    );
    assert.equal((await reader.meetingByJoinMeetingId(townHall.joinMeetingId))?.id, standup.id);
    assert.equal((await reader.meetingByThreadId(townHall.chatThreadId))?.id, standup.id);
    assert.equal((await reader.meetingByJoinMeetingId('1234567890'))?.id, townHall.id);
    assert.equal((await reader.meetingByThreadId(standup.chatThreadId))?.id, townHall.id);
    assert.equal(await reader.meetingByJoinMeetingId(standup.joinMeetingId), undefined);
  });

  it('keeps only the file meetings after a replace', async () => {
    const reader = new WorldReader(kit().store);
    const world = file({
      mode: 'replace',
      tenants: [{ id: DEMO.tenantId, displayName: 'Contoso', domain: DEMO.tenantDomain }],
      users: [{ id: standup.organizerId, tenantId: DEMO.tenantId, displayName: 'Organizer', userPrincipalName: `organizer@${DEMO.tenantDomain}` }],
      meetings: [{ ...entry(standup), joinMeetingId: '4444444444' }],
    });
    await kit().service.seed(world);
    assert.equal(await reader.meetingByJoinMeetingId(standup.joinMeetingId), undefined);
    assert.equal(await reader.meetingByThreadId(townHall.chatThreadId), undefined);
    assert.equal((await reader.meetingByJoinMeetingId('4444444444'))?.id, standup.id);
    assert.deepEqual(await indexIds(kit().store, MEETING_INDEX_KINDS.byJoinMeetingId), ['4444444444']);
  });

  it('lets only one of two concurrent creates take a join id', async () => {
    const create = () => kit().service.createMeeting({ tenantId: DEMO.tenantId, organizerId: DEMO.users.megan.id, subject: 'x', joinMeetingId: '7777777777' });
    const results = await Promise.allSettled([create(), create()]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  });
});

describe('Meeting indexes on disk', () => {
  it('survive a restart, and seeding rebuilds them for a store written before they existed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-index-'));
    const start = async () => {
      const clock = new ManualClock(T0);
      const store = await openStore({ inMemory: false, dataDir: dir, clock });
      const service = new WorldService(store, clock, { ids: sequentialIds() });
      await service.seed();
      return Object.assign(store, { service });
    };
    try {
      const first = await start();
      const created = await first.service.createMeeting({ tenantId: DEMO.tenantId, organizerId: DEMO.users.megan.id, subject: 'After restart', joinMeetingId: '3141592653' });
      // Simulates an older store: meetings without index entries.
      for (const kind of Object.values(MEETING_INDEX_KINDS)) {
        for (const doc of await first.docs.list(kind)) await first.docs.delete(kind, doc.id);
      }
      await first.close();
      const second = await start();
      const { reader, lists } = spiedReader(second);
      assert.equal((await reader.meetingByJoinMeetingId(standup.joinMeetingId))?.id, standup.id);
      assert.equal((await reader.meetingByThreadId(townHall.chatThreadId))?.id, townHall.id);
      assert.equal((await reader.meetingByJoinMeetingId('3141592653'))?.id, created.id);
      assert.equal(lists(), 0);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
