import { randomUUID } from 'node:crypto';
import { createRandom, type Random } from '../domain/random.js';
import type { DocumentPort } from '../storage/ports.js';
import { StoredMatchCounter } from './fault-counters.js';
import type { FaultBook } from './fault-book.js';
import type { CallbackFaultFacts, GraphRequestFacts } from './fault-facts.js';
import type { FaultFile } from './fault-file.schema.js';
import type { FaultRegistry } from './fault-registry.js';
import type { FaultRule, FaultRuleInput, FaultRuleSpec } from './fault-rule.js';
import { MemoryFaultBook } from './memory-fault-book.js';
import { readFaultState, stateOf, writeFaultState } from './fault-state.js';
import { ThrottleLimiter } from './throttle-limiter.js';
import { limitOf, THROTTLING_OFF, type ThrottlingProfile } from './throttling-profile.js';

/** The rate draws of fault rules: their own stream of the seed, apart from the simulations'. */
export const faultRandom = (seed: number): Random => createRandom(seed).fork('faults');

/**
 * The node's fault book, kept in the store (one document) so a restart keeps rules, seed and
 * throttling profile. Each rule's counters are a document of their own, written per match
 * (fault-counters.ts): a `times`-limited rule stays exhausted across a restart and is shared by
 * every node on the database. The Random starts over after a restart (or a clear, or a new
 * seed), so the same seed, rules and request sequence give the same `rate` draws again.
 */
export class StoredFaultBook implements FaultRegistry {
  private readonly book: MemoryFaultBook;
  private readonly counter: StoredMatchCounter;
  private readonly limiter = new ThrottleLimiter(undefined);
  private currentSeed: number;
  private profile: ThrottlingProfile = THROTTLING_OFF;
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly docs: DocumentPort,
    seed: number,
  ) {
    this.currentSeed = seed;
    this.counter = new StoredMatchCounter(docs);
    this.book = new MemoryFaultBook(faultRandom(seed), this.counter);
  }

  /** Loads what the store holds; a `seed` given (the --fault-seed flag) replaces the stored one. */
  static async open(docs: DocumentPort, options: { seed?: number } = {}): Promise<StoredFaultBook> {
    const state = await readFaultState(docs);
    const book = new StoredFaultBook(docs, options.seed ?? state.seed);
    const counts = await book.counter.load(state.rules.map((rule) => rule.id));
    book.book.replace(state.rules.map((rule) => ({ ...rule, matched: 0, fired: 0, ...counts.get(rule.id) }) as FaultRule));
    book.applyProfile(state.throttling);
    if (options.seed !== undefined && options.seed !== state.seed) await book.persist();
    return book;
  }

  list(): FaultRule[] {
    return this.book.list();
  }

  get(id: string): FaultRule | undefined {
    return this.book.get(id);
  }

  /** Re-reads the stored counters, which other nodes may have moved, before the rules are shown. */
  async refreshCounts(): Promise<void> {
    const counts = await this.counter.load(this.book.list().map((rule) => rule.id));
    this.book.replace(this.book.list().map((rule) => ({ ...rule, ...counts.get(rule.id) })));
  }

  async add(input: FaultRuleInput, source: FaultRule['source'] = 'api'): Promise<FaultRule> {
    const rule = await this.book.add(input, source);
    await this.persist();
    return rule;
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.book.remove(id);
    if (removed) await this.persist();
    if (removed) await this.counter.forget([id]);
    return removed;
  }

  async clear(): Promise<void> {
    const ids = this.book.list().map((rule) => rule.id);
    await this.book.clear();
    this.book.reseed(faultRandom(this.currentSeed));
    await this.persist();
    await this.counter.forget(ids);
  }

  seed(): number {
    return this.currentSeed;
  }

  async setSeed(seed: number): Promise<void> {
    this.currentSeed = seed;
    this.book.reseed(faultRandom(seed));
    await this.persist();
  }

  throttling(): ThrottlingProfile {
    return { ...this.profile };
  }

  async setThrottling(profile: ThrottlingProfile): Promise<void> {
    this.applyProfile(profile);
    await this.persist();
  }

  throttle(appId: string, tenantId: string): number | undefined {
    return this.limiter.take(`${tenantId}/${appId}`);
  }

  async applyFile(file: FaultFile, options: { keepSeed: boolean }): Promise<void> {
    const fromFile = file.rules.map((spec) => ruleOf(spec, 'file'));
    const replaced = this.book.list().filter((rule) => rule.source === 'file').map((rule) => rule.id);
    this.book.replace([...fromFile, ...this.book.list().filter((rule) => rule.source !== 'file')]);
    if (file.seed !== undefined && !options.keepSeed) this.currentSeed = file.seed;
    this.book.reseed(faultRandom(this.currentSeed));
    if (file.throttling) this.applyProfile(file.throttling);
    await this.persist();
    await this.counter.forget(replaced);
  }

  graph(facts: GraphRequestFacts): ReturnType<FaultBook['graph']> {
    return this.book.graph(facts);
  }

  callback(facts: CallbackFaultFacts): ReturnType<FaultBook['callback']> {
    return this.book.callback(facts);
  }

  callFaults(facts: { appId: string; callId: string; meetingId?: string }, docs?: DocumentPort): ReturnType<FaultBook['callFaults']> {
    return this.book.callFaults(facts, docs);
  }

  private applyProfile(profile: ThrottlingProfile): void {
    this.profile = { ...profile };
    this.limiter.configure(limitOf(profile));
  }

  /** One write at a time, in the order of the changes, each with the whole current state. */
  private persist(): Promise<void> {
    const write = this.writes.then(() => writeFaultState(this.docs, stateOf(this.currentSeed, this.profile, this.book.list())));
    this.writes = write.catch(() => undefined);
    return write;
  }
}

function ruleOf(spec: FaultRuleSpec, source: FaultRule['source']): FaultRule {
  return { ...spec, id: randomUUID(), matched: 0, fired: 0, ...(source ? { source } : {}) };
}
