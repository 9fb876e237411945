import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { after, before, describe, it } from 'node:test';
import type { AudioRoutingGroup } from '../../src/domain/calls/audio-routing.js';
import { loadFixture, only, scenarioOf, VERSIONS, type FixtureResponse } from './support/fixtures.js';
import { bodyOrNull, buildControlsTestApp, CONFORMANCE_CALL, multicastExample, onlyScenario, sendControlsFixture, type ControlsTestApp } from './support/controls-app.js';
import { AUDIO_ROUTING_ALLOWANCES } from './support/controls-allowances.js';
import { assertHeadersConform } from './support/headers.js';
import { ConformanceCheck } from './support/shape.js';

type Json = Record<string, unknown>;

/**
 * Audio routing group pages (call-post-audioroutinggroups, call-list-audioroutinggroups,
 * audioroutinggroup-get/-update/-delete) against the committed fixtures: status, headers and
 * body shape of our answers to the examples' requests. The routes run for real; the service is
 * the route tests' fake, so the examples' bodies (which break the oneToOne rule in the get,
 * update and list examples) are answered as sent; the e2e conformance test covers the rules.
 */
describe('conformance: audio routing groups', () => {
  const check = new ConformanceCheck(AUDIO_ROUTING_ALLOWANCES);
  let t: ControlsTestApp;
  before(async () => {
    t = await buildControlsTestApp();
    t.controls.calls.add(CONFORMANCE_CALL);
  });
  after(() => t.close());

  function compare(label: string, expected: FixtureResponse, response: LightMyRequestResponse, expectedBody: unknown = expected.body): void {
    assert.equal(response.statusCode, expected.status, `${label}: ${response.body}`);
    assertHeadersConform(label, expected.headers, response.headers);
    if (expectedBody === null) return assert.equal(bodyOrNull(response), null, label);
    check.compare(label, expectedBody, bodyOrNull(response));
  }

  const seed = (group: unknown) => t.controls.groups.set(CONFORMANCE_CALL, [structuredClone(group) as AudioRoutingGroup]);

  for (const version of VERSIONS) {
    const page = (name: string) => loadFixture(version, name);

    it(`${version}/call-post-audioroutinggroups example-1 (oneToOne): 200 with the group`, async () => {
      t.controls.groups.clear();
      const scenario = scenarioOf(page('call-post-audioroutinggroups'), 'example-1');
      compare(`${version}/create example-1`, only(scenario.responses, 'response'), await sendControlsFixture(t, only(scenario.requests, 'request')));
    });

    it(`${version}/call-post-audioroutinggroups example-2 (multicast): 200 with the group`, async () => {
      t.controls.groups.clear();
      const { request, body, expected } = multicastExample(version);
      compare(`${version}/create example-2`, expected, await sendControlsFixture(t, { ...request, body }), expected.body ?? body);
    });

    it(`${version}/call-list-audioroutinggroups: the collection`, async () => {
      const scenario = onlyScenario(page('call-list-audioroutinggroups'));
      const expected = only(scenario.responses, 'response');
      seed((expected.body as { value: unknown[] }).value[0]);
      compare(`${version}/list`, expected, await sendControlsFixture(t, only(scenario.requests, 'request')));
    });

    it(`${version}/audioroutinggroup-get: the group`, async () => {
      const scenario = onlyScenario(page('audioroutinggroup-get'));
      const expected = only(scenario.responses, 'response');
      seed(expected.body);
      compare(`${version}/get`, expected, await sendControlsFixture(t, only(scenario.requests, 'request'), 'oneToOne'));
    });

    it(`${version}/audioroutinggroup-update: 200 with the group as patched`, async () => {
      const scenario = onlyScenario(page('audioroutinggroup-update'));
      seed({ id: 'oneToOne', routingMode: 'oneToOne', sources: ['632899f8-2ea1-4604-8413-27bd2892079f'], receivers: ['550fae72-d251-43ec-868c-373732c2704f'] });
      const response = await sendControlsFixture(t, only(scenario.requests, 'request'), 'oneToOne');
      compare(`${version}/update`, only(scenario.responses, 'response'), response);
      assert.deepEqual((bodyOrNull(response) as Json).receivers, (only(scenario.responses, 'response').body as Json).receivers);
    });

    it(`${version}/audioroutinggroup-delete: 204 without a body`, async () => {
      const scenario = onlyScenario(page('audioroutinggroup-delete'));
      seed({ id: 'oneToOne', routingMode: 'oneToOne', sources: ['a'], receivers: ['b'] });
      compare(`${version}/delete`, only(scenario.responses, 'response'), await sendControlsFixture(t, only(scenario.requests, 'request'), 'oneToOne'));
    });
  }

  it('needs every difference it lists', () => check.assertAllUsed());
});
