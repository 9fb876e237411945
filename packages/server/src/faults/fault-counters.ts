import type { Random } from '../domain/random.js';
import { VersionConflictError, type DocumentPort } from '../storage/ports.js';
import type { FaultRule } from './fault-rule.js';
import { fires, type TriggerCounts } from './trigger.js';

/**
 * Counts one match of a rule and decides whether it fires (trigger.ts). The rule object is the
 * book's own: its `matched`/`fired` are updated to the counts after this match, for listing.
 * `docs`, when given, is the caller's transaction: the match is counted there, with its effect.
 */
export interface MatchCounter {
  count(rule: FaultRule, random: Random, docs?: DocumentPort): Promise<boolean>;
}

/** One node on its own: counters in memory (MemoryFaultBook's default). */
export const countInMemory: MatchCounter = {
  async count(rule, random) {
    const next = step(rule, rule, random);
    Object.assign(rule, next.counts);
    return next.fires;
  },
};

/** The counters of a rule are a document of this kind, keyed by the rule id. */
export const FAULT_COUNT_KIND = 'faultCount';
const ZERO: TriggerCounts = { matched: 0, fired: 0 };
/** Conflicts mean another request or node counted at the same time; each retry re-reads. */
const MAX_ATTEMPTS = 20;

interface Seen {
  version: number;
  counts: TriggerCounts;
}

/**
 * Counters kept in the store, so a `times`-limited rule stays exhausted across a restart and
 * several nodes on one database share one count. Each match is written with the version last
 * seen (optimistic concurrency): a conflict re-reads and decides again, so two nodes never both
 * take the last firing. Matches of one rule on this node are serialized, so a single node never
 * conflicts with itself. Nothing is written for a request no rule matches.
 */
export class StoredMatchCounter implements MatchCounter {
  private readonly seen = new Map<string, Seen>();
  /** Rules found removed by another node: they match nothing here until this node's book drops them too. */
  private readonly removed = new Set<string>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly docs: DocumentPort) {}

  /** The stored counts of these rules (open, listing), remembered as the base of the next write. */
  async load(ids: readonly string[]): Promise<Map<string, TriggerCounts>> {
    const counts = new Map<string, TriggerCounts>();
    for (const id of ids) counts.set(id, this.adopt(id, await this.read(this.docs, id)).counts);
    return counts;
  }

  count(rule: FaultRule, random: Random, docs?: DocumentPort): Promise<boolean> {
    if (this.removed.has(rule.id)) return Promise.resolve(false);
    if (docs) return this.countIn(docs, rule, random);
    return this.serialized(rule.id, () => this.countShared(rule, onceRandom(random)));
  }

  /** Drops the counters of removed rules. */
  async forget(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      this.seen.delete(id);
      await this.docs.delete(FAULT_COUNT_KIND, id);
    }
  }

  private async countShared(rule: FaultRule, random: Random): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const base = this.seen.get(rule.id) ?? { version: 0, counts: ZERO };
      const next = step(base.counts, rule, random);
      try {
        const doc = await this.docs.put(FAULT_COUNT_KIND, rule.id, next.counts, base.version);
        Object.assign(rule, this.adopt(rule.id, { version: doc.version, counts: next.counts }).counts);
        return next.fires;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
        const stored = await this.read(this.docs, rule.id);
        if (removedElsewhere(base, stored)) return this.dropped(rule.id);
        this.adopt(rule.id, stored);
      }
    }
  }

  /** Inside a transaction: a conflict aborts it, and the caller's rerun counts again. */
  private async countIn(docs: DocumentPort, rule: FaultRule, random: Random): Promise<boolean> {
    const base = await this.read(docs, rule.id);
    const next = step(base.counts, rule, random);
    await docs.put(FAULT_COUNT_KIND, rule.id, next.counts, base.version);
    Object.assign(rule, next.counts);
    return next.fires;
  }

  /** The rule was removed on another node, which dropped its counters: it no longer matches here either. */
  private dropped(id: string): boolean {
    this.seen.delete(id);
    this.removed.add(id);
    return false;
  }

  private async read(docs: DocumentPort, id: string): Promise<Seen> {
    const doc = await docs.get<TriggerCounts>(FAULT_COUNT_KIND, id);
    return doc ? { version: doc.version, counts: { matched: doc.data.matched, fired: doc.data.fired } } : { version: 0, counts: ZERO };
  }

  /** Keeps the newest version seen: a slow read never rolls back a later write. */
  private adopt(id: string, candidate: Seen): Seen {
    const current = this.seen.get(id);
    if (current && current.version > candidate.version) return current;
    this.seen.set(id, candidate);
    return candidate;
  }

  private serialized<T>(id: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(id) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    this.queues.set(id, tail);
    void tail.then(() => {
      if (this.queues.get(id) === tail) this.queues.delete(id);
    });
    return run;
  }
}

/** The counts after one more match of `rule`, and whether it fires on it. */
function step(counts: TriggerCounts, rule: FaultRule, random: Random): { counts: TriggerCounts; fires: boolean } {
  const matched = counts.matched + 1;
  const fired = fires(rule.trigger, { matched, fired: counts.fired }, random);
  return { counts: { matched, fired: counts.fired + (fired ? 1 : 0) }, fires: fired };
}

/**
 * A decision retried after a conflict draws the same number: one match consumes one draw of the
 * seeded sequence, however many attempts its write took, so `rate` stays reproducible.
 */
function onceRandom(random: Random): Random {
  let drawn: number | undefined;
  return { ...random, next: () => (drawn ??= random.next()) };
}

/**
 * Counters seen written but now gone: only forget() deletes them, when a rule is removed. This
 * node learns of the removal at its next read of the book (StoredFaultBook.follow).
 */
function removedElsewhere(base: Seen, stored: Seen): boolean {
  return base.version > 0 && stored.version === 0;
}
