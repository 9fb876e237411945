import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expandScenario } from '../../src/simulation/expand-plan.js';
import { loadScenarioFile } from '../../src/simulation/load-scenario.js';
import type { ScenarioPlan } from '../../src/simulation/plan.js';

const DIR = fileURLToPath(new URL('../../../../examples/scenarios/', import.meta.url));
const planOf = async (name: string): Promise<ScenarioPlan> => expandScenario(await loadScenarioFile(`${DIR}${name}`));
const actions = (plan: ScenarioPlan, action: string) => plan.steps.filter((s) => s.step.action === action);

describe('examples/scenarios', () => {
  it('has the three shipped examples, and every file there is valid', async () => {
    const files = (await readdir(DIR)).filter((f) => /\.ya?ml$/.test(f)).sort();
    assert.deepEqual(files, ['standup.yaml', 'support-hotline.yaml', 'town-hall.yaml']);
    for (const file of files) await loadScenarioFile(`${DIR}${file}`);
  });

  it('stand-up: five people, a late one admitted from the lobby, a share, a leave, waiting for the bot first', async () => {
    const plan = await planOf('standup.yaml');
    assert.equal(Object.keys(plan.people).length, 5);
    assert.equal(plan.steps[0]?.step.action, 'waitFor');
    assert.equal(actions(plan, 'join').length, 5);
    assert.deepEqual(actions(plan, 'admit').map((s) => s.person), ['pradeep']);
    assert.equal(actions(plan, 'share').length, 1);
    assert.equal(actions(plan, 'leave').length, 1);
    assert.equal(plan.steps.at(-1)?.step.action, 'endMeeting');
  });

  it('town hall: 300 muted attendees join over a window; the Q&A unmutes and mutes the same attendee each round', async () => {
    const plan = await planOf('town-hall.yaml');
    const crowd = actions(plan, 'join').filter((s) => s.person?.startsWith('attendee '));
    assert.equal(crowd.length, 300);
    assert.ok(crowd.every((s) => s.step.action === 'join' && s.step.muted === true));
    const unmuted = actions(plan, 'unmute').filter((s) => s.person?.startsWith('attendee'));
    const muted = actions(plan, 'mute').filter((s) => s.person?.startsWith('attendee'));
    assert.equal(unmuted.length, 6);
    assert.deepEqual(unmuted.map((s) => s.person), muted.map((s) => s.person));
  });

  it('support hotline: callers call the app, press menu keys and hang up', async () => {
    const plan = await planOf('support-hotline.yaml');
    assert.equal(actions(plan, 'callApp').length, 3);
    assert.ok(actions(plan, 'pressKeys').length >= 3);
    assert.equal(actions(plan, 'hangUp').length, 2);
    assert.equal(Object.keys(plan.meetings).length, 0, 'peer-to-peer calls only');
  });
});
