import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom } from '../../src/domain/random.js';
import { faultRuleSchema } from '../../src/faults/fault-rule.js';
import { graphMatches, MemoryFaultBook } from '../../src/faults/memory-fault-book.js';
import { faultRandom } from '../../src/faults/stored-fault-book.js';
import type { GraphRequestFacts } from '../../src/faults/fault-facts.js';

const MUTE: GraphRequestFacts = { operation: 'participant.mute', httpMethod: 'POST', path: '/communications/calls/c1/participants/p1/mute', version: 'v1.0', appId: 'app-1' };
const GET_CALL: GraphRequestFacts = { operation: 'call.get', httpMethod: 'GET', path: '/communications/calls/c1', version: 'beta', appId: 'app-2' };

/** Which of `count` identical requests a single rule fails (1-based). */
async function firings(trigger: Record<string, number>, count: number, seed = 1): Promise<number[]> {
  const book = new MemoryFaultBook(faultRandom(seed));
  await book.add({ kind: 'graphError', status: 503, trigger });
  const fired: number[] = [];
  for (let i = 1; i <= count; i++) if ((await book.graph(MUTE)).error) fired.push(i);
  return fired;
}

describe('fault triggers', () => {
  it('fire on every match without a trigger', async () => {
    assert.deepEqual(await firings({}, 4), [1, 2, 3, 4]);
  });

  it('everyNth fires on the Nth, 2Nth … match, after skip', async () => {
    assert.deepEqual(await firings({ everyNth: 3 }, 10), [3, 6, 9]);
    assert.deepEqual(await firings({ everyNth: 2, skip: 3 }, 10), [5, 7, 9]);
  });

  it('times caps the firings and skip lets the first matches through', async () => {
    assert.deepEqual(await firings({ times: 2 }, 5), [1, 2]);
    assert.deepEqual(await firings({ skip: 2, times: 1 }, 5), [3]);
  });

  it('rate is reproducible for a seed and differs between seeds', async () => {
    const first = await firings({ rate: 0.5 }, 40, 7);
    assert.deepEqual(await firings({ rate: 0.5 }, 40, 7), first);
    assert.ok(first.length > 5 && first.length < 35, `about half fire: ${first.length}`);
    assert.notDeepEqual(await firings({ rate: 0.5 }, 40, 8), first);
  });

  it('rate 0 never fires and rate 1 always does, without other fields drawing randomness', async () => {
    assert.deepEqual(await firings({ rate: 0 }, 5), []);
    assert.deepEqual(await firings({ rate: 1, everyNth: 2 }, 6), [2, 4, 6]);
  });

  it('counts matches and firings per rule', async () => {
    const book = new MemoryFaultBook(createRandom(1));
    const rule = await book.add({ kind: 'graphError', status: 500, trigger: { everyNth: 2 } });
    for (let i = 0; i < 5; i++) await book.graph(MUTE);
    await book.graph(GET_CALL);
    assert.deepEqual({ matched: book.get(rule.id)?.matched, fired: book.get(rule.id)?.fired }, { matched: 6, fired: 3 });
  });
});

describe('fault matching', () => {
  const match = (m: Record<string, string>, facts: GraphRequestFacts) => graphMatches(faultRuleSchema.parse({ kind: 'latency', delayMs: 1, match: m }).match as never, facts);

  it('matches the operation by its method-table name, in any case or as "kind: action"', () => {
    assert.equal(match({ operation: 'participant.mute' }, MUTE), true);
    assert.equal(match({ operation: 'Participant: Mute' }, MUTE), true);
    assert.equal(match({ operation: 'participant.mute' }, GET_CALL), false);
  });

  it('requires every given field: method, version, app and a path regular expression', () => {
    assert.equal(match({ httpMethod: 'POST', version: 'v1.0', appId: 'app-1', path: '/participants/[^/]+/mute$' }, MUTE), true);
    assert.equal(match({ httpMethod: 'GET' }, MUTE), false);
    assert.equal(match({ version: 'beta' }, MUTE), false);
    assert.equal(match({ appId: 'app-2' }, MUTE), false);
    assert.equal(match({ path: '/mute$' }, GET_CALL), false);
  });

  it('rejects unknown operations and invalid regular expressions', () => {
    assert.throws(() => faultRuleSchema.parse({ kind: 'graphError', status: 500, match: { operation: 'call.explode' } }), /not a Graph operation name/);
    assert.throws(() => faultRuleSchema.parse({ kind: 'graphError', status: 500, match: { path: '([' } }), /not a valid regular expression/);
  });

  it('evaluates rules in insertion order: the first that fires wins, later ones are not counted', async () => {
    const book = new MemoryFaultBook(createRandom(1));
    const first = await book.add({ kind: 'graphError', status: 503, match: { operation: 'participant.mute' } });
    const second = await book.add({ kind: 'graphError', status: 500 });
    assert.equal((await book.graph(MUTE)).error?.id, first.id);
    assert.equal((await book.graph(GET_CALL)).error?.id, second.id);
    assert.equal(book.get(second.id)?.matched, 1);
  });

  it('answers latency and error together when both kinds fire', async () => {
    const book = new MemoryFaultBook(createRandom(1));
    await book.add({ kind: 'latency', delayMs: 20 });
    await book.add({ kind: 'graphError', status: 504 });
    const faults = await book.graph(MUTE);
    assert.equal(faults.latency?.delayMs, 20);
    assert.equal(faults.error?.status, 504);
  });
});
