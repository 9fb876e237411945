import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clockOutput, parseDuration } from '../../src/cli/commands/clock.js';
import { exportOutput, importOutput, resetOutput } from '../../src/cli/commands/state.js';
import { buildProgram } from '../../src/cli/main.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('switchboard clock / export / import / reset (CLI)', () => {
  let server: TestServer;
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-cli-'));
    server = await startTestServer({ inMemory: true, dataDir });
  });
  after(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('registers its commands', () => {
    const names = buildProgram().commands.map((command) => command.name());
    for (const name of ['clock', 'export', 'import', 'reset']) assert.ok(names.includes(name), name);
  });

  it('parses durations and refuses what is not one', () => {
    assert.equal(parseDuration('45m'), 45 * 60_000);
    assert.equal(parseDuration('1h30m'), 90 * 60_000);
    assert.equal(parseDuration('250ms'), 250);
    assert.equal(parseDuration('1500'), 1500);
    assert.throws(() => parseDuration('45 minutes'), /not a duration/);
    assert.throws(() => parseDuration('m'), /not a duration/);
  });

  it('pauses, advances by a duration and resumes the running server', async () => {
    const paused = await clockOutput(dataDir, 'pause');
    assert.match(paused.stdout, /\(paused\)/);
    const before = server.deps.clock.now();
    await clockOutput(dataDir, 'advance', '1h30m');
    assert.equal(server.deps.clock.now(), before + 90 * 60_000);
    assert.match((await clockOutput(dataDir, 'scale', '2')).stdout, /paused/);
    assert.match((await clockOutput(dataDir, 'resume')).stdout, /running at 2×/);
    await clockOutput(dataDir, 'scale', '1');
    await assert.rejects(clockOutput(dataDir, 'rewind'), /unknown clock action/);
  });

  it('exports to a file, resets, and imports the file back', async () => {
    const file = join(dataDir, 'state.json');
    assert.match((await exportOutput(dataDir, file)).stdout, /exported to/);
    const exported = JSON.parse(await readFile(file, 'utf8')) as { format: string; documents: unknown[] };
    assert.equal(exported.format, 'switchboard-export');
    assert.match((await resetOutput(dataDir)).stdout, /^\[switchboard\] reset: \d+ documents/);
    assert.match((await importOutput(dataDir, file)).stdout, new RegExp(`imported .*: ${exported.documents.length} documents`));
  });
});
