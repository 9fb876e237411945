import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runScenario, validateOutput } from '../../src/cli/commands/scenario.js';
import type { RunView } from '../../src/simulation/run-log.js';

const FILE = 'name: cli\nseed: 4\nmeeting: standup\npeople: { a: alex }\ntimeline:\n  - { at: 1s, action: join, person: a }\n  - { at: 2s, action: leave, person: a }\n';

const view = (status: RunView['status'], done: number): RunView => ({
  id: 'run-1', name: 'cli', seed: 4, status, startedAt: '2026-01-01T00:00:00.000Z', planned: 2, done, errors: 0,
  log: [
    { seq: 1, action: 'join', person: 'a', source: 'timeline[0]', plannedMs: 1000, ranMs: 1000, clockTime: '', outcome: 'ok' as const, detail: 'joined as p1' },
    { seq: 2, action: 'leave', person: 'a', source: 'timeline[1]', plannedMs: 2000, ranMs: 2500, clockTime: '', outcome: 'ok' as const, detail: 'left' },
  ].slice(0, done),
});

describe('switchboard scenario', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-scenario-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('validate summarises a good file and lists a bad one with file:line:col', async () => {
    const good = join(dir, 'good.yaml');
    await writeFile(good, FILE);
    assert.equal(await validateOutput(good), `[switchboard] scenario ${good} is valid: "cli", 2 steps over 2s (seed 4)\n`);
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, FILE.replace('leave, person: a', 'leave, person: b'));
    await assert.rejects(validateOutput(bad), (error: Error) => error.message.includes(`${bad}:7:38 timeline[1].person: unknown person "b"`));
  });

  it('run posts the YAML with the seed and, with --wait, prints each step until the run ends', async () => {
    const file = join(dir, 'run.yaml');
    await writeFile(file, FILE);
    const calls: string[] = [];
    const answers = [view('running', 0), view('running', 1), view('completed', 2)];
    const request = async <T>(_dir: string, method: string, path: string, body?: unknown): Promise<T> => {
      calls.push(`${method} ${path}${body ? ` ${Object.keys(body as object).join(',')}` : ''}`);
      return answers.shift() as T;
    };
    let out = '';
    const run = await runScenario(file, { seed: '9', wait: true, data: dir }, (text) => void (out += text), request as never);
    assert.equal(run.status, 'completed');
    assert.deepEqual(calls, ['POST /_switchboard/scenarios?seed=9 yaml', 'GET /_switchboard/scenarios/run-1', 'GET /_switchboard/scenarios/run-1']);
    assert.equal(out, [
      '[switchboard] scenario "cli" started as run run-1 (2 steps, seed 4)',
      '  #1 +1s join a: joined as p1',
      '  #2 +2.5s (planned 2s) leave a: left',
      '[switchboard] run run-1 completed: 2/2 steps, 0 failed',
      '',
    ].join('\n'));
  });
});
