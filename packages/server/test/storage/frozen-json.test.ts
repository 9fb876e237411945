import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import { MemoryStore } from '../../src/storage/memory/memory-store.js';
import { freezeJson, thawJson } from '../../src/storage/shared/frozen-json.js';
import { readShared } from '../../src/storage/shared/shared-reads.js';

const viaText = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe('frozen JSON values (the memory store)', () => {
  it('gives what a JSON round trip gives, for the awkward cases too', () => {
    const when = new Date('2026-01-15T10:00:00Z');
    const value = {
      when,
      gone: undefined,
      fn: () => 1,
      list: [1, undefined, () => 2, NaN, -0, Infinity, 'x'],
      holes: new Array(2),
      boxed: [new Number(3), new String('s'), new Boolean(false)],
      map: new Map([['a', 1]]),
      custom: { toJSON: (key: string) => `key:${key}` },
      nested: { deep: [{ a: null }] },
      ['__proto__']: { polluted: true },
    };
    assert.deepEqual(freezeJson(value), viaText(value));
    assert.equal(Object.getPrototypeOf(freezeJson(value)), Object.prototype);
  });

  it('refuses what JSON.stringify refuses', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    assert.throws(() => freezeJson(circular), TypeError);
    assert.throws(() => freezeJson({ big: 1n }), TypeError);
    assert.throws(() => freezeJson(undefined), TypeError);
    assert.throws(() => freezeJson(() => 1), TypeError);
  });

  it('is deeply frozen, re-uses what it froze before and copies what it did not', () => {
    const first = freezeJson({ roster: [{ id: 'a' }, { id: 'b' }] }) as { roster: { id: string }[] };
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first.roster) && Object.isFrozen(first.roster[0]));
    const added = { id: 'c' };
    const next = freezeJson({ ...first, roster: [...first.roster, added] }) as { roster: { id: string }[] };
    assert.equal(next.roster[0], first.roster[0]);
    assert.notEqual(next.roster[2], added);
    assert.deepEqual(Object.keys(next.roster[0] as object), ['id']);
  });

  it('thaws into a mutable copy that shares nothing', () => {
    const frozen = freezeJson({ list: [{ n: 1 }] });
    const thawed = thawJson<{ list: { n: number }[] }>(frozen);
    thawed.list.push({ n: 2 });
    (thawed.list[0] as { n: number }).n = 5;
    assert.deepEqual(frozen, { list: [{ n: 1 }] });
  });

  it('lets the memory store hand out its own value to shared reads only', async () => {
    const store = new MemoryStore(new ManualClock(0));
    await store.docs.put('conference', 'c1', { participants: [{ id: 'a' }] });
    await store.transaction(async (tx) => {
      const shared = await readShared<{ participants: { id: string }[] }>(tx.docs, 'conference', 'c1');
      const copied = await tx.docs.get<{ participants: { id: string }[] }>('conference', 'c1');
      assert.ok(shared && copied);
      assert.ok(Object.isFrozen(shared.data.participants));
      assert.throws(() => shared.data.participants.push({ id: 'x' }), TypeError);
      copied.data.participants.push({ id: 'b' });
      await tx.docs.put('conference', 'c1', { ...shared.data, participants: [...shared.data.participants, { id: 'c' }] }, shared.version);
    });
    assert.deepEqual((await store.docs.get('conference', 'c1'))?.data, { participants: [{ id: 'a' }, { id: 'c' }] });
    await store.close();
  });
});
