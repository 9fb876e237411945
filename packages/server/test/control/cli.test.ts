import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Command, CommanderError } from 'commander';
import { ControlError } from '../../src/cli/control-client.js';
import { consentOutput } from '../../src/cli/commands/consent.js';
import { registerWorldCommand, worldShowOutput, worldValidateOutput } from '../../src/cli/commands/world.js';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('CLI twins of the control API', () => {
  let server: TestServer;
  let dataDir: string;
  before(async () => {
    server = await startTestServer({ inMemory: true });
    dataDir = server.dataDir;
  });
  after(() => server.close());

  it('switchboard world prints the world as JSON', async () => {
    const output = await worldShowOutput(dataDir);
    assert.equal(output.exitCode, 0);
    assert.deepEqual(JSON.parse(output.stdout).tenants.map((t: { domain: string }) => t.domain).sort(), ['contoso.example', 'fabrikam.example']);
  });

  it('switchboard consent grant|revoke changes permissions by tenant domain', async () => {
    const granted = await consentOutput('grant', ['calls.joingroupcall.all', 'Calls.AccessMedia.All'], { app: DEMO.limitedAppId, tenant: 'contoso.example', data: dataDir });
    assert.match(granted.stdout, new RegExp(`app ${DEMO.limitedAppId} in tenant ${DEMO.tenantId} .* holds:\\n  Calls.Initiate.All\\n  Calls.JoinGroupCall.All\\n  Calls.AccessMedia.All\\n`));
    const revoked = await consentOutput('revoke', ['Calls.Initiate.All'], { app: DEMO.limitedAppId, tenant: DEMO.tenantId, data: dataDir });
    assert.ok(!revoked.stdout.includes('Calls.Initiate.All'));
  });

  it('reports control-API failures with the server message', async () => {
    await assert.rejects(consentOutput('grant', ['Calls.Nope'], { app: DEMO.appId, tenant: 'contoso.example', data: dataDir }), (error: unknown) => {
      assert.ok(error instanceof ControlError);
      assert.equal(error.status, 400);
      assert.match(error.message, /control API answered 400: 'Calls.Nope' is not a calling permission/);
      return true;
    });
  });
});

describe('switchboard world validate', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-validate-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('accepts a valid file and summarises it', async () => {
    await writeFile(join(dir, 'ok.yaml'), `version: 1\nusers:\n  - id: 11111111-1111-4111-8111-111111111111\n    tenantId: ${DEMO.tenantId}\n    displayName: Isaiah\n    userPrincipalName: isaiah@contoso.example\n`);
    const output = await worldValidateOutput(join(dir, 'ok.yaml'));
    assert.equal(output.exitCode, 0);
    assert.match(output.stdout, /ok\.yaml is a valid world file \(mode extend: 0 tenants, 1 user, 0 applications, 0 consents, 0 meetings\)/);
  });

  it('exits 1 listing every problem with its line', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'version: 1\ntenants:\n  - id: nope\n    displayName: X\n    domain: x.example\n    extra: 1\n');
    const program = new Command('switchboard').exitOverride();
    let stderr = '';
    program.configureOutput({ writeErr: (text) => (stderr += text), writeOut: () => undefined });
    registerWorldCommand(program);
    await assert.rejects(program.parseAsync(['world', 'validate', file], { from: 'user' }), (error: unknown) => error instanceof CommanderError && error.exitCode === 1);
    assert.match(stderr, new RegExp(`${file}:3:9 tenants\\[0\\]\\.id: must be a GUID`));
    assert.match(stderr, new RegExp(`${file}:6:5 tenants\\[0\\]\\.extra: unknown key 'extra'`));
  });
});
