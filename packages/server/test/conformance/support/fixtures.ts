import { readFileSync } from 'node:fs';

/** Fixtures derived from the Graph docs' examples by scripts/derive-conformance-fixtures.ts. */
export type FixtureVersion = 'v1.0' | 'beta';

export interface FixtureRequest {
  file: string;
  title: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FixtureResponse {
  file: string;
  title: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface FixtureNotification {
  file: string;
  title: string;
  url: string | null;
  body: Record<string, unknown>;
}

export interface FixtureScenario {
  name: string;
  requests: FixtureRequest[];
  responses: FixtureResponse[];
  notifications: FixtureNotification[];
}

export interface Fixture {
  version: FixtureVersion;
  page: string;
  source: string;
  scenarios: FixtureScenario[];
  skipped: { file: string; reason: string }[];
}

export function loadFixture(version: FixtureVersion, page: string): Fixture {
  return JSON.parse(readFileSync(new URL(`../fixtures/${version}/${page}.json`, import.meta.url), 'utf8')) as Fixture;
}

export function scenarioOf(fixture: Fixture, name: string): FixtureScenario {
  const scenario = fixture.scenarios.find((candidate) => candidate.name === name);
  if (!scenario) throw new Error(`${fixture.version}/${fixture.page} has no scenario '${name}'`);
  return scenario;
}

/** The one request (or response) of a scenario. */
export function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected one ${what}, found ${items.length}`);
  return items[0]!;
}

/** A scenario's notification whose title contains `titlePart` (e.g. `established`). */
export function notificationTitled(scenario: FixtureScenario, titlePart: string): FixtureNotification {
  const found = scenario.notifications.filter((notification) => notification.title.toLowerCase().includes(titlePart.toLowerCase()));
  return only(found, `notification titled '${titlePart}' in ${scenario.name}`);
}

export const VERSIONS: FixtureVersion[] = ['v1.0', 'beta'];

/** `@odata.context` after `$metadata`, with key literals blanked: `#communications/calls('{id}')/participants`. */
export function contextFragment(context: unknown): string {
  return String(context).split('$metadata')[1]?.replace(/\('[^']*'\)/g, "('{id}')") ?? '';
}
