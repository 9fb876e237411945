import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FaultFileError, loadFaultFile, parseFaultFile } from '../../src/faults/load-fault-file.js';

const problemsOf = (text: string, file = 'faults.yaml'): string[] => {
  try {
    parseFaultFile(text, file);
  } catch (error) {
    assert.ok(error instanceof FaultFileError);
    return error.message.split('\n').slice(1).map((line) => line.trim());
  }
  assert.fail('expected a FaultFileError');
};

describe('faults file', () => {
  it('reads YAML rules, seed and throttling profile', () => {
    const file = parseFaultFile(['seed: 7', 'throttling: { profile: graph-calls, limitScale: 0.001 }', 'rules:', '  - kind: graphError', '    status: 503', '    match: { operation: call.create }', '    trigger: { rate: 0.25 }'].join('\n'), 'f.yaml');
    assert.equal(file.seed, 7);
    assert.equal(file.throttling?.profile, 'graph-calls');
    assert.deepEqual(file.rules[0], { kind: 'graphError', status: 503, match: { operation: 'call.create' }, trigger: { rate: 0.25 } });
  });

  it('reads JSON the same way', () => {
    assert.equal(parseFaultFile('{"rules":[{"kind":"latency","delayMs":10}]}', 'f.json').rules[0]?.kind, 'latency');
  });

  it('names each problem with file:line:col and the field', () => {
    const problems = problemsOf(['rules:', '  - kind: graphError', '    status: 99', '  - kind: latency', '    delayMs: 5', '    colour: red', '  - kind: graphError', '    status: 500', '    match: { operation: call.explode }'].join('\n'));
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0]!, /^faults\.yaml:3:13 rules\[0\]\.status: /);
    assert.match(problems[1]!, /^faults\.yaml:6:5 rules\[1\]\.colour: unknown key 'colour'/);
    assert.match(problems[2]!, /^faults\.yaml:9:25 rules\[2\]\.match\.operation: not a Graph operation name/);
  });

  it('reports YAML syntax errors with their position', () => {
    const [problem] = problemsOf('rules:\n  - kind: graphError\n    status: [503\n');
    assert.match(problem!, /^faults\.yaml:\d+:\d+ \(root\): syntax: /);
  });

  it('reports a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faults-file-'));
    try {
      await assert.rejects(loadFaultFile(join(dir, 'missing.yaml')), /cannot read the file \(ENOENT\)/);
      await writeFile(join(dir, 'ok.yaml'), 'rules: []\n');
      assert.deepEqual((await loadFaultFile(join(dir, 'ok.yaml'))).rules, []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
