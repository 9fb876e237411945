import assert from 'node:assert/strict';

/**
 * Structural comparison of our JSON with a documentation example: the same properties,
 * recursively, with the same JSON types. Values are compared only where they carry meaning a
 * client switches on (`@odata.type`, `changeType`, `state` …), never ids, names or times. null
 * matches any type: Graph prints unset nullable properties as null.
 */
export type DifferenceKind = 'missing' | 'extra' | 'type' | 'value';

export interface Difference {
  path: string;
  kind: DifferenceKind;
  expected?: unknown;
  actual?: unknown;
}

/** A difference we know of and accept, with the reason (documented in the test that lists it). */
export interface Allowance {
  path: string;
  kind: DifferenceKind;
  reason: string;
  /** Comparisons it applies to: labels (`v1.0/example-3` covers `v1.0/example-3 …`) or, ending in `/`, a version; all when absent. */
  where?: string[];
}

export const DEFAULT_VALUE_PATHS = ['**.@odata.type', '**.changeType', '**.state', '**.direction', '**.mediaType'];

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

export function shapeDifferences(expected: unknown, actual: unknown, valuePaths = DEFAULT_VALUE_PATHS): Difference[] {
  const out: Difference[] = [];
  walk(expected, actual, '', valuePaths.map(globToRegExp), out);
  return out;
}

function walk(expected: unknown, actual: unknown, path: string, valuePaths: RegExp[], out: Difference[]): void {
  if (expected === null || actual === null) return;
  if (jsonType(expected) !== jsonType(actual)) {
    out.push({ path, kind: 'type', expected: jsonType(expected), actual: jsonType(actual) });
    return;
  }
  if (Array.isArray(expected)) return walkArray(expected, actual as unknown[], path, valuePaths, out);
  if (typeof expected === 'object') return walkObject(expected as Record<string, unknown>, actual as Record<string, unknown>, path, valuePaths, out);
  if (expected !== actual && valuePaths.some((pattern) => pattern.test(path))) out.push({ path, kind: 'value', expected, actual });
}

function walkObject(expected: Record<string, unknown>, actual: Record<string, unknown>, path: string, valuePaths: RegExp[], out: Difference[]): void {
  const join = (key: string) => (path ? `${path}.${key}` : key);
  for (const key of Object.keys(expected)) {
    if (key in actual) walk(expected[key], actual[key], join(key), valuePaths, out);
    else out.push({ path: join(key), kind: 'missing', expected: expected[key] });
  }
  for (const key of Object.keys(actual)) if (!(key in expected)) out.push({ path: join(key), kind: 'extra', actual: actual[key] });
}

function walkArray(expected: unknown[], actual: unknown[], path: string, valuePaths: RegExp[], out: Difference[]): void {
  const itemPath = `${path}[]`;
  for (let index = 0; index < Math.min(expected.length, actual.length); index++) walk(expected[index], actual[index], itemPath, valuePaths, out);
  if (expected.length > actual.length) out.push({ path: itemPath, kind: 'missing', expected: expected.length - actual.length });
  if (actual.length > expected.length) out.push({ path: itemPath, kind: 'extra', actual: actual.length - expected.length });
}

/** `a.*.c` matches one segment for `*`; `**.c` matches `c` at any depth. */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split('**.')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.]*'))
    .join('(?:.*\\.)?');
  return new RegExp(`^${pattern}$`);
}

/**
 * Compares and fails on any difference no allowance covers. Remembers which allowances were
 * needed, so a test can also fail when a listed difference no longer occurs.
 */
export class ConformanceCheck {
  private readonly used = new Set<Allowance>();

  constructor(private readonly allowances: Allowance[]) {}

  compare(label: string, expected: unknown, actual: unknown, valuePaths?: string[]): void {
    const unexplained = shapeDifferences(expected, actual, valuePaths).filter((difference) => !this.explain(label, difference));
    assert.deepEqual(unexplained, [], `${label}: differences from the documentation example that no allowance explains`);
  }

  /** Every allowance listed must still be needed by some comparison. */
  assertAllUsed(): void {
    const stale = this.allowances.filter((allowance) => !this.used.has(allowance));
    assert.deepEqual(stale, [], 'allowances that no comparison needed (remove them)');
  }

  private explain(label: string, difference: Difference): boolean {
    const applies = (allowance: Allowance) => !allowance.where || allowance.where.some((prefix) => label === prefix || label.startsWith(prefix.endsWith('/') ? prefix : `${prefix} `));
    const allowance = this.allowances.find((candidate) => candidate.kind === difference.kind && applies(candidate) && globToRegExp(candidate.path).test(difference.path));
    if (allowance) this.used.add(allowance);
    return allowance !== undefined;
  }
}
