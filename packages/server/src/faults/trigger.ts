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
