import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { adminHeaders, buildTestApp, type TestApp } from '../helpers/app.js';

const YAML = `name: instant
seed: 9
meeting: standup
people: { alex: alex, kim: { guest: Kim } }
timeline:
  - { action: join, person: alex }
  - { action: join, person: kim, muted: true }
  - { action: leave, person: kim }
`;

interface RunBody {
  id: string;
  status: string;
  log: { action: string; outcome: string; person?: string }[];
  error?: { message: string };
}

describe('control API: /_switchboard/scenarios', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(async () => {
    await t.deps.services.scenarios.stopAll();
    await t.close();
  });

  const post = (payload: string, contentType: string, query = '') => t.app.inject({ method: 'POST', url: `/_switchboard/scenarios${query}`, headers: { ...adminHeaders, 'content-type': contentType }, payload });
  const get = async (id: string): Promise<RunBody> => (await t.app.inject({ method: 'GET', url: `/_switchboard/scenarios/${id}`, headers: adminHeaders })).json<RunBody>();

  it('starts a YAML scenario and shows its log; the people really joined', async () => {
    const res = await post(YAML, 'application/yaml');
    assert.equal(res.statusCode, 201, res.body);
    const { id } = res.json<RunBody>();
    assert.equal(res.headers.location, `/_switchboard/scenarios/${id}`);
    await t.deps.services.scenarios.get(id).finished;
    const run = await get(id);
    assert.equal(run.status, 'completed');
    assert.deepEqual(run.log.map((r) => `${r.action} ${r.person} ${r.outcome}`), ['join alex ok', 'join kim ok', 'leave kim ok']);
    const roster = await t.deps.services.people.roster(DEMO.meetings.standup.id);
    assert.deepEqual(roster.participants.map((p) => p.identity.displayName), ['Alex Wilber']);
  });

  it('accepts the scenario as JSON, and YAML inside JSON, with a seed override', async () => {
    const json = await post(JSON.stringify({ name: 'json', meeting: 'standup', timeline: [{ action: 'endMeeting' }] }), 'application/json', '?seed=77');
    assert.equal(json.statusCode, 201, json.body);
    assert.equal(json.json<{ seed: number }>().seed, 77);
    const wrapped = await post(JSON.stringify({ yaml: YAML.replace('name: instant', 'name: wrapped') }), 'application/json');
    assert.equal(wrapped.statusCode, 201, wrapped.body);
    const list = (await t.app.inject({ method: 'GET', url: '/_switchboard/scenarios', headers: adminHeaders })).json<{ value: { name: string }[] }>();
    assert.deepEqual(list.value.map((r) => r.name).slice(-2), ['json', 'wrapped']);
  });

  it('answers 400 naming the line of each problem', async () => {
    const res = await post(YAML.replace('person: kim, muted', 'person: kym, muted'), 'text/yaml');
    assert.equal(res.statusCode, 400);
    assert.match(res.json<RunBody>().error?.message ?? '', /The scenario is invalid: scenario:7:29 timeline\[1\]\.person: unknown person "kym"/);
  });

  it('stops a running scenario; an unknown run is 404', async () => {
    const res = await post('name: blocked\nmeeting: townHall\ntimeline:\n  - { action: waitFor, condition: appInMeeting, timeout: 1h }\n', 'application/yaml');
    const { id, status } = res.json<RunBody>();
    assert.equal(status, 'running');
    const stopped = await t.app.inject({ method: 'DELETE', url: `/_switchboard/scenarios/${id}`, headers: adminHeaders });
    assert.equal(stopped.statusCode, 200);
    assert.equal(stopped.json<RunBody>().status, 'stopped');
    const missing = await t.app.inject({ method: 'GET', url: '/_switchboard/scenarios/nope', headers: adminHeaders });
    assert.equal(missing.statusCode, 404);
  });
});
