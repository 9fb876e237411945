import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OverlayMap } from '../../src/storage/memory/overlay-map.js';

describe('overlay of a committed map (memory store transactions)', () => {
  it('reads through, keeps the committed map untouched until apply, then writes it in place', () => {
    const committed = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
    const overlay = new OverlayMap(committed);
    overlay.set(2, 'B').set(4, 'd');
    assert.equal(overlay.delete(1), true);
    assert.equal(overlay.delete(9), false);
    assert.deepEqual([overlay.get(1), overlay.get(2), overlay.has(4), overlay.size], [undefined, 'B', true, 3]);
    assert.deepEqual([...overlay], [[2, 'B'], [3, 'c'], [4, 'd']]);
    assert.deepEqual([...committed], [[1, 'a'], [2, 'b'], [3, 'c']]);
    overlay.apply(committed);
    assert.deepEqual([...committed], [[2, 'B'], [3, 'c'], [4, 'd']]);
  });

  it('clears everything, committed and new', () => {
    const committed = new Map([['x', 1]]);
    const overlay = new OverlayMap(committed);
    overlay.set('y', 2);
    overlay.clear();
    assert.deepEqual([overlay.size, [...overlay.keys()]], [0, []]);
    overlay.apply(committed);
    assert.equal(committed.size, 0);
  });
});
