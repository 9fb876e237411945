import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { startTestServer } from '../helpers/server.js';
import { createTestDatabase, unreachableReason, type TestDatabase } from '../storage/postgres-server.js';
import { harnessFor, type E2e } from './support/harness.js';

interface ClockView {
  now: number;
  scale: number;
  paused: boolean;
}

/** Two nodes on one PostgreSQL database share one time line (docs/time.md, "several nodes"). */
describe('e2e: the virtual clock on several nodes', { skip: await unreachableReason() }, () => {
  let database: TestDatabase;
  let nodes: E2e[] = [];
  before(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) nodes.push(harnessFor(await startTestServer({ inMemory: false, flags: { database: database.url, latency: 'instant' } })));
  });
  after(async () => {
    for (const node of nodes) await node.close();
    nodes = [];
    await database?.drop();
  });

  async function eventually(node: E2e, check: (view: ClockView) => boolean): Promise<ClockView> {
    for (let i = 0; i < 60; i++) {
      const view = await node.control.expect<ClockView>(200, 'GET', '/clock');
      if (check(view)) return view;
      await sleep(100);
    }
    assert.fail('the other node never adopted the change');
  }

  it('a pause, an advance and a scale change on one node reach the other within seconds', async () => {
    const [a, b] = nodes as [E2e, E2e];
    await a.control.expect(200, 'POST', '/clock/pause');
    const advanced = await a.control.expect<ClockView>(200, 'POST', '/clock/advance', { ms: 3_600_000 });
    const seen = await eventually(b, (view) => view.paused && view.now === advanced.now);
    assert.equal(seen.now, advanced.now);
    await a.control.expect(200, 'POST', '/clock/scale', { scale: 5 });
    await a.control.expect(200, 'POST', '/clock/resume');
    const running = await eventually(b, (view) => !view.paused && view.scale === 5);
    assert.ok(running.now >= advanced.now);
  });
});
