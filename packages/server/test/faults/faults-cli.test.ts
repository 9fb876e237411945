import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { addFaultsOutput, listFaultsOutput, throttleOutput } from '../../src/cli/commands/faults.js';
import { buildProgram } from '../../src/cli/main.js';
import type { controlRequest } from '../../src/cli/control-client.js';

interface Sent {
  method: string;
  path: string;
  body?: unknown;
}

/** A stand-in for the control client that records requests and answers from `answer`. */
function recorder(answer: (sent: Sent) => unknown): { sent: Sent[]; request: typeof controlRequest } {
  const sent: Sent[] = [];
  const request = (async (_dataDir: string, method: string, path: string, body?: unknown) => {
    const call = { method, path, ...(body === undefined ? {} : { body }) };
    sent.push(call);
    return answer(call);
  }) as typeof controlRequest;
  return { sent, request };
}

describe('switchboard faults (CLI)', () => {
  it('is registered with its subcommands', () => {
    const faults = buildProgram().commands.find((command) => command.name() === 'faults');
    assert.deepEqual(faults?.commands.map((command) => command.name()).sort(), ['add', 'clear', 'list', 'remove', 'seed', 'throttle']);
  });

  it('adds a rule given as JSON, and every rule of a YAML file', async () => {
    let n = 0;
    const { sent, request } = recorder(() => ({ id: `r${++n}` }));
    assert.equal(await addFaultsOutput('{"kind":"graphError","status":503}', {}, request), '[switchboard] added fault rule(s): r1\n');
    const dir = await mkdtemp(join(tmpdir(), 'faults-cli-'));
    try {
      await writeFile(join(dir, 'f.yaml'), 'rules:\n  - { kind: latency, delayMs: 5 }\n  - { kind: graphError, status: 429 }\n');
      assert.match(await addFaultsOutput(join(dir, 'f.yaml'), {}, request), /r2, r3/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    assert.deepEqual(sent.map((s) => [s.method, s.path, (s.body as { kind: string }).kind]), [['POST', '/_switchboard/faults', 'graphError'], ['POST', '/_switchboard/faults', 'latency'], ['POST', '/_switchboard/faults', 'graphError']]);
  });

  it('lists rules with counters and sets the throttling profile', async () => {
    const book = { seed: 1, throttling: { profile: 'off' }, rules: [{ id: 'r1', kind: 'graphError', status: 503, match: { operation: 'call.create' }, trigger: {}, matched: 3, fired: 2, source: 'file' }] };
    const { request } = recorder(() => book);
    assert.match(await listFaultsOutput({}, request), /r1 {2}graphError 503 match \{"operation":"call.create"\} trigger \{\} {2}\[matched 3, fired 2, from file\]/);
    const throttling = recorder((sent) => sent.body);
    assert.equal(await throttleOutput('graph-calls', { scale: '0.001' }, throttling.request), '[switchboard] throttling graph-calls {"limitScale":0.001}\n');
    assert.deepEqual(throttling.sent[0], { method: 'PUT', path: '/_switchboard/faults/throttling', body: { profile: 'graph-calls', limitScale: 0.001 } });
  });
});
