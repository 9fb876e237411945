import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { Agent } from 'undici';
import { DEMO } from '../../src/world/demo-world.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { assertCallbacksValid, waitForDeleted, waitForState } from './support/notifications.js';

const run = promisify(execFile);
const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const STANDUP = DEMO.meetings.standup;

/**
 * The "no code change" recipe (docs/no-code-change.md), end to end in child processes:
 * `switchboard certs --microsoft-hostnames`, `switchboard start`, and a bot that uses msal-node's
 * default authority and graph-client's default base URL. The hosts file and the :443 forward are
 * simulated by a preload in the bot process only; nothing on the machine is changed.
 */
describe('no code change: hosts mapping + Microsoft host names in the certificate', () => {
  let dataDir: string;
  let server: ChildProcess | undefined;
  let httpsUrl = '';
  let dispatcher: Agent;
  let receiver: WebhookReceiver;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-no-code-change-'));
  });
  after(async () => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    await receiver?.close();
    await dispatcher?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('`switchboard certs --microsoft-hostnames` issues a server certificate for the Microsoft names', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', fixture('cli.ts'), 'certs', '--microsoft-hostnames', '--data', dataDir], { timeout: 20_000 });
    assert.ok(stdout.includes(`NODE_EXTRA_CA_CERTS="${join(dataDir, 'ca.pem')}"`), stdout);
    const sans = new X509Certificate(await readFile(join(dataDir, 'server.pem'), 'utf8')).subjectAltName ?? '';
    for (const name of ['localhost', 'login.microsoftonline.com', 'graph.microsoft.com', 'api.aps.skype.com']) assert.ok(sans.includes(`DNS:${name}`), sans);
  });

  it('an unmodified msal-node + graph-client bot joins, lists, hangs up, and gets valid callbacks', async () => {
    await startServerAndReceiver();
    await runUnmodifiedBot('unmodified-bot.ts');
  });

  it('so does an unmodified @azure/identity + Teams SDK graph bot', async () => {
    await runUnmodifiedBot('unmodified-identity-teams-bot.ts');
  });

  async function startServerAndReceiver(): Promise<void> {
    server = spawn(process.execPath, ['--import', 'tsx', fixture('cli.ts'), 'start', '--port', '0', '--data', dataDir, '--log-level', 'silent', '--latency', 'instant', '--console', 'off'], { stdio: ['ignore', 'ignore', 'inherit'] });
    httpsUrl = await waitForServer(dataDir);
    const caPath = join(dataDir, 'ca.pem');
    dispatcher = new Agent({ connect: { ca: await readFile(caPath, 'utf8') } });
    receiver = await startWebhookReceiver({ metadataUrl: `${httpsUrl}/v1/.well-known/OpenIdConfiguration`, audience: DEMO.appId, dispatcher });
  }

  /** Runs a bot fixture with the hosts-mapping preload and the CA, then follows its call through the callbacks. */
  async function runUnmodifiedBot(bot: string): Promise<void> {
    const caPath = join(dataDir, 'ca.pem');
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: caPath, SWITCHBOARD_HOSTS_PORT: new URL(httpsUrl).port };
    const args = ['--import', 'tsx', '--import', fixture('microsoft-hosts-preload.ts'), fixture(bot), DEMO.tenantId, DEMO.appId, DEMO.appSecret, STANDUP.joinMeetingId, STANDUP.passcode, receiver.url];
    const { stdout } = await run(process.execPath, args, { env, timeout: 30_000 });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { callId: string; state: string; participants: number };
    assert.equal(result.state, 'establishing');
    assert.ok(result.participants >= 1, stdout);

    await waitForState(receiver, result.callId, 'established');
    const ended = await waitForDeleted(receiver, result.callId);
    assert.deepEqual([ended.state, ended.resultInfo?.subcode], ['terminated', 5001]);
    assertCallbacksValid(receiver, { appId: DEMO.appId, tenantId: DEMO.tenantId });
  }
});

async function waitForServer(dataDir: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return (JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8')) as { httpsUrl: string }).httpsUrl;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the server did not start within ${timeoutMs} ms`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
