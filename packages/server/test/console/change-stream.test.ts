/**
 * /_switchboard/events: the console's live feed (Server-Sent Events). Needs the admin key;
 * a person joining a meeting produces one `change` event naming what changed; closing the
 * server ends open streams instead of hanging.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { request } from 'undici';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer } from '../helpers/server.js';
import { harnessFor } from '../e2e/support/harness.js';
import { people } from '../e2e/support/people.js';

describe('console: change stream', () => {
  it('refuses a request without the admin key', async () => {
    const server = await startTestServer();
    try {
      const response = await request(`${server.httpsUrl}/_switchboard/events`, { dispatcher: server.dispatcher });
      assert.equal(response.statusCode, 401);
      await response.body.dump();
    } finally {
      await server.close();
    }
  });

  it('sends a change event when a person joins, and ends when the server closes', async () => {
    const e2e = harnessFor(await startTestServer());
    const response = await request(`${e2e.server.httpsUrl}/_switchboard/events`, { dispatcher: e2e.server.dispatcher, headers: { authorization: `Bearer ${e2e.server.deps.adminKey}` } });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/event-stream/);
    const chunks: string[] = [];
    const ended = (async () => {
      for await (const chunk of response.body) chunks.push(String(chunk));
    })();
    await people(e2e.control).join(DEMO.meetings.standup.id, { userId: DEMO.users.alex.id });
    const deadline = Date.now() + 5000;
    while (!chunks.join('').includes('event: change') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const text = chunks.join('');
    assert.match(text, /event: ready/);
    const change = /event: change\ndata: (.+)\n/.exec(text);
    assert.ok(change, `a change event arrived: ${text}`);
    assert.ok((JSON.parse(change[1]!) as { topics: string[] }).topics.includes('conference'), change[1]);
    await e2e.close();
    await ended;
  });
});
