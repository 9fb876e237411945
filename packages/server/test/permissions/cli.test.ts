import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Command, CommanderError } from 'commander';
import { permissionsOutput, registerPermissionsCommand } from '../../src/cli/commands/permissions.js';

function program(): { program: Command; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const root = new Command('switchboard').exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  registerPermissionsCommand(root);
  return { program: root, out, err };
}

describe('switchboard permissions', () => {
  it('lists every permission with kind, id, display string and method count', () => {
    const { exitCode, stdout } = permissionsOutput(undefined);
    assert.equal(exitCode, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 8);
    assert.match(lines[0] ?? '', /^NAME\s+KIND\s+ID\s+METHODS\s+DISPLAY STRING$/);
    assert.match(stdout, /^Calls\.JoinGroupCalls\.Chat\s+rsc\s+\(none published\)\s+\d+\s+Join calls/m);
    assert.match(stdout, /^Calls\.Initiate\.All\s+application\s+284383ee-7f6e-4e40-a2a8-e85dcb029101\s+\d+\s+Initiate outgoing 1:1 calls/m);
  });

  it('prints JSON with --json', () => {
    const list = JSON.parse(permissionsOutput(undefined, { json: true }).stdout) as { name: string; methodCount: number }[];
    assert.equal(list.length, 7);
    const page = JSON.parse(permissionsOutput('Calls.AccessMedia.All', { json: true }).stdout) as { name: string; rows: unknown[] };
    assert.equal(page.name, 'Calls.AccessMedia.All');
    assert.ok(page.rows.length > 0);
  });

  it('renders one page, name matched case-insensitively', () => {
    const { exitCode, stdout } = permissionsOutput('calls.joingroupcallasguest.all');
    assert.equal(exitCode, 0);
    assert.match(stdout, /^# Calls\.JoinGroupCallAsGuest\.All$/m);
    assert.match(stdout, /^\|V1\|A\|DELETE \/communications\/calls\/\{id\}\/participants\/\{id\}\|$/m);
  });

  it('fails with exit code 1 and the valid names for an unknown permission', () => {
    const { exitCode, stdout, stderr } = permissionsOutput('Calls.Nope');
    assert.equal(exitCode, 1);
    assert.equal(stdout, '');
    for (const name of ['Calls.Initiate.All', 'Calls.JoinGroupCalls.Chat', 'Calls.AccessMedia.Chat']) assert.ok(stderr.includes(name), name);
  });

  it('is wired into commander: page on stdout, unknown name exits 1', async () => {
    const ok = program();
    await ok.program.parseAsync(['permissions', 'Calls.Initiate.All'], { from: 'user' });
    assert.match(ok.out.join(''), /^# Calls\.Initiate\.All$/m);

    const bad = program();
    await assert.rejects(bad.program.parseAsync(['permissions', 'nope'], { from: 'user' }), (error: unknown) => error instanceof CommanderError && error.exitCode === 1);
    assert.match(bad.err.join(''), /unknown permission 'nope'; valid names: Calls\.Initiate\.All/);
  });
});
