import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Participant } from '../../src/domain/calls/types.js';
import { buildCall } from '../wire/support/domain.js';
import { contextFragment, loadFixture, only, VERSIONS, type FixtureResponse } from './support/fixtures.js';
import { bodyOrNull, buildCallsTestApp, sendFixtureRequest, type CallsTestApp } from './support/graph-app.js';
import { assertHeadersConform } from './support/headers.js';
import { participantLike } from './support/like-fixture.js';
import { PARTICIPANTS_ALLOWANCES } from './support/allowances.js';
import { ConformanceCheck } from './support/shape.js';

describe('conformance: participants (call-list-participants, participant-get)', () => {
  const check = new ConformanceCheck(PARTICIPANTS_ALLOWANCES);
  let t: CallsTestApp;
  before(async () => {
    t = await buildCallsTestApp();
  });
  after(() => t.close());

  /** Our answer for a roster mirroring the example's, read through the example's request. */
  async function ours(version: string, page: string, roster: Participant[]) {
    const scenario = only(loadFixture(version as 'v1.0', page).scenarios, 'scenario');
    const call = t.calls.add(buildCall({ id: `${page}-${version.replace('.', '-')}`, scenario: 'meeting', state: 'established' }), roster);
    const response = await sendFixtureRequest(t, only(scenario.requests, 'request'), call.id);
    return { expected: only(scenario.responses, 'response'), response };
  }

  function compare(label: string, expected: FixtureResponse, response: Awaited<ReturnType<typeof ours>>['response']): void {
    assert.equal(response.statusCode, expected.status);
    assertHeadersConform(label, expected.headers, response.headers);
    const body = bodyOrNull(response) as Record<string, unknown>;
    assert.equal(contextFragment(body['@odata.context']), contextFragment((expected.body as Record<string, unknown>)['@odata.context']));
    check.compare(label, expected.body, body);
  }

  for (const version of VERSIONS) {
    it(`${version}/call-list-participants: response`, async () => {
      const fixture = only(loadFixture(version, 'call-list-participants').scenarios, 'scenario');
      const roster = ((only(fixture.responses, 'response').body as { value: Record<string, unknown>[] }).value).map(participantLike);
      const { expected, response } = await ours(version, 'call-list-participants', roster);
      compare(`${version}/call-list-participants`, expected, response);
    });

    it(`${version}/participant-get: response`, async () => {
      const fixture = only(loadFixture(version, 'participant-get').scenarios, 'scenario');
      const participant = participantLike(only(fixture.responses, 'response').body as Record<string, unknown>);
      const request = only(fixture.requests, 'request');
      const { expected, response } = await ours(version, 'participant-get', [participant]);
      assert.ok(request.path.endsWith(`/participants/${participant.id}`), 'the example asks for the participant it shows');
      compare(`${version}/participant-get`, expected, response);
    });
  }

  it('needs every difference it lists', () => check.assertAllUsed());
});
