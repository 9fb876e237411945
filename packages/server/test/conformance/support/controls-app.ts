import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { ControlsTestApp } from '../../graph/support/controls-test-app.js';
import { loadFixture, only, scenarioOf, type Fixture, type FixtureRequest, type FixtureResponse, type FixtureScenario, type FixtureVersion } from './fixtures.js';

export { buildControlsTestApp, type ControlsTestApp } from '../../graph/support/controls-test-app.js';

/** The call id every controls conformance request is rewritten to (the fake's only call). */
export const CONFORMANCE_CALL = '57dab8b1-894c-409a-b240-bd8beae78896';

/**
 * Sends a fixture request to the controls test app as the docs show it, with the demo bot's
 * token: the path's call id (or `{id}` placeholder) becomes CONFORMANCE_CALL, and an id
 * placeholder after a collection becomes `itemId`.
 */
export function sendControlsFixture(t: ControlsTestApp, request: Pick<FixtureRequest, 'method' | 'path' | 'body'>, itemId = 'item'): Promise<LightMyRequestResponse> {
  const url = request.path.replace(/\/calls\/[^/]+/, `/calls/${CONFORMANCE_CALL}`).replace(/\{id\}/g, itemId);
  const hasBody = request.body !== null && request.body !== undefined;
  return t.app.inject({
    method: request.method as 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url,
    headers: { ...t.auth, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(hasBody ? { payload: JSON.stringify(request.body) } : {}),
  });
}

/** A response's body, or null when it has none (as the fixtures record empty bodies). */
export const bodyOrNull = (response: LightMyRequestResponse): unknown => (response.body === '' ? null : response.json());

const OPERATION_URL = /^https?:\/\/[^/]+\/(v1\.0|beta)\/communications\/calls\/[^/]+\/operations\/[^/]+$/;

/** When the example shows a `Location`, ours names an operation under the same version (host and ids aside). */
export function assertOperationLocation(label: string, expected: FixtureResponse, response: LightMyRequestResponse): void {
  const documented = Object.entries(expected.headers).find(([name]) => name.toLowerCase() === 'location')?.[1];
  if (documented === undefined) return;
  assert.equal(OPERATION_URL.exec(String(response.headers.location))?.[1], OPERATION_URL.exec(documented)?.[1], `${label}: location ${String(response.headers.location)} vs ${documented}`);
}

/** The scenario's request (or response) whose title contains `part`. */
export function titled<T extends { title: string }>(items: T[], part: string): T {
  const found = items.filter((item) => item.title.includes(part));
  assert.equal(found.length, 1, `one item titled '${part}'`);
  return found[0]!;
}

/** The only scenario of a page that documents one. */
export function onlyScenario(fixture: Fixture): FixtureScenario {
  assert.equal(fixture.scenarios.length, 1, `${fixture.version}/${fixture.page} has one scenario`);
  return fixture.scenarios[0]!;
}

/**
 * Example 2 of the create page. v1.0 prints a whole request and response; the beta page (zh-CN
 * mirror) prints the HTTP lines without a body and the JSON bodies as separate blocks, which the
 * fixture keeps as extra "requests": the request is the HTTP block with the first JSON block, the
 * response the 200 with the second.
 */
export function multicastExample(version: FixtureVersion): { request: FixtureRequest; body: unknown; expected: FixtureResponse } {
  const scenario = scenarioOf(loadFixture(version, 'call-post-audioroutinggroups'), 'example-2');
  const expected = only(scenario.responses, 'response');
  if (version === 'v1.0') {
    const request = only(scenario.requests, 'request');
    return { request, body: request.body, expected };
  }
  const request = titled(scenario.requests, 'request [zh-CN mirror]');
  const body = titled(scenario.requests, 'request (non-HTTP sample block').body;
  return { request, body, expected: { ...expected, body: titled(scenario.requests, 'response (non-HTTP sample block').body } };
}
