import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScenarioData, parseScenarioText } from '../../src/simulation/load-scenario.js';
import { ScenarioFileError } from '../../src/simulation/scenario-file-error.js';
import { DEMO } from '../../src/world/demo-world.js';

const VALID = `name: Morning
seed: 7
meeting: standup
people:
  alex: alex
  kim: { guest: Kim Abercrombie }
  dialIn: { phone: "+14255550100" }
  byId: { user: ${DEMO.users.megan.id} }
timeline:
  - { at: 0s, action: join, person: alex }
  - { at: 1m30s, action: join, person: kim, muted: true }
  - { from: 10s, to: 20s, action: crowd, count: 5, group: fans }
  - { at: 30s, action: unmute, pick: fans }
  - { at: 31s, action: mute, person: fans 5 }
  - at: 40s
    repeat: { times: 3, every: 5s }
    steps:
      - { action: pressKeys, person: dialIn, keys: "1#" }
  - { at: 90s, action: endMeeting }
`;

function problemsOf(text: string): string[] {
  try {
    parseScenarioText(text, 'scenario.yaml');
  } catch (error) {
    assert.ok(error instanceof ScenarioFileError, String(error));
    return error.problems.map((p) => `${p.line}:${p.col} ${p.path}: ${p.message}`);
  }
  assert.fail('the scenario was accepted');
}

describe('loading scenario files', () => {
  it('resolves demo keys and ids and converts durations to milliseconds', () => {
    const scenario = parseScenarioText(VALID, 'scenario.yaml');
    assert.equal(scenario.meetings.standup, DEMO.meetings.standup.id);
    assert.deepEqual(scenario.people.alex, { kind: 'user', userId: DEMO.users.alex.id });
    assert.deepEqual(scenario.people.byId, { kind: 'user', userId: DEMO.users.megan.id });
    assert.deepEqual(scenario.people.dialIn, { kind: 'phone', number: '+14255550100' });
    assert.deepEqual(scenario.timeline[1], { at: 90_000, action: 'join', person: 'kim', muted: true });
  });

  it('points at the line and column of an unknown person', () => {
    const text = VALID.replace('action: mute, person: fans 5', 'action: mute, person: bobb');
    assert.deepEqual(problemsOf(text), ['14:38 timeline[4].person: unknown person "bobb" (known: alex, kim, dialIn, byId)']);
  });

  it('names unknown world keys, crowd groups and crowd members beyond the count', () => {
    const text = VALID.replace('  alex: alex', '  alex: alexx').replace('pick: fans', 'pick: fanz').replace('person: fans 5', 'person: fans 6');
    const problems = problemsOf(text);
    assert.equal(problems.length, 3);
    assert.match(problems[0] ?? '', /^5:9 people\.alex: unknown user "alexx" \(demo users: adele, alex/);
    assert.match(problems[1] ?? '', /^13:38 timeline\[3\]\.pick: unknown crowd group "fanz" \(known: fans\)/);
    assert.match(problems[2] ?? '', /^14:38 timeline\[4\]\.person: unknown person "fans 6"/);
  });

  it('says which action is unknown and which keys an action takes', () => {
    const problems = problemsOf(VALID.replace('action: join, person: alex', 'action: jion, person: alex').replace('muted: true', 'mutd: true'));
    assert.match(problems[0] ?? '', /^10:23 timeline\[0\]\.action: unknown action "jion" \(one of: join, leave,/);
    assert.match(problems[1] ?? '', /^11:45 timeline\[1\]\.mutd: unknown key 'mutd' for join \(allowed: action, at, note, person, pick, meeting, muted, video\)/);
  });

  it('reports bad durations inside repeat blocks and YAML syntax errors with positions', () => {
    assert.deepEqual(problemsOf(VALID.replace('every: 5s', 'every: 5 seconds')), ['16:32 timeline[5].repeat.every: expected a duration like 500ms, 2s, 1m30s or 1h']);
    assert.match(problemsOf('name: x\ntimeline: [\n')[0] ?? '', /^3:1 \(root\): YAML syntax/);
  });

  it('says what a person entry may be', () => {
    assert.deepEqual(problemsOf('name: x\npeople:\n  a: { gust: Kim }\ntimeline:\n  - { action: wait, for: 1s }\n'), [
      '3:6 people.a: expected a user (a demo key like alex, or a user id), { user: <key or id> }, { guest: <display name> } or { phone: <+number> }',
    ]);
  });

  it('needs a meeting for meeting actions and a person for person actions', () => {
    const problems = problemsOf('name: x\ntimeline:\n  - { action: endMeeting }\n  - { action: mute }\n');
    assert.deepEqual(problems, [
      '3:15 timeline[0].action: endMeeting needs a meeting: add `meeting: standup` (a demo key or an id) at the top',
      '4:15 timeline[1].action: mute needs a person (or pick: <crowd group>)',
    ]);
  });

  it('validates JSON bodies the same way, naming paths', () => {
    assert.throws(() => parseScenarioData({ name: 'x', meeting: 'standup', timeline: [{ action: 'leave', person: 'ghost' }] }), /timeline\[0\]\.person: unknown person "ghost"/);
    assert.equal(parseScenarioData({ name: 'x', meeting: 'townHall', timeline: [{ action: 'endMeeting', at: 5 }] }).timeline[0]?.at, 5000);
  });
});
