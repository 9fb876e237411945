import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../helpers/server.js';

const run = promisify(execFile);
const example = new URL('../../../../examples/first-bot/bot.ts', import.meta.url).pathname;

/** The README's "your first bot" walkthrough runs as written (realistic latency, real process, NODE_EXTRA_CA_CERTS). */
describe('examples/first-bot', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer({ inMemory: true, flags: { latency: 'realistic' } })));
  after(() => server.close());

  it('joins the stand-up, sees Adele join, hangs up and gets 200/5001', async () => {
    const env = { ...process.env, SWITCHBOARD_URL: server.httpsUrl, SWITCHBOARD_DATA: server.dataDir, NODE_EXTRA_CA_CERTS: join(server.dataDir, 'ca.pem') };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', example], { env, timeout: 30_000 });
    assert.match(stdout, /→ joined: call [0-9a-f-]{36}, state establishing/);
    assert.match(stdout, /← updated \/communications\/calls\/[0-9a-f-]{36} established/);
    assert.match(stdout, /→ roster: Switchboard Demo Bot, Adele Vance/);
    assert.match(stdout, /← deleted \/communications\/calls\/[0-9a-f-]{36} terminated 200\/5001/);
    assert.doesNotMatch(stdout, /rejected a callback/);
  });
});
