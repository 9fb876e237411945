/**
 * Timer takeover (issue 5): two nodes (child processes) on one PostgreSQL database. A bot joins a
 * meeting with realistic latency, so the leg's `establish` timer falls due 1.5 s later. The test
 * holds the call's document row, so whichever node claims the timer blocks inside its handler
 * with the lease taken; that node is killed with SIGKILL (its transaction dies with its session).
 * The survivor must fire the timer once the lease runs out — not before, and exactly once: one
 * `established` notification, the timer gone. Skipped, with the reason, when no PostgreSQL answers.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { callTimerKey } from '../../src/calls/call-timers.js';
import { CALL_KINDS } from '../../src/calls/call-unit.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { createTestDatabase, unreachableReason, type TestDatabase } from '../storage/postgres-server.js';
import { joinByMeetingId } from './support/bodies.js';
import { startChildNodes, type ChildNode } from './support/child-nodes.js';
import { describeNotice, isRoster, notificationsFor, waitForNotice, waitForState } from './support/notifications.js';

const skip = await unreachableReason();
if (skip) process.stderr.write(`${skip}\n`);

const LEASE_MS = 2000;
/** The survivor's timer runner polls every 250 ms; the rest is slack for a loaded machine. */
const TAKEOVER_BOUND_MS = LEASE_MS + 250 + 3000;

describe('e2e: a node dies holding a timer lease', { skip: skip ?? false }, () => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  let nodes: ChildNode[] = [];
  let rx: WebhookReceiver | undefined;
  let lock: pg.Client | undefined;
  let monitor: pg.Client | undefined;

  before(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-timers-'));
  });
  after(async () => {
    await lock?.end().catch(() => undefined);
    await monitor?.end().catch(() => undefined);
    await Promise.all(nodes.map((node) => node.close()));
    await rx?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('fires the dead node’s leased establish timer once, on the survivor, after the lease', async () => {
    const args = ['--latency', 'realistic', '--lease-ms', String(LEASE_MS), '--callback-timeout', '1000', '--log-level', 'warn'];
    nodes = await startChildNodes(['node-a', 'node-b'], { dataDir: dataDir!, databaseUrl: database!.url, args });
    rx = await startWebhookReceiver();
    lock = new pg.Client({ connectionString: database!.url });
    await lock.connect();
    monitor = new pg.Client({ connectionString: database!.url });
    await monitor.connect();

    const created = await nodes[0]!.graph<{ id: string }>('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    const callId = created.body.id;
    await lock.query('BEGIN');
    await lock.query('SELECT 1 FROM documents WHERE kind = $1 AND id = $2 FOR UPDATE', [CALL_KINDS.call, callId]);
    const lockPid = (await lock.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

    const { owner, leaseUntil } = await waitForBlockedClaim(monitor, lockPid, callTimerKey('establish', callId), nodes);
    const victim = nodes.find((node) => node.name === owner)!;
    await victim.kill();
    const killedAt = Date.now();
    await lock.query('ROLLBACK');

    await waitForState(rx, callId, 'established', TAKEOVER_BOUND_MS + 5000);
    const takeoverMs = Date.now() - killedAt;
    process.stderr.write(`timer takeover: ${takeoverMs} ms after the kill (lease ${LEASE_MS} ms)\n`);
    assert.ok(takeoverMs <= TAKEOVER_BOUND_MS, `fired ${takeoverMs} ms after the kill (bound ${TAKEOVER_BOUND_MS} ms)`);
    assert.ok(Date.now() >= leaseUntil, 'not fired before the dead node’s lease ran out');

    // The chain goes on from the survivor (first roster), and the timer fired exactly once.
    await waitForNotice(rx, callId, isRoster, 5000);
    await sleep(LEASE_MS + 500);
    const sequence = notificationsFor(rx, callId).map(describeNotice);
    assert.equal(sequence.filter((label) => label === 'updated established').length, 1, sequence.join(', '));
    const { rows } = await monitor.query('SELECT key FROM timers WHERE key = $1', [callTimerKey('establish', callId)]);
    assert.deepEqual(rows, [], 'the fired timer is gone');
    const survivor = nodes.find((node) => node.alive)!;
    const call = await survivor.graph<{ state: string }>('GET', `/communications/calls/${callId}`);
    assert.equal(call.body.state, 'established', call.raw);
  });
});

/**
 * Waits (bounded) until a node has claimed the timer and is blocked on the row the test holds;
 * returns that node's name (its sessions' application_name) and the lease's end. Only sessions
 * blocked by the lock session (`lockPid`) count, once per node: a session of the other node may
 * be waiting behind the blocked node's own transaction, and a node may have more than one session
 * waiting. `client` must not be the lock session: PostgreSQL collects pg_stat_activity once per
 * transaction and shows that same picture until it ends ("Viewing Statistics" in the manual), so
 * polled inside the lock's transaction it would never see the claimer start waiting.
 * On a timeout the error shows every session, the timer row and the nodes' logs (lockPicture).
 */
async function waitForBlockedClaim(client: pg.Client, lockPid: number, key: string, nodes: ChildNode[], timeoutMs = 15_000): Promise<{ owner: string; leaseUntil: number }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const timer = await client.query<{ lease_until: string | null }>('SELECT lease_until FROM timers WHERE key = $1', [key]);
    const blocked = await client.query<{ application_name: string }>(
      `SELECT DISTINCT application_name FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name LIKE 'node-%'
          AND $1::int = ANY (pg_blocking_pids(pid))`,
      [lockPid],
    );
    const leaseUntil = timer.rows[0]?.lease_until;
    if (leaseUntil && blocked.rows.length === 1) return { owner: blocked.rows[0]!.application_name, leaseUntil: Number(leaseUntil) };
    await sleep(25);
  }
  throw new Error(`no node claimed ${key} and blocked on the call within ${timeoutMs} ms; lock session ${lockPid}; ${await lockPicture(client, key, nodes)}`);
}

/**
 * Every session of the test database (not only lock waiters: a node idle in a transaction holds
 * rows a SKIP LOCKED claim passes over), the timer row against the time now, and each node's
 * clock and logs.
 */
async function lockPicture(client: pg.Client, key: string, nodes: ChildNode[]): Promise<string> {
  const timer = await client.query('SELECT key, due_at, lease_owner, lease_until, $2::bigint AS now FROM timers WHERE key = $1', [key, Date.now()]);
  const sessions = await client.query(
    `SELECT pid, application_name, state, wait_event_type, wait_event, backend_xid, xact_start, query_start,
            state_change, pg_blocking_pids(pid) AS blockers, left(query, 200) AS query
       FROM pg_stat_activity WHERE datname = current_database() ORDER BY application_name, pid`,
  );
  const logs = await Promise.all(nodes.map(async (node) => `--- ${node.name} (${node.alive ? 'alive' : 'dead'}), clock ${await clockOf(node)}:\n${node.output()}`));
  return `timer ${JSON.stringify(timer.rows)}; sessions:\n${sessions.rows.map((row) => JSON.stringify(row)).join('\n')}\nnode logs:\n${logs.join('\n')}`;
}

/** A node's clock beside the test's: the claim compares lease_until with the node's own now. */
async function clockOf(node: ChildNode): Promise<string> {
  const asked = Date.now();
  const answer = await node.control('GET', '/clock').catch((error: unknown) => ({ raw: String(error) }));
  return `${answer.raw} (test's Date.now() ${asked} when asked)`;
}
