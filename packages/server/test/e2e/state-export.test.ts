import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer } from '../helpers/server.js';
import { joinByMeetingId } from './support/bodies.js';
import { harnessFor, type Json } from './support/harness.js';
import { assertCallbacksValid, notificationsFor, waitForDeleted, waitForState } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

interface Export {
  format: string;
  version: number;
  clock: { now: number };
  documents: { kind: string; id: string; data?: unknown }[];
  timers: { key: string; dueAt: number }[];
  outbox: unknown[];
}

/**
 * The version-1 form of a version-2 export: each conference holds its roster again, in position
 * order, and the roster entries are gone (what a server before the roster-entry layout exported).
 */
function asVersion1(file: Export): Export {
  type Entry = { position: number; participant: Json };
  const entries = file.documents.filter((doc) => doc.kind === 'roster-entry');
  const rosterOf = (conferenceId: string) =>
    entries
      .filter((doc) => doc.id.startsWith(`${conferenceId}/`))
      .map((doc) => doc.data as Entry)
      .sort((a, b) => a.position - b.position)
      .map((entry) => entry.participant);
  const documents = file.documents
    .filter((doc) => doc.kind !== 'roster-entry')
    .map((doc) => {
      if (doc.kind !== 'conference') return doc;
      const { rosterStamp: _stamp, nextPosition: _next, ...header } = doc.data as Json;
      return { ...doc, data: { ...header, participants: rosterOf(doc.id) } };
    });
  return { ...file, version: 1, documents };
}

describe('e2e: export, reset and import', () => {
  const { e2e, p } = useMeetingE2e({ endMeetingsAfter: 'all' });

  it('imports a version-1 file, whose conferences hold their rosters, and serves the same roster', async () => {
    const rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'established');
    await p.join(DEMO.meetings.standup.id, { guest: { displayName: 'Ada' } });
    await p.join(DEMO.meetings.standup.id, { guest: { displayName: 'Grace' } });
    const roster = await e2e.graph.request<{ value: Json[] }>('GET', `/communications/calls/${callId}/participants`);
    assert.equal(roster.status, 200, roster.raw);
    assert.equal(roster.body.value.length, 3);

    const exported = await e2e.control.expect<Export>(200, 'GET', '/state');
    await e2e.control.expect(200, 'POST', '/state/reset');
    await e2e.control.expect(200, 'PUT', '/state', asVersion1(exported));
    const imported = await e2e.graph.request<{ value: Json[] }>('GET', `/communications/calls/${callId}/participants`);
    assert.equal(imported.status, 200, imported.raw);
    assert.deepEqual(imported.body.value, roster.body.value);
    await p.join(DEMO.meetings.standup.id, { guest: { displayName: 'Edsger' } });
    const grown = await e2e.graph.request<{ value: Json[] }>('GET', `/communications/calls/${callId}/participants`);
    assert.deepEqual(grown.body.value.slice(0, 3), roster.body.value, 'a join after the import appends to the imported roster');
    assert.equal(grown.body.value.length, 4);
    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${callId}`)).status, 204);
    await waitForDeleted(rx, callId, 5000);
    await p.endMeeting(DEMO.meetings.standup.id);
  });

  it('round-trips a bot call in flight: after import it is established, keepAlive and hang-up work, notifications continue in order', async () => {
    const rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'established');

    const exported = await e2e.control.expect<Export>(200, 'GET', '/state');
    assert.equal(exported.format, 'switchboard-export');
    assert.equal(exported.version, 2);
    assert.ok(exported.documents.some((doc) => doc.id.includes(callId)), 'the call is in the export');
    assert.ok(exported.timers.length > 0, 'its keepAlive deadline is in the export');

    await e2e.control.expect(200, 'POST', '/state/reset');
    assert.equal((await e2e.graph.request('GET', `/communications/calls/${callId}`)).status, 404, 'reset dropped the call');
    const world = await e2e.control.expect<{ tenants: Json[] }>(200, 'GET', '/world');
    assert.ok(world.tenants.some((tenant) => tenant.id === DEMO.tenantId), 'reset seeded the demo world again');

    const report = await e2e.control.expect<{ documents: number; timers: number }>(200, 'PUT', '/state', exported);
    assert.equal(report.timers, exported.timers.length);
    const call = await e2e.graph.request<Json>('GET', `/communications/calls/${callId}`);
    assert.equal(call.status, 200, call.raw);
    assert.equal(call.body.state, 'established');
    assert.equal((await e2e.graph.request('POST', `/communications/calls/${callId}/keepAlive`)).status, 200);
    const before = notificationsFor(rx, callId).length;
    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${callId}`)).status, 204);
    const deleted = await waitForDeleted(rx, callId, 5000);
    assert.equal(deleted.state, 'terminated');
    const notices = notificationsFor(rx, callId);
    assert.ok(notices.length > before, 'new notifications after the import');
    assert.equal(notices.filter((n) => n.changeType === 'deleted' && n.state === 'terminated').length, 1);
    const states = notices.filter((n) => n.state !== undefined).map((n) => n.state);
    assert.equal(states.at(-1), 'terminated', `in order: ${states.join(' → ')}`);
    assertCallbacksValid(rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
  });

  it('refuses a newer version and a malformed file with a clear 400, and changes nothing', async () => {
    const exported = await e2e.control.expect<Export>(200, 'GET', '/state');
    const newer = await e2e.control.request<{ error: { message: string } }>('PUT', '/state', { ...exported, version: 99 });
    assert.equal(newer.status, 400, newer.raw);
    assert.match(newer.body.error.message, /version 99.*up to 2/);
    const foreign = await e2e.control.request<{ error: { message: string } }>('PUT', '/state', { hello: 'world' });
    assert.equal(foreign.status, 400);
    assert.match(foreign.body.error.message, /not a Switchboard export.*format/);
    const broken = await e2e.control.request<{ error: { message: string } }>('PUT', '/state', { ...exported, timers: [{ key: 'x', dueAt: 'soon' }] });
    assert.equal(broken.status, 400);
    assert.match(broken.body.error.message, /timers\.0\.(dueAt|payload)/);
    const after = await e2e.control.expect<Export>(200, 'GET', '/state');
    assert.deepEqual(after.documents.map((d) => d.id).sort(), exported.documents.map((d) => d.id).sort());
  });
});

describe('e2e: --export-on-exit and --import', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('writes the state when the server closes, and a new server starts from it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-export-'));
    dirs.push(dir);
    const file = join(dir, 'state.json');
    const first = harnessFor(await startTestServer({ inMemory: true, flags: { latency: 'instant', exportOnExit: file } }));
    const rx1 = await first.receiver();
    const created = await first.graph.request('POST', '/communications/calls', joinByMeetingId(rx1.url));
    const callId = String(created.body.id);
    await waitForState(rx1, callId, 'established');
    await first.close();
    const written = JSON.parse(await readFile(file, 'utf8')) as Export;
    assert.ok(written.documents.some((doc) => doc.id.includes(callId)));

    const second = harnessFor(await startTestServer({ inMemory: true, flags: { latency: 'instant', import: file } }));
    try {
      const call = await second.graph.request<Json>('GET', `/communications/calls/${callId}`);
      assert.equal(call.status, 200, call.raw);
      assert.equal(call.body.state, 'established');
    } finally {
      await second.close();
    }
  });

  it('refuses to start from a file that is not an export, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-export-'));
    dirs.push(dir);
    await assert.rejects(startTestServer({ inMemory: true, flags: { import: join(dir, 'missing.json') } }), /cannot import .*missing\.json/);
  });
});
