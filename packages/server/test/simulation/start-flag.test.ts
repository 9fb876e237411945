import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.js';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer } from '../helpers/server.js';

const FILE = 'name: at start\nmeeting: standup\npeople: { alex: alex }\ntimeline:\n  - { action: join, person: alex, muted: true }\n';

describe('switchboard start --scenario <file>', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-start-scenario-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('has an env twin', () => {
    assert.equal(loadConfig({}, { SWITCHBOARD_SCENARIO: 'town.yaml' }).scenarioFile, 'town.yaml');
  });

  it('runs the file once the server listens', async () => {
    const file = join(dir, 'start.yaml');
    await writeFile(file, FILE);
    const server = await startTestServer({ inMemory: true, flags: { scenarioFile: file, latency: 'instant' } });
    try {
      const [run] = server.deps.services.scenarios.list();
      assert.equal(run?.name, 'at start');
      await server.deps.services.scenarios.get(run.id).finished;
      const roster = await server.deps.services.people.roster(DEMO.meetings.standup.id);
      assert.deepEqual(roster.participants.map((p) => [p.identity.id, p.isMuted]), [[DEMO.users.alex.id, true]]);
    } finally {
      await server.close();
    }
  });

  it('refuses to start with an invalid file, naming the line', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, FILE.replace('person: alex,', 'person: alx,'));
    await assert.rejects(startTestServer({ inMemory: true, flags: { scenarioFile: file } }), (error: Error) => error.message.includes(`${file}:5:29 timeline[0].person: unknown person "alx"`));
  });
});
