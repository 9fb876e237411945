import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { RunView } from '../../src/simulation/run-log.js';
import { DEMO } from '../../src/world/demo-world.js';
import { joinByMeetingId } from './support/bodies.js';
import { isRoster, notificationsFor, waitForDeleted, waitForState, type Notice } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const STANDUP_FILE = new URL('../../../../examples/scenarios/standup.yaml', import.meta.url);
const NAMES = new Map<string, string>([...Object.entries(DEMO.users).map(([key, user]) => [user.id, key] as [string, string]), [DEMO.appId, 'bot']]);

/** A roster notification as a line: who changed and how, without ids that differ between runs. */
const describeRoster = (n: Notice): string[] =>
  (n.participants ?? []).map((p) => `${n.changeType} ${NAMES.get(p.identityId) ?? p.identityKind}${p.isMuted ? ' muted' : ''}${p.isInLobby ? ' lobby' : ''}`);

/**
 * Issue 6: a scenario runs alongside a bot under test. The stand-up example starts before the
 * bot, waits until the bot is in the meeting, then plays its people; the bot hears each change
 * as a roster notification, and the same seed replays the same sequence.
 */
describe('e2e: the stand-up scenario alongside a bot', () => {
  const { e2e } = useMeetingE2e({ flags: { timeScale: 20 } });

  async function waitUntilDone(id: string): Promise<RunView> {
    for (let i = 0; i < 150; i++) {
      const run = await e2e.control.expect<RunView>(200, 'GET', `/scenarios/${id}`);
      if (run.status !== 'running') return run;
      await sleep(100);
    }
    assert.fail(`scenario run ${id} did not finish in 15 s`);
  }

  async function playStandup(seed: number): Promise<{ roster: string[]; run: RunView }> {
    const yaml = await readFile(STANDUP_FILE, 'utf8');
    const started = await e2e.control.expect<RunView>(201, 'POST', `/scenarios?seed=${seed}`, { yaml });
    assert.equal(started.status, 'running');
    const rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'established');
    const run = await waitUntilDone(started.id);
    const ended = await waitForDeleted(rx, callId, 10_000);
    assert.deepEqual([ended.resultInfo?.code, ended.resultInfo?.subcode], [200, 5003], 'the organizer ended the meeting');
    // The roster snapshot a leg gets once established lists the bot itself, and whoever already
    // joined by then (how many depends on timing): keep only the change notifications.
    const changes = notificationsFor(rx, callId).filter((n) => isRoster(n) && !n.participants?.some((p) => p.identityId === DEMO.appId));
    return { run, roster: changes.flatMap(describeRoster) };
  }

  it('plays every step after the bot joined; the bot hears the roster changes in order; same seed, same sequence twice', async () => {
    const first = await playStandup(11);
    assert.equal(first.run.status, 'completed');
    assert.deepEqual(first.run.log.filter((r) => r.outcome === 'error').map((r) => `${r.action}: ${r.detail}`), []);
    assert.equal(first.run.log.length, first.run.planned);
    const changes = first.roster.filter((line) => !line.includes(' bot'));
    assert.deepEqual(changes, [
      'updated adele',
      'updated alex',
      'updated megan muted',
      'updated diego',
      'updated adele', // shares her screen
      'updated pradeep lobby',
      'updated pradeep', // admitted
      'updated megan', // unmutes
      'updated adele', // stops sharing
      'deleted diego',
    ]);
    const second = await playStandup(11);
    assert.deepEqual(second.roster, first.roster);
    assert.deepEqual(second.run.log.map((r) => [r.seq, r.action, r.person, r.outcome]), first.run.log.map((r) => [r.seq, r.action, r.person, r.outcome]));
  });
});
