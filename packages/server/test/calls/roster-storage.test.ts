/**
 * Conferences stored as a header plus one document per roster entry (docs/perf/join.md, round 2),
 * read back whole through the call unit and the per-process roster cache.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CALL_KINDS, CallUnit } from '../../src/calls/call-unit.js';
import type { NotificationFactory } from '../../src/calls/notification-factory.js';
import { RosterCache } from '../../src/calls/roster-cache.js';
import { ROSTER_ENTRY_KIND, type ConferenceHeader } from '../../src/calls/roster-docs.js';
import { loadConference } from '../../src/calls/roster-reads.js';
import { ManualClock } from '../../src/domain/clock.js';
import { addParticipants, openConference } from '../../src/domain/calls/roster.js';
import type { Conference } from '../../src/domain/calls/types.js';
import { openStore } from '../../src/storage/open-store.js';
import { readShared } from '../../src/storage/shared/shared-reads.js';
import type { DocumentPort, Store, StoreTx } from '../../src/storage/ports.js';
import { person, T0 } from '../domain/call-fixtures.js';

const clock = new ManualClock(T0);
const notifications = {} as NotificationFactory;
const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const memory = (): Promise<Store> => openStore({ inMemory: true, dataDir: '.unused', clock });
const meeting = (...ids: string[]): Conference => addParticipants(openConference({ id: 'conf', kind: 'meeting', tenantId: 't', meetingId: 'm' }, T0), ids.map((id) => person(id)), T0).value;
const ids = (conference: Conference | undefined): string[] => (conference?.participants ?? []).map((p) => p.id);

/** Runs `work` on a call unit in one transaction of `store`, with the given roster cache. */
function inUnit<T>(store: Store, cache: RosterCache, work: (unit: CallUnit) => Promise<T>, tx?: (tx: StoreTx) => StoreTx): Promise<T> {
  return store.transaction(async (raw) => {
    const unit = new CallUnit(tx ? tx(raw) : raw, notifications, cache);
    const result = await work(unit);
    await unit.flush();
    return result;
  });
}

async function join1(store: Store, cache: RosterCache, id: string): Promise<void> {
  await inUnit(store, cache, async (unit) => unit.putConference(addParticipants((await unit.conference('conf')) as Conference, [person(id)], T0).value));
}

const header = async (store: Store): Promise<ConferenceHeader | undefined> => (await store.docs.get<ConferenceHeader>(CALL_KINDS.conference, 'conf'))?.data;

/** The kinds a transaction's document writes went to, in order. */
function recordingWrites(writes: string[]): (tx: StoreTx) => StoreTx {
  return (tx) => {
    const docs: DocumentPort = Object.create(tx.docs) as DocumentPort;
    docs.put = (kind, id, data, expected) => (writes.push(`put ${kind}`), tx.docs.put(kind, id, data, expected));
    docs.delete = (kind, id, expected) => (writes.push(`delete ${kind}`), tx.docs.delete(kind, id, expected));
    return { ...tx, docs };
  };
}

