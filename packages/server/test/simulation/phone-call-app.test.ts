import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Call } from '../../src/domain/calls/types.js';
import { parseScenarioText } from '../../src/simulation/load-scenario.js';
import { ScenarioRunner } from '../../src/simulation/scenario-runner.js';
import { fakeServices } from './fakes.js';

const HOTLINE = 'name: x\npeople: { c: { phone: "+14255550101" } }\ntimeline:\n  - { action: callApp, person: c }\n  - { at: 1s, action: pressKeys, person: c, keys: "1" }\n  - { at: 2s, action: hangUp, person: c }\n';

async function play(withPhone: boolean) {
  const fake = fakeServices();
  if (withPhone) {
    fake.services.people.callAppFromPhone = async (number, appId) => {
      fake.actions.push(`callAppFromPhone ${number} ${appId}`);
      return { id: `call-${number}`, conferenceId: 'p2p' } as Call;
    };
  }
  const run = new ScenarioRunner(fake.services).start(parseScenarioText(HOTLINE), {});
  await run.finished;
  return { run, actions: fake.actions };
}

describe('scenario callApp from a phone person', () => {
  it('dials the app from the phone number, then presses keys and hangs up on that call', async () => {
    const { run, actions } = await play(true);
    assert.deepEqual(run.log.map((r) => r.outcome), ['ok', 'ok', 'ok']);
    assert.match(actions[0] ?? '', /^callAppFromPhone \+14255550101 \S+$/);
    assert.deepEqual(actions.slice(1), ['1000 pressKeys tone1 call-+14255550101', '2000 hangUp call-+14255550101']);
  });

  it('fails the step (not the run setup) when the people facade cannot place phone calls', async () => {
    const { run } = await play(false);
    assert.equal(run.log[0]?.outcome, 'error');
    assert.match(run.log[0]?.detail ?? '', /callApp from a phone/);
  });
});
