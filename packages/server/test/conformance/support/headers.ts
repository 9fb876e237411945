import assert from 'node:assert/strict';

type Headers = Record<string, string | string[] | number | undefined>;

const lower = (headers: Record<string, unknown>): Map<string, string> =>
  new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));

const mediaType = (value: string): string => value.split(';')[0]!.trim().toLowerCase();

/** A call URL, whatever the host and id: `…/{version}/communications/calls/{id}`. */
const CALL_URL = /^https?:\/\/[^/]+\/(v1\.0|beta)\/communications\/calls\/[^/]+$/;

/**
 * Every header the example shows is present in ours. Content-Type compares by media type;
 * Location must be a call URL under the same version (host and id aside).
 */
export function assertHeadersConform(label: string, expected: Record<string, string>, actual: Headers): void {
  const ours = lower(actual);
  for (const [name, value] of lower(expected)) {
    const got = ours.get(name);
    assert.ok(got !== undefined, `${label}: header ${name} is missing`);
    if (name === 'content-type') assert.equal(mediaType(got), mediaType(value), `${label}: content-type`);
    if (name === 'location') assert.equal(CALL_URL.exec(got)?.[1], CALL_URL.exec(value)?.[1], `${label}: location ${got} vs ${value}`);
  }
}