describe('conference rosters as entry documents', () => {
  it('reports the stored version even when the same frozen header is written back unchanged', async () => {
    const store = await memory();
    const cache = new RosterCache();
    await inUnit(store, cache, (unit) => unit.putConference(meeting('a', 'b')));
    const first = await loadConference(store.docs, 'conf', cache);
    const shared = (await readShared<ConferenceHeader>(store.docs, CALL_KINDS.conference, 'conf'))!;
    await store.docs.put(CALL_KINDS.conference, 'conf', shared.data, shared.version);
    const again = await loadConference(store.docs, 'conf', cache);
    assert.equal(again?.version, (first?.version ?? 0) + 1);
    assert.deepEqual(ids(again?.conference), ['a', 'b']);
    await store.close();
  });

  it('stores a header without the roster and one entry per participant, and reads the conference back whole', async () => {
    const store = await memory();
    await inUnit(store, new RosterCache(), (unit) => unit.putConference(meeting('a', 'b', 'c')));
    assert.equal('participants' in ((await header(store)) ?? {}), false);
    assert.deepEqual((await store.docs.list(ROSTER_ENTRY_KIND)).map((doc) => doc.id), ['conf/a', 'conf/b', 'conf/c']);
    const read = await inUnit(store, new RosterCache(), (unit) => unit.conference('conf'));
    assert.deepEqual(read, meeting('a', 'b', 'c'));
  });

  it('a join writes the header and the one new entry', async () => {
    const store = await memory();
    const cache = new RosterCache();
    await inUnit(store, cache, (unit) => unit.putConference(meeting('a', 'b', 'c')));
    const writes: string[] = [];
    await inUnit(store, cache, async (unit) => unit.putConference(addParticipants((await unit.conference('conf')) as Conference, [person('d')], T0).value), recordingWrites(writes));
    assert.deepEqual(writes, ['put conference', 'put roster-entry']);
    assert.deepEqual(ids(await inUnit(store, new RosterCache(), (unit) => unit.conference('conf'))), ['a', 'b', 'c', 'd']);
  });

  it('never serves the stamp of a rolled-back transaction', async () => {
    const store = await memory();
    const cache = new RosterCache();
    await inUnit(store, cache, (unit) => unit.putConference(meeting('a', 'b')));
    const committed = (await header(store))?.rosterStamp;
    await assert.rejects(
      inUnit(store, cache, async (unit) => {
        await unit.putConference(addParticipants((await unit.conference('conf')) as Conference, [person('x')], T0).value);
        await unit.flush();
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    assert.equal((await header(store))?.rosterStamp, committed);
    assert.deepEqual(ids(await inUnit(store, cache, (unit) => unit.conference('conf'))), ['a', 'b']);
    await join1(store, cache, 'c');
    assert.deepEqual(ids(await inUnit(store, new RosterCache(), (unit) => unit.conference('conf'))), ['a', 'b', 'c']);
  });

  it('sees a change written by a second store on the same SQLite file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sb-roster-'));
    dirs.push(dataDir);
    const [first, second] = [await openStore({ inMemory: false, dataDir, clock }), await openStore({ inMemory: false, dataDir, clock })];
    const [firstCache, secondCache] = [new RosterCache(), new RosterCache()];
    try {
      await inUnit(first, firstCache, (unit) => unit.putConference(meeting('a', 'b')));
      assert.deepEqual(ids(await inUnit(first, firstCache, (unit) => unit.conference('conf'))), ['a', 'b']);
      await join1(second, secondCache, 'c');
      assert.deepEqual(ids(await inUnit(first, firstCache, (unit) => unit.conference('conf'))), ['a', 'b', 'c']);
      await join1(first, firstCache, 'd');
      assert.deepEqual(ids(await inUnit(second, secondCache, (unit) => unit.conference('conf'))), ['a', 'b', 'c', 'd']);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('does not cache entries listed while another writer changed the roster', async () => {
    const store = await memory();
    await inUnit(store, new RosterCache(), (unit) => unit.putConference(meeting('a', 'b')));
    const before = (await header(store))?.rosterStamp as string;
    let raced = false;
    const racing: DocumentPort = Object.create(store.docs) as DocumentPort;
    racing.list = async (kind, options) => {
      if (!raced) await join1(store, new RosterCache(), 'c').then(() => (raced = true));
      return store.docs.list(kind, options);
    };
    const cache = new RosterCache();
    const loaded = await loadConference(racing, 'conf', cache);
    assert.deepEqual(ids(loaded?.conference), ['a', 'b', 'c']);
    assert.equal(cache.get('conf', before), undefined);
    assert.deepEqual(ids({ participants: cache.get('conf', loaded?.header.rosterStamp ?? '')?.participants } as Conference), ['a', 'b', 'c']);
  });

  it('dropping a conference deletes its entries too', async () => {
    const store = await memory();
    const cache = new RosterCache();
    await inUnit(store, cache, (unit) => unit.putConference(meeting('a', 'b')));
    await inUnit(store, cache, async (unit) => unit.dropConference((await unit.conference('conf')) as Conference));
    assert.equal(await header(store), undefined);
    assert.deepEqual(await store.docs.list(ROSTER_ENTRY_KIND), []);
    assert.equal(await store.docs.get(CALL_KINDS.meetingConference, 'm'), undefined);
  });
});
