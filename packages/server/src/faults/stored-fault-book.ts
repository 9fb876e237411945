import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain/errors/index.js';
import { createRandom, type Random } from '../domain/random.js';
import { VersionConflictError, type DocumentPort } from '../storage/ports.js';
import { StoredMatchCounter } from './fault-counters.js';
import type { FaultBook } from './fault-book.js';
import type { CallbackFaultFacts, GraphRequestFacts } from './fault-facts.js';
import type { FaultFile } from './fault-file.schema.js';
import type { FaultRegistry } from './fault-registry.js';
import type { FaultRule, FaultRuleInput, FaultRuleSpec } from './fault-rule.js';
import { MemoryFaultBook } from './memory-fault-book.js';
import { readFaultState, stateOf, writeFaultState, type FaultState } from './fault-state.js';
import { ThrottleLimiter } from './throttle-limiter.js';
import { limitOf, THROTTLING_OFF, type ThrottlingProfile } from './throttling-profile.js';

/** The rate draws of fault rules: their own stream of the seed, apart from the simulations'. */
export const faultRandom = (seed: number): Random => createRandom(seed).fork('faults');

/** A change that lost the race with another node's is redone on the newer book this many times. */
const WRITE_ATTEMPTS = 3;

/**
 * The node's fault book, kept in the store (one document) so a restart keeps rules, seed and
 * throttling profile. Each rule's counters are a document of their own, written per match
 * (fault-counters.ts): a `times`-limited rule stays exhausted across a restart and is shared by
 * every node on the database. The Random starts over after a restart (or a clear, or a new
 * seed), so the same seed, rules and request sequence give the same `rate` draws again.
 * Several nodes on one database share the book: a change starts from the stored book and writes
 * over the version it read, and `follow` picks up the other nodes' changes.
 */
export class StoredFaultBook implements FaultRegistry {
  private readonly book: MemoryFaultBook;
  private readonly counter: StoredMatchCounter;
  private readonly limiter = new ThrottleLimiter(undefined);
  private currentSeed: number;
  private profile: ThrottlingProfile = THROTTLING_OFF;
  private writes: Promise<unknown> = Promise.resolve();
  /** The stored book's version this node's rules reflect. */
  private seenVersion = 0;

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
    const { state, version } = await readFaultState(docs);
    const book = new StoredFaultBook(docs, options.seed ?? state.seed);
    await book.adopt({ ...state, seed: book.currentSeed }, version);
    if (options.seed !== undefined && options.seed !== state.seed) await book.change(() => book.setSeedNow(options.seed as number));
    return book;
  }

  /** Re-reads the stored book every `ms` and takes another node's changes (PostgreSQL, several nodes). */
  follow(ms: number): () => void {
    const interval = setInterval(() => void this.serialized(() => this.takeStored()).catch(() => undefined), ms);
    interval.unref();
    return () => clearInterval(interval);
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

  add(input: FaultRuleInput, source: FaultRule['source'] = 'api'): Promise<FaultRule> {
    return this.change(() => this.book.add(input, source));
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.change(() => this.book.remove(id));
    if (removed) await this.counter.forget([id]);
    return removed;
  }

  async clear(): Promise<void> {
    const ids = await this.change(async () => {
      const cleared = this.book.list().map((rule) => rule.id);
      await this.book.clear();
      this.book.reseed(faultRandom(this.currentSeed));
      return cleared;
    });
    await this.counter.forget(ids);
  }

  seed(): number {
    return this.currentSeed;
  }

  async setSeed(seed: number): Promise<void> {
    await this.change(() => this.setSeedNow(seed));
  }

  throttling(): ThrottlingProfile {
    return { ...this.profile };
  }

  async setThrottling(profile: ThrottlingProfile): Promise<void> {
    await this.change(() => this.applyProfile(profile));
  }

  throttle(appId: string, tenantId: string): number | undefined {
    return this.limiter.take(`${tenantId}/${appId}`);
  }

  async applyFile(file: FaultFile, options: { keepSeed: boolean }): Promise<void> {
    const replaced = await this.change(() => {
      const fromFile = file.rules.map((spec) => ruleOf(spec, 'file'));
      const previous = this.book.list().filter((rule) => rule.source === 'file').map((rule) => rule.id);
      this.book.replace([...fromFile, ...this.book.list().filter((rule) => rule.source !== 'file')]);
      if (file.seed !== undefined && !options.keepSeed) this.currentSeed = file.seed;
      this.book.reseed(faultRandom(this.currentSeed));
      if (file.throttling) this.applyProfile(file.throttling);
      return previous;
    });
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

  private setSeedNow(seed: number): void {
    this.currentSeed = seed;
    this.book.reseed(faultRandom(seed));
  }

  /**
   * One change at a time, in order: take the stored book (another node may have changed it),
   * apply, write over the version read. Losing that race redoes the change on the newer book, so
   * two nodes adding rules at once keep both.
   */
  private change<T>(apply: () => T | Promise<T>): Promise<T> {
    return this.serialized(async () => {
      for (let attempt = 1; ; attempt++) {
        await this.takeStored();
        const result = await apply();
        try {
          this.seenVersion = await writeFaultState(this.docs, stateOf(this.currentSeed, this.profile, this.book.list()), this.seenVersion);
          return result;
        } catch (error) {
          if (error instanceof VersionConflictError && attempt < WRITE_ATTEMPTS) continue;
          await this.dropUnsaved();
          // Still losing after every redo: the catalogue's 409, which the client may retry.
          throw error instanceof VersionConflictError ? new DomainError('versionConflict') : error;
        }
      }
    });
  }

  /** A change that was not written must not stay in this node's book: take the stored one again. */
  private async dropUnsaved(): Promise<void> {
    this.seenVersion = -1;
    await this.takeStored().catch(() => undefined);
  }

  /** The stored book, when it is newer than what this node holds (its counters come with it). */
  private async takeStored(): Promise<void> {
    const { state, version } = await readFaultState(this.docs);
    if (version !== this.seenVersion) await this.adopt(state, version);
  }

  private async adopt(state: FaultState, version: number): Promise<void> {
    const counts = await this.counter.load(state.rules.map((rule) => rule.id));
    this.book.replace(state.rules.map((rule) => ({ ...rule, matched: 0, fired: 0, ...counts.get(rule.id) }) as FaultRule));
    if (state.seed !== this.currentSeed) this.setSeedNow(state.seed);
    this.applyProfile(state.throttling);
    this.seenVersion = version;
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work);
    this.writes = run.catch(() => undefined);
    return run;
  }
}

function ruleOf(spec: FaultRuleSpec, source: FaultRule['source']): FaultRule {
  return { ...spec, id: randomUUID(), matched: 0, fired: 0, ...(source ? { source } : {}) };
}
