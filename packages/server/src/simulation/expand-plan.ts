import { createRandom, type Random } from '../domain/random.js';
import type { PlannedAction, PlannedStep, ScenarioPlan } from './plan.js';
import { isRepeat, type Scenario, type ScenarioPerson } from './scenario-model.js';
import type { ActionStep } from './scenario.schema.js';

type CrowdStep = Extract<ActionStep, { action: 'crowd' }>;

interface Draft {
  at: number;
  order: number;
  step: PlannedAction;
  person?: string;
  source: string;
  /** Repeat round the step belongs to: its picks draw one member per group for the whole round. */
  round?: string;
}

/**
 * Expands a scenario into its plan: repeat rounds unrolled, each crowd turned into joins at
 * seeded random times within its window, each `pick` resolved to a crowd member who has joined by
 * then. Every random draw comes from a stream forked off the seed by purpose, so the same file and
 * seed give the same plan on any machine (issue 6: determinism).
 */
export function expandScenario(scenario: Scenario, options: { seed?: number | string } = {}): ScenarioPlan {
  const seed = options.seed ?? scenario.seed;
  const random = createRandom(seed);
  const people: Record<string, ScenarioPerson> = { ...scenario.people };
  const drafts: Draft[] = [];
  const crowds = new CrowdNumbering();
  const add = (draft: Omit<Draft, 'order'>): number => drafts.push({ ...draft, order: drafts.length });
  for (const { at, step, source, round } of unroll(scenario.timeline)) {
    if (step.action === 'crowd') expandCrowd(step, at, random.fork(`crowd:${source}`), crowds, people).forEach((d) => add({ ...d, source }));
    else add({ at, step, source, ...(round === undefined ? {} : { round }), ...personOf(step) });
  }
  return { name: scenario.name, seed, meetings: scenario.meetings, people, steps: resolvePicks(sortDrafts(drafts), random.fork('pick')) };
}

interface Unrolled {
  at: number;
  step: ActionStep;
  source: string;
  round?: string;
}

/** Every step of the timeline at its absolute time; a repeat block once per round, its steps relative to the round. */
function* unroll(timeline: Scenario['timeline']): Generator<Unrolled> {
  for (const [i, entry] of timeline.entries()) {
    if (!isRepeat(entry)) {
      yield { at: entry.at ?? 0, step: entry, source: `timeline[${i}]` };
      continue;
    }
    for (let round = 0; round < entry.repeat.times; round++) {
      const base = (entry.at ?? 0) + round * entry.repeat.every;
      const label = entry.repeat.times > 1 ? ` round ${round + 1}` : '';
      for (const [j, step] of entry.steps.entries()) yield { at: base + (step.at ?? 0), step, source: `timeline[${i}].steps[${j}]${label}`, round: `${i}:${round}` };
    }
  }
}

function personOf(step: PlannedAction): { person?: string } {
  const person = (step as { person?: string }).person;
  return person === undefined ? {} : { person };
}

/** Crowd members are numbered per group across the whole file, in the order they join. */
class CrowdNumbering {
  private readonly next = new Map<string, number>();
  take(group: string): number {
    const n = (this.next.get(group) ?? 0) + 1;
    this.next.set(group, n);
    return n;
  }
}

function expandCrowd(step: CrowdStep, base: number, random: Random, numbering: CrowdNumbering, people: Record<string, ScenarioPerson>): Omit<Draft, 'order' | 'source'>[] {
  const times = Array.from({ length: step.count }, () => base + step.from + random.int(0, step.to - step.from)).sort((a, b) => a - b);
  const prefix = step.displayName ?? step.group.charAt(0).toUpperCase() + step.group.slice(1);
  return times.map((at) => {
    const n = numbering.take(step.group);
    const person = `${step.group} ${n}`;
    people[person] = { kind: 'guest', displayName: `${prefix} ${n}` };
    const join: PlannedAction = { action: 'join', person, ...(step.meeting ? { meeting: step.meeting } : {}), ...(step.muted === undefined ? {} : { muted: step.muted }), ...(step.video === undefined ? {} : { video: step.video }) };
    return { at, step: join, person };
  });
}

function sortDrafts(drafts: Draft[]): Draft[] {
  return [...drafts].sort((a, b) => a.at - b.at || a.order - b.order);
}

/**
 * A pick draws among the group's members planned to have joined (and not left) by then. Inside
 * one repeat round every pick of a group is the same member: "someone unmutes, speaks, mutes".
 */
function resolvePicks(drafts: Draft[], random: Random): PlannedStep[] {
  const present = new Map<string, string[]>();
  const chosen = new Map<string, string>();
  return drafts.map((draft, i) => {
    track(present, draft);
    const pick = (draft.step as { pick?: string }).pick;
    const members = pick === undefined ? [] : (present.get(pick) ?? []);
    const key = `${draft.round ?? `step ${i}`}/${pick ?? ''}`;
    if (pick !== undefined && members.length && !chosen.has(key)) chosen.set(key, random.pick(members));
    const person = pick === undefined ? draft.person : chosen.get(key);
    return { seq: i + 1, at: draft.at, step: draft.step, source: draft.source, ...(person === undefined ? {} : { person }) };
  });
}

function track(present: Map<string, string[]>, draft: Draft): void {
  const group = draft.person ? /^(.*) \d+$/.exec(draft.person)?.[1] : undefined;
  if (group === undefined || !draft.person) return;
  const members = present.get(group) ?? [];
  if (draft.step.action === 'join') present.set(group, [...members, draft.person]);
  if (draft.step.action === 'leave' || draft.step.action === 'remove') present.set(group, members.filter((m) => m !== draft.person));
}
