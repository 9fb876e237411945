import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO } from '../../src/world/demo-world.js';

const run = promisify(execFile);
const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** `switchboard start` as a user runs it, and a bot process that trusts the CA only through NODE_EXTRA_CA_CERTS. */
describe('switchboard start (child processes)', () => {
  let dataDir: string;
  let server: ChildProcess;
  let stdout = '';
  let httpsUrl = '';
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-start-'));
    server = spawn(process.execPath, ['--import', 'tsx', fixture('cli.ts'), 'start', '--port', '0', '--data', dataDir, '--log-level', 'silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
    server.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    httpsUrl = await waitForServer(dataDir);
  });
  after(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the banner a user needs', async () => {
    await waitFor(() => stdout.includes('Press Ctrl+C'));
    for (const expected of [`${httpsUrl}/v1.0`, `${httpsUrl}/${DEMO.tenantId}`, DEMO.appId, DEMO.appSecret, `NODE_EXTRA_CA_CERTS="${join(dataDir, 'ca.pem')}"`, `${httpsUrl}/_switchboard/`, `${httpsUrl}/v1/.well-known/OpenIdConfiguration`]) {
      assert.ok(stdout.includes(expected), `banner lacks ${expected}:\n${stdout}`);
    }
    assert.ok(stdout.includes((await readFile(join(dataDir, 'admin.key'), 'utf8')).trim()));
  });

  it('serves MSAL and graph-client in an unmodified bot process', async () => {
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(dataDir, 'ca.pem') };
    const { stdout: out } = await run(process.execPath, ['--import', 'tsx', fixture('bot.ts'), httpsUrl, DEMO.tenantId, DEMO.appId, DEMO.appSecret], { env });
    assert.deepEqual({ ...JSON.parse(out.trim().split('\n').at(-1)!), tokenLength: 0 }, { outcome: 'graph error', statusCode: 404, code: '8522', tokenLength: 0 });
  });

  it('answers the CLI twins through the control API', async () => {
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', fixture('cli.ts'), ...args, '--data', dataDir]);
    const world = JSON.parse((await cli('world')).stdout) as { tenants: { id: string }[] };
    assert.ok(world.tenants.some((t) => t.id === DEMO.tenantId));
    await cli('consent', 'revoke', '--app', DEMO.appId, '--tenant', DEMO.tenantDomain, 'Calls.AccessMedia.All');
    const claims = JSON.parse((await cli('token', '--app', DEMO.appId, '--tenant', DEMO.tenantId, '--decode')).stdout) as { claims?: { roles?: string[] } };
    const roles = claims.claims?.roles ?? [];
    assert.ok(roles.includes('Calls.JoinGroupCall.All') && !roles.includes('Calls.AccessMedia.All'), JSON.stringify(claims));
  });

  it('stops on SIGTERM and removes server.json', async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    await assert.rejects(access(join(dataDir, 'server.json')));
  });
});

async function waitForServer(dataDir: string): Promise<string> {
  let url = '';
  await waitFor(async () => {
    try {
      url = (JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8')) as { httpsUrl: string }).httpsUrl;
      return true;
    } catch {
      return false;
    }
  });
  return url;
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
