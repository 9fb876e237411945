import assert from 'node:assert/strict';
import type { HttpResult, Json } from '../../e2e/support/harness.js';
import { bodyOrNull } from '../../e2e/support/fixture-requests.js';
import type { Notice } from '../../e2e/support/notifications.js';
import { contextFragment, type FixtureNotification, type FixtureResponse } from './fixtures.js';
import { assertHeadersConform } from './headers.js';
import type { ConformanceCheck } from './shape.js';

/**
 * Comparisons of the meeting features' real responses and notifications with the documentation
 * examples (end to end, like e2e-meeting.test.ts), against one page's list of documented differences.
 */

/** An operation's Location: `…/{version}/communications/calls/{id}/operations/{id}` (BEHAVIOR.md §6). */
const OPERATION_URL = /^https?:\/\/[^/]+\/(v1\.0|beta)\/communications\/calls\/[^/]+\/operations\/[^/]+$/;

/** Status, headers and body shape; `@odata.context` as the example's when it has one. */
export function compareResponse(check: ConformanceCheck, label: string, expected: FixtureResponse, response: HttpResult): void {
  assert.equal(response.status, expected.status, `${label}: ${response.raw}`);
  assertHeadersConform(label, withoutLocation(expected.headers), response.headers);
  if (expected.headers.Location) assert.equal(OPERATION_URL.exec(String(response.headers.location))?.[1], OPERATION_URL.exec(expected.headers.Location)?.[1], `${label}: Location`);
  const body = bodyOrNull(response);
  if (expected.body === null) return assert.equal(body, null, label);
  const context = (expected.body as Json)['@odata.context'];
  if (context !== undefined) assert.equal(contextFragment((body as Json)['@odata.context']), contextFragment(context), `${label}: @odata.context`);
  check.compare(`${label} response`, expected.body, body);
}

export function compareNotification(check: ConformanceCheck, label: string, example: FixtureNotification, notice: Notice): void {
  check.compare(label, example.body, { ...(notice.callback.body as Json), value: [notice.item] });
}

function withoutLocation(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'location'));
}
