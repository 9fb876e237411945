import assert from 'node:assert/strict';
import { ConformanceCheck, type Allowance } from '../../conformance/support/shape.js';

/**
 * A difference every real flow shows: the world knows the tenant of every app and user, and the
 * identities it prints name it (as the examples' organizer identities do); the examples' sources,
 * targets and participants mostly leave it out.
 */
export const IDENTITY_TENANT: Allowance = {
  path: '**.identity.*.tenantId',
  kind: 'extra',
  reason: 'the world knows the tenant of every app and user, and identities name it (as the examples’ organizer identities do); the examples’ sources, targets and participants leave it out',
};

interface Comparison {
  base: Allowance[];
  label: string;
  expected: unknown;
  actual: unknown;
}

/**
 * Comparisons of real responses and notifications with the documentation examples: each uses a
 * page's documented differences (the lists the mapper-level tests use, imported) plus the few
 * differences only a real flow shows (`extras`). The page lists are not checked for staleness here
 * (a flow exercises only some examples of a page; the mapper-level tests check them), but every
 * extra must still be needed by some comparison.
 */
export class E2eConformance {
  private readonly comparisons: Comparison[] = [];

  constructor(private readonly extras: Allowance[]) {}

  compare(base: Allowance[], label: string, expected: unknown, actual: unknown): void {
    this.comparisons.push({ base, label, expected, actual });
    new ConformanceCheck([...base, ...this.extras]).compare(label, expected, actual);
  }

  /** Each extra is needed: without it, some comparison made so far would fail. */
  assertExtrasNeeded(): void {
    const stale = this.extras.filter((extra) => {
      const others = this.extras.filter((other) => other !== extra);
      return this.comparisons.every(({ base, label, expected, actual }) => {
        try {
          new ConformanceCheck([...base, ...others]).compare(label, expected, actual);
          return true;
        } catch {
          return false;
        }
      });
    });
    assert.deepEqual(stale, [], 'e2e-only allowances that no comparison needed (remove them)');
  }
}
