import type { Random } from '../domain/random.js';
import type { FaultTrigger } from './fault-rule.js';

/** How often a rule has been asked and has fired; the trigger decides on the next match. */
export interface TriggerCounts {
  matched: number;
  fired: number;
}

/**
 * Whether a matching rule fires on this match (`counts.matched` already includes it). `skip`
 * lets the first matches through, `everyNth` counts the matches after them, `times` caps the
 * firings, `rate` draws from the seeded Random last so other fields never consume randomness.
 */
export function fires(trigger: FaultTrigger, counts: TriggerCounts, random: Random): boolean {
  const skip = trigger.skip ?? 0;
  if (counts.matched <= skip) return false;
  if (trigger.times !== undefined && counts.fired >= trigger.times) return false;
  if (trigger.everyNth !== undefined && (counts.matched - skip) % trigger.everyNth !== 0) return false;
  return trigger.rate === undefined || random.next() < trigger.rate;
}

/** Compiled path patterns of graph rules, by source; bounded so changing rules cannot grow it forever. */
const PATTERNS = new Map<string, RegExp>();
const PATTERNS_KEPT = 1000;

/**
 * Whether a rule's `match.path` (a regular expression, validated when the rule was added) matches
 * the request path. Rules are asked on every Graph request: each source is compiled once, not per
 * match. The patterns have no flags, so `test` keeps no state between calls.
 */
export function pathMatches(source: string, path: string): boolean {
  let pattern = PATTERNS.get(source);
  if (!pattern) {
    if (PATTERNS.size >= PATTERNS_KEPT) PATTERNS.clear();
    pattern = new RegExp(source);
    PATTERNS.set(source, pattern);
  }
  return pattern.test(path);
}
