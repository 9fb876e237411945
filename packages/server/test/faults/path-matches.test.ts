import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathMatches } from '../../src/faults/trigger.js';

describe('pathMatches (compiled rule paths, cached by source)', () => {
  it('answers exactly what a fresh RegExp answers, call after call', () => {
    const cases: [string, string][] = [
      ['/participants/.+/mute$', '/communications/calls/c1/participants/p1/mute'],
      ['/participants/.+/mute$', '/communications/calls/c1/participants/p1/mute/extra'],
      ['^/communications/calls$', '/communications/calls'],
      ['^/communications/calls$', '/communications/calls/c1'],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [source, path] of cases) assert.equal(pathMatches(source, path), new RegExp(source).test(path), `${source} on ${path}`);
    }
  });

  it('stays correct past its bound (many distinct rules over time)', () => {
    for (let i = 0; i < 2500; i++) assert.equal(pathMatches(`^/calls/${i}$`, `/calls/${i}`), true);
    assert.equal(pathMatches('^/calls/7$', '/calls/8'), false);
  });
});
