/**
 * Several nodes, one world (issue 5): two in-process servers on one fresh PostgreSQL database and
 * one data directory (so they share the CA, TLS certificate and admin key; signing keys live in
 * the database). A call is created through node A and read, controlled and hung up through node B,
 * with both nodes' callback dispatchers and timer runners competing for the work. Skipped, with
 * the reason, when no PostgreSQL answers (see test/storage/postgres-server.ts).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer } from '../helpers/server.js';
import { createTestDatabase, unreachableReason, type TestDatabase } from '../storage/postgres-server.js';
import { joinByMeetingId } from './support/bodies.js';
import { harnessFor, send, type E2e, type Json } from './support/harness.js';
import { describeNotice, isRoster, notificationsFor, waitForDeleted, waitForNotice, waitForState } from './support/notifications.js';
import { people } from './support/people.js';

const skip = await unreachableReason();
if (skip) process.stderr.write(`${skip}\n`);

const STANDUP = DEMO.meetings.standup;

describe('e2e: two nodes on one PostgreSQL database', { skip: skip ?? false }, () => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  let a: E2e;
  let b: E2e;

  before(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-multi-node-'));
    const node = async (): Promise<E2e> =>
      harnessFor(await startTestServer({ inMemory: false, dataDir, flags: { database: database!.url, latency: 'instant' } }));
    // One after the other: the first creates the CA, admin key, schema, signing keys and world; the second finds them.
    a = await node();
    b = await node();
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('applies a fault rule added through node A on node B too, within the follow interval', async () => {
    const rule = await a.control.expect<{ id: string }>(201, 'POST', '/faults', { kind: 'graphError', status: 503, match: { operation: 'call.get' }, trigger: { times: 1 } });
    try {
      const unknown = '/communications/calls/00000000-0000-0000-0000-00000000fa17';
      const deadline = Date.now() + 5000;
      let status = 0;
      while (status !== 503 && Date.now() < deadline) {
        status = (await b.graph.request('GET', unknown)).status;
        if (status !== 503) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(status, 503, 'node B took the rule from the shared book');
      assert.equal((await a.graph.request('GET', unknown)).status, 404, 'times: 1 is counted across the nodes');
    } finally {
      await a.control.expect(204, 'DELETE', `/faults/${rule.id}`);
    }
  });

  it('accepts a token minted on node A at node B', async () => {
    const token = await a.graph.token();
    const missing = await b.graph.request<{ error: Json }>('GET', '/communications/calls/00000000-0000-0000-0000-000000000000', undefined, { token });
    assert.equal(missing.status, 404, `B accepted A's token and looked the call up: ${missing.raw}`);
    assert.equal(missing.body.error.code, '8522');
  });

  it('serves a call created on A through B, delivering each notification once and in order', async () => {
    const rx = await a.receiver();
    const created = await a.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    const me = String(created.body.myParticipantId);
    await waitForState(rx, callId, 'established');

    const read = await b.graph.request('GET', `/communications/calls/${callId}`);
    assert.equal(read.status, 200, read.raw);
    assert.equal(read.body.state, 'established');
    const kept = await b.graph.request('POST', `/communications/calls/${callId}/keepAlive`);
    assert.equal(kept.status, 200, kept.raw);
    const listed = await b.graph.request<{ value: Json[] }>('GET', `/communications/calls/${callId}/participants`);
    assert.equal(listed.status, 200, listed.raw);
    assert.deepEqual(listed.body.value.map((x) => x.id), [me]);

    // A person joins through B's control API; the bot (whose call A created) hears of it.
    const alex = await people(b.control).join(STANDUP.id, { userId: DEMO.users.alex.id });
    await waitForNotice(rx, callId, (n) => isRoster(n) && n.participants?.some((x) => x.id === alex.participantId) === true);

    const hungUp = await b.graph.request('DELETE', `/communications/calls/${callId}`);
    assert.equal(hungUp.status, 204, hungUp.raw);
    await waitForDeleted(rx, callId);
    await Promise.all([a.server.workers.dispatcher.drained(), b.server.workers.dispatcher.drained()]);
    await people(a.control).endMeeting(STANDUP.id);

    const sequence = notificationsFor(rx, callId).map(describeNotice);
    assert.deepEqual([...sequence.slice(0, 2)].sort(), ['updated established', 'updated establishing'], sequence.join(', '));
    assert.deepEqual(sequence.slice(2), ['updated roster[1]', 'updated roster[1]', 'updated terminating', 'deleted terminated 200/5001']);

    // Exactly once: one delivered attempt per outbox seq, and as many POSTs as seqs.
    const attempts = await people(b.control).deliveries(callId);
    const delivered = attempts.filter((x) => x.outcome === 'delivered');
    assert.equal(delivered.length, attempts.length, 'no attempt failed or was retried');
    const seqs = delivered.map((x) => x.seq);
    assert.equal(new Set(seqs).size, seqs.length, `no seq delivered twice: ${seqs.join(', ')}`);
    assert.equal(rx.received.length, seqs.length, 'the receiver got each callback once');
    // In order: the log is written after each POST, and a call's next message is claimable only then.
    assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y), 'delivered in seq order');

    // Keys are shared: every callback token validates against A's metadata (the receiver) and B's.
    const keysOfB = await jwksOf(b);
    for (const callback of rx.received) {
      assert.equal(callback.valid, true, callback.validationError);
      await jwtVerify(callback.token ?? '', createLocalJWKSet(keysOfB), { audience: DEMO.appId, currentDate: new Date(b.server.deps.clock.now()) });
    }
  });
});

/** The keys a bot configured with node `e2e`'s OpenID metadata would trust. */
async function jwksOf(e2e: E2e): Promise<JSONWebKeySet> {
  const metadata = await send<{ jwks_uri: string }>(e2e.server, 'GET', '/v1/.well-known/OpenIdConfiguration', {});
  assert.equal(metadata.status, 200, metadata.raw);
  const jwksUri = new URL(metadata.body.jwks_uri);
  assert.equal(jwksUri.origin, new URL(e2e.server.httpsUrl).origin, 'the metadata points at its own node');
  const keys = await send<JSONWebKeySet>(e2e.server, 'GET', jwksUri.pathname, {});
  assert.equal(keys.status, 200, keys.raw);
  return keys.body;
}
