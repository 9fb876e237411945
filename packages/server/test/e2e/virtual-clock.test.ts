import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { KEEPALIVE_TIMEOUT_MS } from '../../src/domain/calls/call-rules.js';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer } from '../helpers/server.js';
import { joinByMeetingId } from './support/bodies.js';
import { harnessFor, type Json } from './support/harness.js';
import { assertCallbacksValid, notificationsFor, waitForDeleted, waitForState } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

interface ClockView {
  now: number;
  iso: string;
  scale: number;
  paused: boolean;
}

describe('e2e: the virtual clock', () => {
  const { e2e } = useMeetingE2e({ endMeetingsAfter: 'all' });
  const clock = () => e2e.control.expect<ClockView>(200, 'GET', '/clock');

  it('paused, a 45-minute advance ends an idle call exactly then: deleted with 408/8537', async () => {
    const rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'established');

    const paused = await e2e.control.expect<ClockView>(200, 'POST', '/clock/pause');
    assert.equal(paused.paused, true);
    assert.equal((await e2e.graph.request('POST', `/communications/calls/${callId}/keepAlive`)).status, 200);
    await sleep(100);
    assert.equal((await clock()).now, paused.now, 'time stands still while paused, though requests work');

    await e2e.control.expect(200, 'POST', '/clock/advance', { ms: KEEPALIVE_TIMEOUT_MS - 1 });
    assert.equal((await e2e.graph.request<Json>('GET', `/communications/calls/${callId}`)).body.state, 'established', 'one millisecond early');
    const advanced = await e2e.control.expect<ClockView>(200, 'POST', '/clock/advance', { ms: 1 });
    assert.equal(advanced.now, paused.now + KEEPALIVE_TIMEOUT_MS);

    const deleted = await waitForDeleted(rx, callId, 5000);
    assert.deepEqual(deleted.resultInfo, { '@odata.type': '#microsoft.graph.resultInfo', code: 408, subcode: 8537, message: 'Keep Alive timeout, cleaned up inactive call.' });
    assert.equal(Number(deleted.callback.claims?.iat), Math.floor(advanced.now / 1000), 'signed at the advanced time');
    assert.equal(notificationsFor(rx, callId).filter((n) => n.changeType === 'deleted').length, 1);
    assertCallbacksValid(rx, { appId: DEMO.appId, tenantId: DEMO.tenantId });
    assert.equal((await e2e.control.expect<ClockView>(200, 'POST', '/clock/resume')).paused, false);
  });

  it('advance wakes server-side waiters (scenario steps, fault delays) in time order before it answers', async () => {
    const time = e2e.server.deps.services.time;
    const start = (await e2e.control.expect<ClockView>(200, 'POST', '/clock/pause')).now;
    const woke: string[] = [];
    const wait = (name: string, minutes: number) => void time.waitUntil(start + minutes * 60_000).then(() => woke.push(`${name}@${(time.now() - start) / 60_000}`));
    wait('third', 30);
    wait('first', 10);
    wait('second', 20);
    await e2e.control.expect(200, 'POST', '/clock/advance', { ms: 25 * 60_000 });
    assert.deepEqual(woke, ['first@10', 'second@20'], 'each at its own time, and only those due');
    await e2e.control.expect(200, 'POST', '/clock/advance', { ms: 5 * 60_000 });
    assert.deepEqual(woke, ['first@10', 'second@20', 'third@30']);
    await e2e.control.expect(200, 'POST', '/clock/resume');
  });

  it('a call created while paused stays establishing until advance 0 runs what is due', async () => {
    await e2e.control.expect(200, 'POST', '/clock/pause');
    const rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    const callId = String(created.body.id);
    await sleep(300);
    assert.equal((await e2e.graph.request<Json>('GET', `/communications/calls/${callId}`)).body.state, 'establishing', 'no timer fires while paused');
    await e2e.control.expect(200, 'POST', '/clock/advance', { ms: 0 });
    assert.equal((await e2e.graph.request<Json>('GET', `/communications/calls/${callId}`)).body.state, 'established');
    await waitForState(rx, callId, 'established');
    await e2e.control.expect(200, 'POST', '/clock/resume');
  });

  it('changes its speed at run time', async () => {
    const before = await e2e.control.expect<ClockView>(200, 'POST', '/clock/scale', { scale: 1000 });
    assert.equal(before.scale, 1000);
    await sleep(50);
    const moved = (await clock()).now - before.now;
    assert.ok(moved >= 40_000, `50 real ms at 1000× moved the clock ${moved} ms`);
    assert.equal((await e2e.control.expect<ClockView>(200, 'POST', '/clock/scale', { scale: 1 })).scale, 1);
  });

  it('answers 400 naming the field for a negative advance or a zero scale', async () => {
    const advance = await e2e.control.request<{ error: { message: string } }>('POST', '/clock/advance', { ms: -5 });
    assert.equal(advance.status, 400);
    assert.match(advance.body.error.message, /ms/);
    assert.equal((await e2e.control.request('POST', '/clock/scale', { scale: 0 })).status, 400);
  });
});

describe('e2e: virtual time survives a restart', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('a restarted server on the same data directory continues the stored time line', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-clock-'));
    dirs.push(dataDir);
    const first = harnessFor(await startTestServer({ inMemory: false, dataDir, flags: { latency: 'instant' } }));
    await first.control.expect(200, 'POST', '/clock/pause');
    const advanced = await first.control.expect<ClockView>(200, 'POST', '/clock/advance', { ms: 3 * 24 * 3600_000 });
    await first.close();

    const second = harnessFor(await startTestServer({ inMemory: false, dataDir, flags: { latency: 'instant' } }));
    try {
      const restored = await second.control.expect<ClockView>(200, 'GET', '/clock');
      assert.deepEqual(restored, advanced, 'three days ahead and still paused');
      await second.control.expect(200, 'POST', '/clock/resume');
      await sleep(20);
      assert.ok((await second.control.expect<ClockView>(200, 'GET', '/clock')).now > advanced.now);
    } finally {
      await second.close();
    }
  });
});
