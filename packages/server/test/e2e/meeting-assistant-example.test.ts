import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { startAssistant, type RunningAssistant } from '../../../../examples/meeting-assistant/assistant.js';
import { configFromEnv } from '../../../../examples/meeting-assistant/config.js';
import { control, followScenario, startScenario, type Control } from '../../../../examples/meeting-assistant/control.js';
import type { JournalKind } from '../../../../examples/meeting-assistant/journal.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SCENARIO = new URL('../../../../examples/meeting-assistant/scenario.yaml', import.meta.url);

interface AudioMatrix {
  participants: { id: string; displayName?: string; hearsHoldMusic?: { byCallId: string } }[];
  audioRoutingGroups: { callId: string; group: { id: string; routingMode: string; sources: string[]; receivers: string[] } }[];
}

/** Polls `probe` until it returns a value (bounded), so roster and media changes that follow an operation can land. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Snapshots of who hears whom, every 100 ms until stopped: the hold lasts only a few seconds of a sped-up clock. */
function sampleAudioMatrix(api: Control, callId: string): { stop(): Promise<AudioMatrix[]> } {
  const snapshots: AudioMatrix[] = [];
  let stopped = false;
  const loop = (async () => {
    for (let i = 0; i < 600 && !stopped; i++) {
      snapshots.push(await control<AudioMatrix>(api, 'GET', `/calls/${callId}/audio-matrix`));
      await sleep(100);
    }
  })();
  const stop = async (): Promise<AudioMatrix[]> => {
    stopped = true;
    await loop;
    return snapshots;
  };
  return { stop };
}

/**
 * Issue 8 item 4: the sample meeting assistant (examples/meeting-assistant) plays its scenario on a
 * sped-up server and does what its README promises, checked through the control API, Graph and
 * its own journal.
 */
describe('examples/meeting-assistant against its scenario', { timeout: 60_000 }, () => {
  let server: TestServer;
  let api: Control;
  let restore: () => void;
  let running: RunningAssistant;
  const lines: string[] = [];

  before(async () => {
    server = await startTestServer({ flags: { timeScale: 3 } });
    restore = server.trustGlobally();
    api = { baseUrl: server.httpsUrl, adminKey: (await readFile(join(server.dataDir, 'admin.key'), 'utf8')).trim() };
  });
  after(async () => {
    await running?.close();
    restore();
    await server.close();
  });

  const entry = (kind: JournalKind, name?: string) => (): true | undefined =>
    running.assistant.journal.of(kind).some((e) => name === undefined || e.name === name) ? true : undefined;
  const roster = () => running.bot.client.participants(running.assistant.callId).list();

  it('tracks everyone, records, notices sharing, mutes on request and holds the late joiner until admitted', async () => {
    const run = await startScenario(api, await readFile(SCENARIO, 'utf8'));
    running = await startAssistant(configFromEnv({ PORT: '0' }, server.httpsUrl), (line) => lines.push(line));
    const sampler = sampleAudioMatrix(api, running.assistant.callId);

    await eventually('the recording status', entry('recording'));
    await eventually("the bot's roster entry showing it records", async () =>
      (await roster()).find((p) => p.id === running.assistant.assistantParticipantId)?.recordingInfo?.recordingStatus === 'recording' || undefined);

    await eventually('Megan muted on request', entry('muted', 'Megan Bowen'));
    await eventually('Megan server-muted in the roster', async () => {
      const megan = (await roster()).find((p) => p.info?.identity?.user?.displayName === 'Megan Bowen');
      return (megan?.isMuted && megan.mediaStreams?.some((s) => s.mediaType === 'audio' && s.serverMuted)) || undefined;
    });

    await eventually('Pradeep held', entry('late-held', 'Pradeep Gupta'));
    await eventually('Pradeep admitted', entry('late-released', 'Pradeep Gupta'));
    const snapshots = [...(await sampler.stop()), await control<AudioMatrix>(api, 'GET', `/calls/${running.assistant.callId}/audio-matrix`)];
    const bot = running.assistant.assistantParticipantId;
    const heldAt = snapshots.findIndex((m) => m.participants.some((p) => p.displayName === 'Pradeep Gupta' && p.hearsHoldMusic?.byCallId === running.assistant.callId));
    assert.ok(heldAt >= 0, 'the late joiner heard hold music from the assistant');
    const pradeep = snapshots[heldAt]!.participants.find((p) => p.displayName === 'Pradeep Gupta')!;
    const group = snapshots[heldAt]!.audioRoutingGroups.find((g) => g.group.receivers.includes(pradeep.id));
    assert.deepEqual([group?.group.routingMode, group?.group.sources, group?.group.receivers], ['oneToOne', [bot], [pradeep.id]], 'in a private audio routing group');
    const releasedAt = snapshots.findIndex((m, i) => i > heldAt && m.participants.some((p) => p.id === pradeep.id && !p.hearsHoldMusic) && m.audioRoutingGroups.length === 0);
    assert.ok(releasedAt > heldAt, 'then hold music stopped and the private group was removed');

    const finished = await followScenario(api, run.id, () => {}, 30_000);
    assert.deepEqual([finished.status, finished.errors], ['completed', 0], JSON.stringify(finished.log.filter((s) => s.outcome === 'error')));
    await eventually('the call ended', entry('meeting-ended'));

    const state = running.state();
    const joined = running.assistant.journal.of('present').map((e) => e.name);
    for (const name of ['Adele Vance', 'Alex Wilber', 'Megan Bowen', 'Pradeep Gupta']) assert.ok(joined.includes(name), `${name} tracked as present`);
    assert.deepEqual(running.assistant.journal.of('left').map((e) => e.name), ['Alex Wilber']);
    assert.ok(running.assistant.journal.of('sharing-started').some((e) => e.name === 'Alex Wilber'), 'Alex sharing noticed from the roster');
    assert.ok(running.assistant.journal.of('sharing-started').some((e) => e.name === undefined), 'content sharing notification received');
    assert.ok(running.assistant.journal.of('sharing-stopped').some((e) => e.name === 'Alex Wilber'));
    assert.deepEqual(running.assistant.journal.of('problem'), [], lines.join('\n'));
    assert.equal(state.recording, 'recording');
    assert.equal(state.callState, 'terminated');
  });

  it('answers its local commands: state, mute by name and admit', async () => {
    const state = (await (await fetch(`${running.url}/state`)).json()) as { callId: string; present: string[] };
    assert.equal(state.callId, running.assistant.callId);
    const unknown = await fetch(`${running.url}/mute?name=Nobody`, { method: 'POST' });
    assert.equal(unknown.status, 409);
    const admitted = (await (await fetch(`${running.url}/admit`, { method: 'POST' })).json()) as { admitted: string | null };
    assert.equal(admitted.admitted, null, 'nobody waits once the meeting is over');
  });
});
