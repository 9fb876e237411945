import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadScenarioFile, parseScenarioText } from '../../src/simulation/load-scenario.js';
import { ScenarioRunner } from '../../src/simulation/scenario-runner.js';
import { DEMO } from '../../src/world/demo-world.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { callUsersCommand, demoBot } from '../calls/call-kit.js';
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

/** The test app allows callbacks to loopback hosts only; nothing is delivered in these tests. */
const LOOPBACK = { callbackUri: 'https://127.0.0.1:9/callback' };

/** Megan, called by the demo bot, answers or declines at once. */
const PERSON_ACTS = (action: 'answer' | 'decline') => `name: megan ${action}s
people:
  megan: megan
timeline:
  - { action: ${action}, person: megan }
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

  it('answers and declines an app call the moment it is placed, before the establish step rang it', async () => {
    const { calls, people, worldService } = t.deps.services;
    await worldService.updateUser(DEMO.users.megan.id, { answerMode: 'manual' });
    const declined = await calls.createCall(demoBot, callUsersCommand([DEMO.users.megan.id], LOOPBACK));
    const first = t.deps.services.scenarios.start(parseScenarioText(PERSON_ACTS('decline')));
    await first.finished;
    assert.deepEqual(first.log.map((r) => [r.action, r.outcome]), [['decline', 'ok']]);
    assert.deepEqual([(await people.getCall(declined.id)).state, (await people.getCall(declined.id)).resultInfo?.code], ['terminated', 480]);
    const answered = await calls.createCall(demoBot, callUsersCommand([DEMO.users.megan.id], LOOPBACK));
    const second = t.deps.services.scenarios.start(parseScenarioText(PERSON_ACTS('answer')));
    await second.finished;
    assert.deepEqual(second.log.map((r) => [r.action, r.outcome]), [['answer', 'ok']]);
    assert.equal((await people.getCall(answered.id)).peerRing?.answered, true);
  });
});
