import { randomUUID } from 'node:crypto';
import type { Random } from '../domain/random.js';
import type { DocumentPort } from '../storage/ports.js';
import { countInMemory, type MatchCounter } from './fault-counters.js';
import type { FaultBook } from './fault-book.js';
import type { CallbackFaultFacts, GraphRequestFacts } from './fault-facts.js';
import { faultRuleSchema, type CallbackMatch, type CallMatch, type FaultRule, type FaultRuleInput, type GraphMatch } from './fault-rule.js';
import { normalizeOperation } from './graph-operations.js';
import { pathMatches } from './trigger.js';

type Of<K extends FaultRule['kind']> = Extract<FaultRule, { kind: K }>;

/**
 * Fault rules held by this node, evaluated in insertion order. The seeded Random makes `rate`
 * reproducible; the counter decides and counts each match (in memory by default; StoredFaultBook
 * passes durable, shared counters and adds persistence, the seed and throttling around it).
 */
export class MemoryFaultBook implements FaultBook {
  private rules: FaultRule[] = [];

  constructor(
    private random: Random,
    private readonly counter: MatchCounter = countInMemory,
  ) {}

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  get(id: string): FaultRule | undefined {
    const rule = this.rules.find((candidate) => candidate.id === id);
    return rule ? { ...rule } : undefined;
  }

  /** Replaces the rules wholesale (loading from the store or a file), with the counts they carry. */
  replace(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ ...rule }));
  }

  /** A fresh Random: the same seed and request sequence then give the same faults again. */
  reseed(random: Random): void {
    this.random = random;
  }

  async add(input: FaultRuleInput, source?: FaultRule['source']): Promise<FaultRule> {
    const rule: FaultRule = { ...faultRuleSchema.parse(input), id: randomUUID(), matched: 0, fired: 0, ...(source ? { source } : {}) };
    this.rules.push(rule);
    return { ...rule };
  }

  async remove(id: string): Promise<boolean> {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length < before;
  }

  async clear(): Promise<void> {
    this.rules = [];
  }

  async graph(facts: GraphRequestFacts): ReturnType<FaultBook['graph']> {
    const error = await this.first('graphError', (rule) => graphMatches(rule.match, facts));
    const latency = await this.first('latency', (rule) => graphMatches(rule.match, facts));
    return { ...(error ? { error } : {}), ...(latency ? { latency } : {}) };
  }

  callback(facts: CallbackFaultFacts): Promise<Of<'callback'> | undefined> {
    return this.first('callback', (rule) => callbackMatches(rule.match, facts));
  }

  async callFaults(facts: { appId: string; callId: string; meetingId?: string }, docs?: DocumentPort): Promise<Of<'call'>[]> {
    const fired: Of<'call'>[] = [];
    for (const rule of this.rules) {
      if (rule.kind === 'call' && callMatches(rule.match, facts) && (await this.counter.count(rule, this.random, docs))) fired.push({ ...rule });
    }
    return fired;
  }

  /** The first rule of this kind that matches and fires; rules after it are not asked (their counters stay). */
  private async first<K extends FaultRule['kind']>(kind: K, matches: (rule: Of<K>) => boolean): Promise<Of<K> | undefined> {
    for (const rule of this.rules) {
      if (rule.kind === kind && matches(rule as Of<K>) && (await this.counter.count(rule, this.random))) return { ...(rule as Of<K>) };
    }
    return undefined;
  }
}

export function graphMatches(match: GraphMatch, facts: GraphRequestFacts): boolean {
  return (
    (match.operation === undefined || (facts.operation !== undefined && normalizeOperation(match.operation) === normalizeOperation(facts.operation))) &&
    (match.httpMethod === undefined || match.httpMethod === facts.httpMethod) &&
    (match.version === undefined || match.version === facts.version) &&
    (match.appId === undefined || match.appId === facts.appId) &&
    (match.path === undefined || pathMatches(match.path, facts.path))
  );
}

export function callbackMatches(match: CallbackMatch, facts: CallbackFaultFacts): boolean {
  return (Object.keys(match) as (keyof CallbackMatch)[]).every((key) => match[key] === undefined || match[key] === facts[key]);
}

export function callMatches(match: CallMatch, facts: { appId: string; callId: string; meetingId?: string }): boolean {
  return (Object.keys(match) as (keyof CallMatch)[]).every((key) => match[key] === undefined || match[key] === facts[key]);
}
