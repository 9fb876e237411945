/**
 * Failover (issue 5): a node in a child process is killed with SIGKILL while it holds the lease on
 * a callback it is delivering; an in-process node on the same database and data directory takes
 * the notification over once the lease (--lease-ms) runs out, and the call's later notifications
 * follow in order. The interrupted one is delivered again (at-least-once across a node's death;
 * the delivery log shows it as attempt 2). Skipped, with the reason, when no PostgreSQL answers.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer } from '../helpers/server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { createTestDatabase, unreachableReason, type TestDatabase } from '../storage/postgres-server.js';
import { joinByMeetingId } from './support/bodies.js';
import { harnessFor, type E2e } from './support/harness.js';
import { describeNotice, isRoster, notificationsFor, waitForDeleted, waitForNotice } from './support/notifications.js';
import { people } from './support/people.js';

const skip = await unreachableReason();
if (skip) process.stderr.write(`${skip}\n`);

const LEASE_MS = 2000;
/** The survivor's dispatcher polls every 500 ms; the rest is slack for a loaded CI machine. */
const TAKEOVER_BOUND_MS = LEASE_MS + 500 + 3000;
const cli = new URL('./fixtures/cli.ts', import.meta.url).pathname;

describe('e2e: a node dies holding a lease', { skip: skip ?? false }, () => {
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  let child: ChildProcess | undefined;
  let survivor: E2e | undefined;
  let rx: WebhookReceiver | undefined;
  let release: () => void = () => undefined;

  before(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-failover-'));
  });
  after(async () => {
    release();
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rx?.close();
    await survivor?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lets another node deliver the dead node’s leased notification after the lease, then the rest in order', async () => {
    const args = ['--import', 'tsx', cli, 'start', '--port', '0', '--data', dataDir!, '--database', database!.url, '--latency', 'instant', '--log-level', 'silent', '--lease-ms', String(LEASE_MS), '--callback-timeout', '1000'];
    child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    const httpsUrl = await waitForServer(dataDir!);
    const agent = new Agent({ connect: { ca: await readFile(join(dataDir!, 'ca.pem'), 'utf8') } });

    // The first callback hangs at the bot until the test ends: the dying node is mid-delivery.
    const hung = new Promise<number>((resolve) => (release = () => resolve(202)));
    let answered = 0;
    rx = await startWebhookReceiver({ respond: () => (answered++ === 0 ? hung : 202) });
    try {
      const token = await clientCredentialsToken(httpsUrl, agent);
      const created = await request(`${httpsUrl}/v1.0/communications/calls`, {
        method: 'POST', dispatcher: agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(joinByMeetingId(rx.url)),
      });
      const call = (await created.body.json()) as { id: string };
      assert.equal(created.statusCode, 201, JSON.stringify(call));
      await rx.waitFor(() => true, 10_000);
    } finally {
      await agent.close();
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    const killedAt = Date.now();

    survivor = harnessFor(await startTestServer({ inMemory: false, dataDir: dataDir!, flags: { database: database!.url, latency: 'instant', leaseMs: LEASE_MS } }));
    const callId = String((rx.received[0]!.body as { value: { resourceUrl: string }[] }).value[0]!.resourceUrl.split('/').at(-1));
    await waitForNotice(rx, callId, isRoster, TAKEOVER_BOUND_MS + 5000);
    const takeoverMs = Date.now() - killedAt;
    assert.ok(takeoverMs <= TAKEOVER_BOUND_MS, `taken over in ${takeoverMs} ms (bound ${TAKEOVER_BOUND_MS} ms)`);

    // The interrupted notification again (same body), then the call's others, in order, once each.
    assert.equal(rx.received[1]?.raw, rx.received[0]!.raw, 'the leased notification is redelivered by the survivor');
    const sequence = notificationsFor(rx, callId).map(describeNotice);
    assert.equal(sequence.length, 4, sequence.join(', '));
    assert.equal(sequence[1], sequence[0], 'the first two POSTs are the same notification');
    assert.deepEqual([sequence[0], sequence[2]].sort(), ['updated established', 'updated establishing'], sequence.join(', '));
    assert.equal(sequence[3], 'updated roster[1]');
    const attempts = await people(survivor.control).deliveries(callId);
    assert.equal(attempts[0]?.attempt, 2, 'the delivery log marks the takeover as the second attempt');

    // The survivor serves the call the dead node created.
    const hungUp = await survivor.graph.request('DELETE', `/communications/calls/${callId}`);
    assert.equal(hungUp.status, 204, hungUp.raw);
    await waitForDeleted(rx, callId);
  });
});

async function clientCredentialsToken(httpsUrl: string, agent: Agent): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO.appId, client_secret: DEMO.appSecret, scope: 'https://graph.microsoft.com/.default' });
  const response = await request(`${httpsUrl}/${DEMO.tenantId}/oauth2/v2.0/token`, {
    method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(),
  });
  const body = (await response.body.json()) as { access_token?: string };
  assert.equal(response.statusCode, 200, JSON.stringify(body));
  return body.access_token!;
}

/** The child writes server.json once it listens; bounded so a broken start fails the test. */
async function waitForServer(dataDir: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      return (JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8')) as { httpsUrl: string }).httpsUrl;
    } catch {
      await sleep(50);
    }
  }
  throw new Error(`the child node did not start within ${timeoutMs} ms`);
}
