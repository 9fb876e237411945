import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadScenarioFile, parseScenarioText } from '../../src/simulation/load-scenario.js';
import { ScenarioRunner } from '../../src/simulation/scenario-runner.js';
import { DEMO } from '../../src/world/demo-world.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { JumpingClock } from './fakes.js';

/** Every step at 0s: the test app's clock stands still, so the run goes straight through. */
const SCENARIO = `name: every meeting action
meeting: partnerSync
people:
  pradeep: pradeep
  lidia: lidia
  alex: alex
  kim: { guest: Kim }
  dialIn: { phone: "+14255550100" }
timeline:
  - { action: join, person: pradeep }
  - { action: join, person: lidia, muted: true }
  - { action: admit, person: lidia }
  - { action: join, person: dialIn }
  - { action: join, person: kim }
  - { action: deny, person: kim }
  - { action: join, person: alex }
  - { action: admit, person: alex }
  - { action: unmute, person: lidia }
  - { action: video, person: lidia }
  - { action: video, person: lidia, on: false }
  - { action: speak, person: lidia }
  - { action: share, person: pradeep }
  - { action: unshare, person: pradeep }
  - { action: hold, person: lidia }
  - { action: resume, person: lidia }
  - { action: pressKeys, person: dialIn, keys: "1*" }
  - { action: mute, person: lidia }
  - { action: remove, person: alex }
  - { action: leave, person: dialIn }
  - { action: endMeeting }
`;

describe('scenario actions against the real people services', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(async () => t.close());

  it('runs every meeting action without an error', async () => {
    const run = t.deps.services.scenarios.start(parseScenarioText(SCENARIO));
    await run.finished;
    assert.equal(run.status, 'completed');
    assert.deepEqual(run.log.filter((r) => r.outcome === 'error').map((r) => `#${r.seq} ${r.action} ${r.person ?? ''}: ${r.detail}`), []);
    assert.equal(run.log.length, 21);
    const roster = await t.deps.services.people.roster(DEMO.meetings.partnerSync.id);
    assert.deepEqual(roster.participants, [], 'the organizer ended the meeting');
  });

  it('plays the town-hall example: 300 attendees, the Q&A, the end', async () => {
    const { people, features, media } = t.deps.services;
    const fallbacks = { shareScreen: features.shareScreen.bind(features), stopScreenSharing: features.stopScreenSharing.bind(features), pressKeys: media.pressKeys.bind(media), pressKeysOnCall: media.pressKeysOnCall.bind(media) };
    const runner = new ScenarioRunner({ people, fallbacks, time: new JumpingClock() });
    const file = await loadScenarioFile(new URL('../../../../examples/scenarios/town-hall.yaml', import.meta.url).pathname);
    const run = runner.start({ ...file, timeline: file.timeline.filter((step) => !('action' in step) || step.action !== 'waitFor') });
    await run.finished;
    assert.deepEqual(run.log.filter((r) => r.outcome === 'error').map((r) => `#${r.seq} ${r.action} ${r.person ?? ''}: ${r.detail}`), []);
    assert.equal(run.log.filter((r) => r.action === 'join' && r.outcome === 'ok').length, 303);
    assert.equal(run.log.at(-1)?.action, 'endMeeting');
  });
});
