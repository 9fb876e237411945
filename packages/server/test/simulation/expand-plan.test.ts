import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandScenario } from '../../src/simulation/expand-plan.js';
import { parseScenarioText } from '../../src/simulation/load-scenario.js';

const TOWN = `name: crowd
seed: 11
meeting: townHall
people: { host: adele }
timeline:
  - { at: 0s, action: join, person: host }
  - { from: 10s, to: 70s, action: crowd, count: 40, muted: true }
  - at: 80s
    repeat: { times: 3, every: 20s }
    steps:
      - { action: unmute, pick: crowd }
      - { at: 15s, action: mute, pick: crowd }
  - { at: 90s, action: endMeeting }
`;

const summary = (seed?: number) =>
  expandScenario(parseScenarioText(TOWN), seed === undefined ? {} : { seed }).steps.map((s) => `${s.at} ${s.step.action} ${s.person ?? ''}`);

describe('expanding a scenario into its plan', () => {
  it('gives the same plan for the same seed, twice', () => {
    assert.deepEqual(summary(), summary());
    assert.deepEqual(summary(5), summary(5));
  });

  it('gives another plan for another seed', () => {
    assert.notDeepEqual(summary(5), summary(6));
  });

  it('spreads a crowd over its window, numbered in join order', () => {
    const plan = expandScenario(parseScenarioText(TOWN));
    const joins = plan.steps.filter((s) => s.step.action === 'join' && s.person?.startsWith('crowd'));
    assert.equal(joins.length, 40);
    assert.ok(joins.every((s) => s.at >= 10_000 && s.at <= 70_000));
    assert.deepEqual(joins.map((s) => s.person), Array.from({ length: 40 }, (_, i) => `crowd ${i + 1}`));
    assert.deepEqual(plan.people['crowd 7'], { kind: 'guest', displayName: 'Crowd 7' });
    assert.ok(joins.every((s) => s.step.action === 'join' && s.step.muted === true));
  });

  it('unrolls repeat rounds relative to each round and sorts the whole plan by time', () => {
    const plan = expandScenario(parseScenarioText(TOWN));
    const rounds = plan.steps.filter((s) => s.source.startsWith('timeline[2]'));
    assert.deepEqual(rounds.map((s) => [s.at, s.step.action]), [[80_000, 'unmute'], [95_000, 'mute'], [100_000, 'unmute'], [115_000, 'mute'], [120_000, 'unmute'], [135_000, 'mute']]);
    assert.deepEqual(plan.steps.map((s) => s.seq), plan.steps.map((_, i) => i + 1));
    assert.ok(plan.steps.every((s, i) => i === 0 || (plan.steps[i - 1]?.at ?? 0) <= s.at));
    assert.ok(rounds.every((s) => /^crowd \d+$/.test(s.person ?? '')), 'every pick found a crowd member');
    for (let r = 0; r < 3; r++) assert.equal(rounds[2 * r]?.person, rounds[2 * r + 1]?.person, 'one member per round: who unmutes mutes again');
  });

  it('keeps steps at the same time in file order', () => {
    const plan = expandScenario(parseScenarioText('name: x\nmeeting: standup\npeople: { a: alex, b: diego }\ntimeline:\n  - { at: 1s, action: join, person: b }\n  - { at: 1s, action: join, person: a }\n  - { at: 0s, action: leave, person: a }\n'));
    assert.deepEqual(plan.steps.map((s) => `${s.step.action} ${s.person}`), ['leave a', 'join b', 'join a']);
  });

  it('leaves a pick unresolved when nobody of the group has joined yet', () => {
    const plan = expandScenario(parseScenarioText('name: x\nmeeting: standup\ntimeline:\n  - { at: 0s, action: unmute, pick: crowd }\n  - { from: 5s, to: 6s, action: crowd, count: 2 }\n'));
    assert.equal(plan.steps[0]?.person, undefined);
  });
});
