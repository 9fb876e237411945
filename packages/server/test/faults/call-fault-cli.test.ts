import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callFaultOutput } from '../../src/cli/commands/call-faults.js';

describe('switchboard calls fault', () => {
  it('POSTs the fault for the call and prints what it did', async () => {
    const seen: string[] = [];
    const request = (async (_dir: string, method: string, path: string) => {
      seen.push(`${method} ${path}`);
      return { callId: 'c 1', fault: 'meetingEnded', resultInfo: { code: 200, subcode: 5003, message: 'x' }, scope: 'conference' };
    }) as Parameters<typeof callFaultOutput>[3];
    const out = await callFaultOutput('c 1', 'meetingEnded', { data: '/tmp/none' }, request);
    assert.deepEqual(seen, ['POST /_switchboard/calls/c%201/faults/meetingEnded']);
    assert.equal(out, '[switchboard] meetingEnded: every app leg of its conference terminated with 200/5003\n');
  });
});
