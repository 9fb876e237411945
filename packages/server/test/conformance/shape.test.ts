import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConformanceCheck, globToRegExp, shapeDifferences } from './support/shape.js';
import { assertHeadersConform } from './support/headers.js';
import { contextFragment, loadFixture, VERSIONS } from './support/fixtures.js';

describe('conformance helpers: shapeDifferences', () => {
  it('reports missing and extra properties, recursively and through arrays', () => {
    const differences = shapeDifferences({ a: 1, b: { c: 'x', d: [{ e: true }] } }, { a: 2, b: { c: 'y', d: [{ f: true }] }, g: null });
    assert.deepEqual(differences, [
      { path: 'b.d[].e', kind: 'missing', expected: true },
      { path: 'b.d[].f', kind: 'extra', actual: true },
      { path: 'g', kind: 'extra', actual: null },
    ]);
  });

  it('reports JSON type differences, but lets null stand for any type', () => {
    assert.deepEqual(shapeDifferences({ code: '200', x: null, y: { z: 1 } }, { code: 200, x: { any: 1 }, y: null }), [{ path: 'code', kind: 'type', expected: 'string', actual: 'number' }]);
  });

  it('compares values only where clients switch on them', () => {
    const differences = shapeDifferences({ '@odata.type': '#a', state: 'x', id: '1', value: [{ changeType: 'created' }] }, { '@odata.type': '#b', state: 'y', id: '2', value: [{ changeType: 'deleted' }] });
    assert.deepEqual(differences.map((d) => [d.path, d.kind]), [['@odata.type', 'value'], ['state', 'value'], ['value[].changeType', 'value']]);
  });

  it('reports array length differences', () => {
    assert.deepEqual(shapeDifferences({ a: [1, 2] }, { a: [1] }), [{ path: 'a[]', kind: 'missing', expected: 1 }]);
    assert.deepEqual(shapeDifferences({ a: [] }, { a: [1] }), [{ path: 'a[]', kind: 'extra', actual: 1 }]);
  });
});

describe('conformance helpers: allowances', () => {
  it('match paths by glob', () => {
    assert.ok(globToRegExp('**.info.id').test('value[].info.id'));
    assert.ok(globToRegExp('**.info.id').test('info.id'));
    assert.ok(!globToRegExp('**.info.id').test('value[].info.idx'));
    assert.ok(globToRegExp('a.*.c').test('a.b.c'));
    assert.ok(!globToRegExp('a.*.c').test('a.b.x.c'));
    assert.ok(globToRegExp('targets[].region').test('targets[].region'));
  });

  it('explain listed differences where they apply, fail on others and on stale entries', () => {
    const check = new ConformanceCheck([
      { path: 'extra', kind: 'extra', reason: 'test', where: ['v1.0/'] },
      { path: 'never', kind: 'missing', reason: 'test' },
    ]);
    check.compare('v1.0/example-1', {}, { extra: 1 });
    assert.throws(() => check.compare('beta/example-1', {}, { extra: 1 }), /no allowance explains/);
    assert.throws(() => check.assertAllUsed(), /remove them/);
  });
});

describe('conformance helpers: headers and contexts', () => {
  it('compare header presence, media type and Location', () => {
    const expected = { Location: 'https://graph.microsoft.com/v1.0/communications/calls/abc', 'Content-Type': 'application/json' };
    assertHeadersConform('ok', expected, { location: 'http://localhost:80/v1.0/communications/calls/xyz', 'content-type': 'application/json; charset=utf-8' });
    assert.throws(() => assertHeadersConform('no location', expected, { 'content-type': 'application/json' }), /location is missing/);
    assert.throws(() => assertHeadersConform('beta', expected, { location: 'http://localhost/beta/communications/calls/x', 'content-type': 'application/json' }), /location/);
    assert.throws(() => assertHeadersConform('type', expected, { location: 'http://h/v1.0/communications/calls/x', 'content-type': 'text/plain' }), /content-type/);
  });

  it('blank key literals in contexts', () => {
    assert.equal(contextFragment("https://graph.microsoft.com/v1.0/$metadata#communications/calls('7531d31f')/participants"), "#communications/calls('{id}')/participants");
  });
});

describe('conformance fixtures', () => {
  const PAGES = ['application-post-calls', 'call-get', 'call-delete', 'call-answer', 'call-reject', 'call-redirect', 'call-keepalive', 'call-list-participants', 'participant-get'];

  it('exist for every method and version, from the docs, with requests under their version', () => {
    for (const version of VERSIONS) {
      for (const page of PAGES) {
        const fixture = loadFixture(version, page);
        assert.equal(fixture.version, version);
        assert.match(fixture.source, new RegExp(`api-reference/${version === 'v1.0' ? 'v1\\.0' : 'beta'}/api/${page}\\.md@[0-9a-f]{40}`));
        assert.ok(fixture.scenarios.length > 0, `${version}/${page}`);
        for (const request of fixture.scenarios.flatMap((scenario) => scenario.requests)) assert.ok(request.path.startsWith(`/${version}/`), `${version}/${page}: ${request.path}`);
      }
    }
  });
});
