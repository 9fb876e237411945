import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScenarioText } from '../../src/simulation/load-scenario.js';
import { ScenarioRunner } from '../../src/simulation/scenario-runner.js';
import { DEMO } from '../../src/world/demo-world.js';
import { fakeServices } from './fakes.js';

const STANDUP = `name: stand-up
seed: 3
meeting: standup
people: { adele: adele, alex: alex, kim: { guest: Kim } }
timeline:
  - { at: 0s, action: waitFor, condition: appInMeeting, timeout: 1m }
  - { at: 0s, action: join, person: adele }
  - { at: 2s, action: join, person: alex, muted: true }
  - { at: 3s, action: join, person: kim }
  - { at: 4s, action: admit, person: kim }
  - { from: 5s, to: 9s, action: crowd, count: 3 }
  - { at: 10s, action: unmute, pick: crowd }
  - { at: 11s, action: share, person: alex }
  - { at: 12s, action: wait, for: 5s }
  - { at: 13s, action: leave, person: alex }
  - { at: 20s, action: endMeeting }
`;

async function play(text: string, options: Parameters<typeof fakeServices>[0] = {}, seed?: number) {
  const fake = fakeServices(options);
  const run = new ScenarioRunner(fake.services).start(parseScenarioText(text), seed === undefined ? {} : { seed });
  await run.finished;
  return { run, actions: fake.actions };
}

describe('running a scenario', () => {
  it('performs the plan in order, in clock time, after the bot joined', async () => {
    const { run, actions } = await play(STANDUP, { appJoinsAt: 7_000 });
    assert.equal(run.status, 'completed');
    assert.deepEqual(actions.slice(0, 4), [`7000 join ${DEMO.users.adele.id}`, `9000 join ${DEMO.users.alex.id}`, '10000 join Kim', '11000 admit Kim']);
    assert.deepEqual(actions.slice(-3).map((a) => a.replace(/ \S+$/, '')), ['18000 share', '25000 leave', '32000 endMeeting']);
    const waited = run.log[0];
    assert.equal(waited?.action, 'waitFor');
    assert.equal(waited?.outcome, 'ok');
    assert.equal(run.log.at(-1)?.plannedMs, 20_000);
    assert.equal(run.log.at(-1)?.ranMs, 32_000, 'the 7 s wait for the bot and the 5 s pause move the end');
  });

  it('replays the same sequence of actions for the same seed, twice', async () => {
    const first = await play(STANDUP, { appJoinsAt: 0 }, 42);
    const second = await play(STANDUP, { appJoinsAt: 0 }, 42);
    assert.deepEqual(first.actions, second.actions);
    assert.deepEqual(first.run.log.map((r) => [r.seq, r.action, r.person, r.ranMs]), second.run.log.map((r) => [r.seq, r.action, r.person, r.ranMs]));
  });

  it('logs a failing step with its catalogue id and goes on', async () => {
    const { run } = await play('name: x\nmeeting: standup\npeople: { a: alex }\ntimeline:\n  - { at: 1s, action: mute, person: a }\n  - { at: 2s, action: remove, person: a }\n  - { at: 3s, action: join, person: a }\n');
    assert.equal(run.status, 'completed');
    assert.deepEqual(run.log.map((r) => [r.action, r.outcome, r.errorId]), [['mute', 'error', 'scenarioPersonAbsent'], ['remove', 'error', 'scenarioPersonAbsent'], ['join', 'ok', undefined]]);
    assert.equal(run.summary().errors, 2);
  });

  it('fails a waitFor that times out, moving the timeline by the timeout', async () => {
    const { run } = await play('name: x\nmeeting: standup\npeople: { a: alex }\ntimeline:\n  - { action: waitFor, condition: appInMeeting, timeout: 2s }\n  - { at: 1s, action: join, person: a }\n');
    assert.deepEqual(run.log.map((r) => [r.action, r.outcome, r.errorId ?? '']), [['waitFor', 'error', 'scenarioWaitTimedOut'], ['join', 'ok', '']]);
    assert.equal(run.log[1]?.ranMs, 3_000);
  });

  it('stops a run on request; several runs live side by side by id', async () => {
    const fake = fakeServices();
    const runner = new ScenarioRunner(fake.services);
    const blocked = parseScenarioText('name: x\nmeeting: standup\ntimeline:\n  - { action: waitFor, condition: appInMeeting, timeout: 1h }\n');
    const [one, two] = [runner.start(blocked), runner.start(blocked)];
    assert.notEqual(one.id, two.id);
    assert.deepEqual(runner.list().map((r) => r.status), ['running', 'running']);
    const stopped = await runner.stop(one.id);
    assert.equal(stopped.status, 'stopped');
    assert.equal(runner.get(two.id).status, 'running');
    await runner.stopAll();
    assert.equal(runner.get(two.id).status, 'stopped');
    assert.throws(() => runner.get('nope'), /There is no scenario run 'nope'/);
  });

  it('presses keys on a peer-to-peer call and hangs up', async () => {
    const { run, actions } = await play('name: x\npeople: { c: diego }\ntimeline:\n  - { action: callApp, person: c }\n  - { at: 1s, action: pressKeys, person: c, keys: "2#" }\n  - { at: 2s, action: hangUp, person: c }\n');
    assert.deepEqual(run.log.map((r) => r.outcome), ['ok', 'ok', 'ok']);
    assert.deepEqual(actions.map((a) => a.replace(/call-\S+/, 'call')), ['1000 pressKeys tone2,pound call', '2000 hangUp call']);
  });
});
