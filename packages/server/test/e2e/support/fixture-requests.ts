import type { FixtureRequest, FixtureScenario, Fixture } from '../../conformance/support/fixtures.js';
import { send, type E2e, type HttpResult } from './harness.js';

/**
 * Documentation examples sent to a real server: the example's own body with its ids (meeting,
 * organizer, tenant, users, callback URL) swapped for the demo world's, so the response and the
 * notifications can be compared with the example's.
 */

/** Replaces every string value found in `replacements` (keys are the example's literals), deeply. */
export function withValues<T>(value: T, replacements: Record<string, string>): T {
  if (typeof value === 'string') return (replacements[value] ?? value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withValues(item, replacements)) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withValues(item, replacements)])) as T;
  return value;
}

/** The scenario of a fixture whose request or response title matches (the docs number examples differently per version). */
export function scenarioTitled(fixture: Fixture, title: RegExp): FixtureScenario {
  const found = fixture.scenarios.filter((scenario) => [...scenario.requests, ...scenario.responses].some((item) => title.test(item.title)));
  if (found.length !== 1) throw new Error(`${fixture.version}/${fixture.page}: ${found.length} scenarios titled ${title}`);
  return found[0]!;
}

export interface SendOptions {
  /** Put into the path instead of the example's call id. */
  callId?: string;
  /** Put into the path instead of the example's participant id. */
  participantId?: string;
  /** The body to send instead of the example's. */
  body?: unknown;
  appId?: string;
}

/** Sends the example's request (method and path as documented, version included) with the demo bot's token. */
export async function sendFixture(e2e: E2e, request: FixtureRequest, options: SendOptions = {}): Promise<HttpResult> {
  let path = request.path;
  if (options.callId) path = path.replace(/\/calls\/[^/]+/, `/calls/${options.callId}`);
  if (options.participantId) path = path.replace(/\/participants\/[^/]+/, `/participants/${options.participantId}`);
  const body = options.body ?? request.body ?? undefined;
  const token = await e2e.graph.token(options.appId);
  return send(e2e.server, request.method as 'GET', path, { authorization: `Bearer ${token}` }, body === null ? undefined : body);
}

/** The body as the fixtures record it: null when the response had none. */
export const bodyOrNull = (result: HttpResult): unknown => (result.raw === '' ? null : result.body);
