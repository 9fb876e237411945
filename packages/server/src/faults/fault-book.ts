import type { DocumentPort } from '../storage/ports.js';
import type { CallbackFaultFacts, GraphRequestFacts } from './fault-facts.js';
import type { CallbackRule, CallFaultRule, FaultRule, FaultRuleInput, GraphErrorRule, LatencyRule } from './fault-rule.js';

/**
 * The node's fault rules (issue 6, item 4) and the questions the rest of Switchboard asks them.
 * `http/` asks `graph()` per Graph request; the callback dispatcher asks `callback()` per
 * notification; the call fault scheduler asks `callFaults()` when a leg is established. Asking
 * counts a match and, when the trigger fires, a firing: the answer is the fired rule. Counting may
 * write to the store (durable counters), hence the promises; a request no rule matches writes nothing.
 */
export interface FaultBook {
  list(): FaultRule[];
  add(rule: FaultRuleInput): Promise<FaultRule>;
  remove(id: string): Promise<boolean>;
  clear(): Promise<void>;
  /** Faults for one Graph request: an error to answer with and/or a latency to add. */
  graph(facts: GraphRequestFacts): Promise<{ error?: GraphErrorRule & { id: string }; latency?: LatencyRule & { id: string } }>;
  /** The callback fault to apply to one notification, if any. */
  callback(facts: CallbackFaultFacts): Promise<(CallbackRule & { id: string }) | undefined>;
  /**
   * Call faults that fire for a leg that just became established. `docs` is the transaction that
   * arms them: the matches are counted in it, so a rolled-back (rerun) transaction counts nothing.
   */
  callFaults(facts: { appId: string; callId: string; meetingId?: string }, docs?: DocumentPort): Promise<(CallFaultRule & { id: string })[]>;
}
